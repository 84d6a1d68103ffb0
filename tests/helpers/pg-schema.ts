import pg from 'pg';

/**
 * The PostgreSQL leg (#17): a fresh schema per test on the server in FUNDDESK_TEST_PG (scripts/pg-test-cluster.mjs),
 * for the service tests (temp-db.ts) and the e2e fixture alike. No test framework is imported here.
 */
export const TEST_PG = process.env.FUNDDESK_TEST_PG || null;

/** One statement on the test server's own database (schemas and databases are made and dropped this way). */
export async function admin(base: string, sql: string) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The same server address with another database name (the path of the URL). */
function withDatabase(base: string, name: string) {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A database to copy (CREATE DATABASE … TEMPLATE): made empty, filled once by `fill(url)` (e.g. `funddesk demo`),
 * then copied for each test by tempPgCopy. On a loaded 2-core machine the demo took 27 s to load over the wire
 * and a copy 0.5 s (2026-12-05, load average 30), so each e2e test starts from a copy, not from a fresh load.
 */
export async function pgTemplate(base: string, fill: (url: string) => Promise<void>) {
  const name = `fd_tpl_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(base, `CREATE DATABASE ${name}`);
  try {
    await fill(withDatabase(base, name));
  } catch (e) {
    await admin(base, `DROP DATABASE ${name} WITH (FORCE)`);
    throw e;
  }
  return { name, drop: () => admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

let copies = 0;
/** A new database copied from a template (no session may be connected to the template meanwhile): its URL and a drop(). */
export async function tempPgCopy(base: string, template: string) {
  const name = `fd_test_${process.pid}_${++copies}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(base, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: withDatabase(base, name),
    drop: () => admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

let schemas = 0;
/** A new empty schema on the test server: its URL (search_path set through libpq's options) and a drop(). */
export async function tempPgSchema(base: string) {
  const schema = `fd_test_${process.pid}_${++schemas}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(base, `CREATE SCHEMA ${schema}`);
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return { url, schema, drop: () => admin(base, `DROP SCHEMA ${schema} CASCADE`) };
}
