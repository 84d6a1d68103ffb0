import { type Kysely, sql } from 'kysely';
import { RECOGNISED_INDEXES } from './0004_overview_aggregates';
import { isPostgres, runAll } from './engine';

/**
 * 并购区内企业 (acquired) as a 返投 recognition category of a record, and indexes for the compliance desk.
 *
 * 1. The rule sets of 0005 have the category `acquired`, but 0001's CHECK on investments and landed_projects
 *    allowed five categories, so no record could use it. SQLite cannot change a CHECK in place: each table
 *    is rebuilt (the 12 steps of https://www.sqlite.org/lang_altertable.html#otheralter): a copy made from
 *    the table's own stored definition (so the columns later migrations added stay, in their order) with
 *    the widened CHECK, every row copied, the old table dropped, the copy renamed, and the table's indexes
 *    and triggers made again from their stored definitions. No table references these two, so dropping one
 *    deletes nothing elsewhere. down() refuses while a record uses the category (nothing is changed).
 * 2. 返投 of every fund reads each recognised record's enterprise, amounts and override: 0004's partial
 *    indexes of the recognised rows now hold all of those, so the read is one pass over the index (40,000
 *    entries at 100x) instead of over both tables (200,000 rows).
 * 3. Financing deals in an open stage last touched before a date (the financing_stalled alert): an index by
 *    (stage, updated_at) finds them without reading every deal.
 */
const FIVE = `'registered','relocated','subsidiary','introduced','other'`;
const SIX = `'registered','relocated','subsidiary','introduced','acquired','other'`;
const TABLES = ['investments', 'landed_projects'] as const;

const RECOGNISED_0007 = [
  `CREATE INDEX investments_recognised ON investments(fund_id, reinvest_category, date, reinvest_recognised_fen,
    enterprise_id, amount_fen, reinvest_override_fen, reinvest_override_reason) WHERE reinvest_category IS NOT NULL`,
  `CREATE INDEX landed_projects_recognised ON landed_projects(fund_id, reinvest_category, landed_date, status,
    reinvest_recognised_fen, enterprise_id, name, amount_fen, reinvest_override_fen, reinvest_override_reason)
    WHERE reinvest_category IS NOT NULL`,
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
type Db = Kysely<any>;

/** Rebuilds `table` with `from` replaced by `to` in its stored definition, keeping rows, indexes, triggers. */
async function rebuild(db: Db, table: string, from: string, to: string) {
  const { rows } = await sql<{ type: string; sql: string }>`
    SELECT type, sql FROM sqlite_master WHERE tbl_name = ${table} AND sql IS NOT NULL`.execute(db);
  const definition = rows.find((r) => r.type === 'table')?.sql ?? '';
  if (definition.split(from).length !== 2) {
    throw new Error(`表 ${table} 的结构与预期不同，无法修改返投认定类别的取值范围`);
  }
  const copy = `${table}_0007`;
  const created = definition
    .replace(from, to)
    .replace(new RegExp(`^CREATE TABLE\\s+["\`]?${table}["\`]?`), `CREATE TABLE ${copy}`);
  await sql.raw(created).execute(db);
  await sql.raw(`INSERT INTO ${copy} SELECT * FROM ${table}`).execute(db);
  await sql.raw(`DROP TABLE ${table}`).execute(db);
  await sql.raw(`ALTER TABLE ${copy} RENAME TO ${table}`).execute(db);
  for (const r of rows) if (r.type !== 'table') await sql.raw(r.sql).execute(db);
}

/**
 * PostgreSQL changes a CHECK in place: the column's category CHECK (found by its definition, since 0001 left
 * it unnamed) is dropped and written again with `codes`.
 */
async function recheck(db: Db, table: string, codes: string) {
  const { rows } = await sql<{ name: string }>`
    SELECT conname AS name FROM pg_constraint
    WHERE conrelid = ${table}::regclass AND contype = 'c'
      AND pg_get_constraintdef(oid) LIKE '%reinvest_category%' AND pg_get_constraintdef(oid) LIKE '%registered%'`.execute(
    db,
  );
  if (rows.length !== 1) throw new Error(`表 ${table} 的结构与预期不同，无法修改返投认定类别的取值范围`);
  await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT "${rows[0]?.name}"`).execute(db);
  await sql
    .raw(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_reinvest_category_check
      CHECK (reinvest_category IS NULL OR reinvest_category IN (${codes}))`)
    .execute(db);
}

async function widen(db: Db, from: string, to: string) {
  for (const t of TABLES) {
    if (isPostgres(db)) await recheck(db, t, to);
    else await rebuild(db, t, from, to);
  }
}

export async function up(db: Db): Promise<void> {
  await widen(db, FIVE, SIX);
  await runAll(db, [
    `DROP INDEX investments_recognised`,
    `DROP INDEX landed_projects_recognised`,
    ...RECOGNISED_0007,
    `CREATE INDEX financing_deals_stage_updated ON financing_deals(stage, updated_at, first_contact_date)`,
  ]);
}

export async function down(db: Db): Promise<void> {
  for (const t of TABLES) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM ${sql.table(t)} WHERE reinvest_category = 'acquired'`.execute(db);
    const n = rows[0]?.n ?? 0;
    if (n > 0) throw new Error(`有${n}条记录的返投认定类别为“并购区内企业”，不能退回到不支持该类别的版本`);
  }
  await runAll(db, [
    `DROP INDEX IF EXISTS financing_deals_stage_updated`,
    `DROP INDEX IF EXISTS investments_recognised`,
    `DROP INDEX IF EXISTS landed_projects_recognised`,
    ...RECOGNISED_INDEXES,
  ]);
  await widen(db, SIX, FIVE);
}
