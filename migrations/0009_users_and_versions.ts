import { type Kysely, sql } from 'kysely';
import { isPostgres, runAll } from './engine';

/**
 * Several people at once (#17):
 * 1. audit_log.user_name: who made each change. Rows written before this migration keep '' (shown as
 *    「（未记录）」). On PostgreSQL the column's default is the session's `funddesk.user_name` setting
 *    (db/session-user.ts sets it once per connection), so every writer of the audit log — ledger, import,
 *    compliance, evaluation, restore — records the user without passing it; on SQLite a TEMP trigger of the
 *    connection fills it in. The default is set after the column exists, so old rows stay '' (PostgreSQL
 *    would otherwise evaluate the default once for them).
 * 2. row_version on every ledger table (optimistic concurrency): 1 when created, +1 on each update by the
 *    write path (services/ledger/service.ts); an edit made on an older version is refused.
 */
export const LEDGER_TABLES = [
  'managers',
  'funds',
  'cash_flows',
  'valuations',
  'enterprises',
  'investments',
  'landed_projects',
  'institutions',
  'financing_deals',
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await runAll(db, [
    `ALTER TABLE audit_log ADD COLUMN user_name TEXT NOT NULL DEFAULT ''`,
    `CREATE INDEX audit_log_user ON audit_log(user_name, id)`,
    ...LEDGER_TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1`),
  ]);
  if (isPostgres(db)) {
    await sql`ALTER TABLE audit_log ALTER COLUMN user_name SET DEFAULT coalesce(current_setting('funddesk.user_name', true), '')`.execute(
      db,
    );
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await runAll(db, [
    `DROP INDEX audit_log_user`,
    `ALTER TABLE audit_log DROP COLUMN user_name`,
    ...LEDGER_TABLES.map((t) => `ALTER TABLE ${t} DROP COLUMN row_version`),
  ]);
}
