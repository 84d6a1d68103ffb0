import { type Kysely, sql } from 'kysely';
import { KEYED_TABLES, nameSortKey } from '../src/main/services/ledger/sort-key';
import { isPostgres, runAll } from './engine';

/**
 * Sort keys and indexes for large ledgers (#13), whose grids sort and page in SQL (ledger/page.ts):
 *
 * 1. `name_key` on every table with a `name`: the name's collator order as plain bytes (sort-key.ts), filled
 *    here for the rows there are and kept by every write (ledger/write.ts insertRows, service.ts, demo
 *    insert). On PostgreSQL the column has the "C" collation, so its order is the bytes' order there too.
 * 2. Indexes for the sorts a large ledger is paged in: names, and the money and date columns of the two
 *    ledgers that reach 100,000 rows (investments, landed projects), each ending in the row id (the tie
 *    order the grids use).
 */
const INDEXES = [
  ...KEYED_TABLES.map((t) => `CREATE INDEX ${t}_sort_name ON ${t}(name_key, id)`),
  `CREATE INDEX investments_amount ON investments(amount_fen, id)`,
  `CREATE INDEX investments_date ON investments(date, id)`,
  `CREATE INDEX landed_projects_amount ON landed_projects(amount_fen, id)`,
  `CREATE INDEX landed_projects_date ON landed_projects(landed_date, id)`,
];

const BATCH = 500;

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const collate = isPostgres(db) ? ' COLLATE "C"' : '';
  for (const t of KEYED_TABLES) {
    await sql.raw(`ALTER TABLE ${t} ADD COLUMN name_key TEXT${collate}`).execute(db);
    const rows = (await db.selectFrom(t).select(['id', 'name']).execute()) as {
      id: number;
      name: string | null;
    }[];
    // In batches of one UPDATE … FROM (VALUES …) each (one statement per row took minutes at 100x).
    for (let i = 0; i < rows.length; i += BATCH) {
      const values = rows
        .slice(i, i + BATCH)
        .map((r) => sql`(CAST(${r.id} AS BIGINT), ${nameSortKey(r.name)})`);
      await sql`UPDATE ${sql.table(t)} SET name_key = v.column2 FROM (VALUES ${sql.join(values)}) AS v
        WHERE ${sql.table(t)}.id = v.column1`.execute(db);
    }
  }
  await runAll(db, INDEXES);
}

export async function down(db: Db): Promise<void> {
  await runAll(db, [
    ...INDEXES.map((s) => `DROP INDEX IF EXISTS ${s.split(' ')[2]}`),
    ...KEYED_TABLES.map((t) => `ALTER TABLE ${t} DROP COLUMN name_key`),
  ]);
}
