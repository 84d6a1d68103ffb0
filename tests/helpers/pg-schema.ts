import pg from 'pg';

/**
 * The PostgreSQL leg (#17): a fresh schema per test on the server in FUNDDESK_TEST_PG (scripts/pg-test-cluster.mjs),
 * for the service tests (temp-db.ts) and the e2e fixture alike. No test framework is imported here.
 */
export const TEST_PG = process.env.FUNDDESK_TEST_PG || null;

let schemas = 0;
/** A new empty schema on the test server: its URL (search_path set through libpq's options) and a drop(). */
export async function tempPgSchema(base: string) {
  const schema = `fd_test_${process.pid}_${++schemas}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return { url, schema, drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}
