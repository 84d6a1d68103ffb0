import type { Kysely } from 'kysely';
import { KEYED_TABLES } from '../src/main/services/ledger/sort-key';
import { isPostgres, runAll } from './engine';

/**
 * 0008's sort indexes, on PostgreSQL, with their first key's empty values first (#13, #17). A large ledger's
 * grid sorts in SQL with the order AG Grid shows: empty first going up, last going down (ledger/page.ts:
 * `ORDER BY amount_fen ASC NULLS FIRST, id`). SQLite puts NULL first on its own, so 0008's indexes serve it;
 * PostgreSQL's default index order is NULLS LAST, which its planner does not match with NULLS FIRST even on a
 * NOT NULL column, so a 100x sort read and sorted all 100,000 rows (EXPLAIN ANALYZE on 100,000 rows: Seq Scan
 * + top-N heapsort, 91 ms going up and 34 ms going down; with these: an index-only scan, 0.2 and 0.3 ms, going
 * down backwards with an incremental sort of ties by id). SQLite: nothing changes.
 */
const SORTS: [table: string, name: string, column: string][] = [
  ...KEYED_TABLES.map((t): [string, string, string] => [t, `${t}_sort_name`, 'name_key']),
  ['investments', 'investments_amount', 'amount_fen'],
  ['investments', 'investments_date', 'date'],
  ['landed_projects', 'landed_projects_amount', 'amount_fen'],
  ['landed_projects', 'landed_projects_date', 'landed_date'],
];

const rebuilt = (nulls: string) =>
  SORTS.flatMap(([t, name, col]) => [
    `DROP INDEX IF EXISTS ${name}`,
    `CREATE INDEX ${name} ON ${t}(${col}${nulls}, id)`,
  ]);

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await runAll(db, rebuilt(' NULLS FIRST'));
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await runAll(db, rebuilt(''));
}
