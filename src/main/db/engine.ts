import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { PgRaw } from './pg-raw';

/** The tables people edit, parents before children (foreign keys), and the audit log every edit appends to. */
export const LEDGER_TABLES = [
  'managers',
  'funds',
  'institutions',
  'enterprises',
  'cash_flows',
  'valuations',
  'investments',
  'landed_projects',
  'financing_deals',
  'audit_log',
] as const;

/** Whether a Kysely instance runs on PostgreSQL (team mode, #17) rather than a SQLite file. */
export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Whether a raw handle (OpenedDb['raw']) is the PostgreSQL one (pg-raw.ts) rather than better-sqlite3. */
export function isPostgresRaw(raw: unknown): boolean {
  return raw instanceof PgRaw;
}

/**
 * PostgreSQL: after rows were written with explicit ids (a migration's example row, demo data, a copy), each
 * identity continues after the table's largest id; SQLite's INTEGER PRIMARY KEY does that by itself.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema (migrations run on an untyped one)
export async function catchUpIds(db: Kysely<any>, tables?: readonly string[]): Promise<void> {
  if (!isPostgres(db)) return;
  const names =
    tables ??
    (
      await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'`.execute(db)
    ).rows.map((r) => r.t);
  for (const t of names) {
    await sql`SELECT setval(pg_get_serial_sequence(${`"${t}"`}, 'id'), COALESCE((SELECT max(id) FROM ${sql.table(t)}), 0) + 1, false)`.execute(
      db,
    );
  }
}
