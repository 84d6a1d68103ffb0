import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgConnection } from '../../src/main/db/pg-sync';
import { KEYED_TABLES } from '../../src/main/services/ledger/sort-key';
import { tempDb } from '../helpers/temp-db';

// Only in the PostgreSQL leg. A large ledger sorts in SQL with empty values first going up and last going down
// (ledger/page.ts); PostgreSQL answers a page of such a sort from an index only if the index keeps NULLS FIRST
// (migration 0013). Without it, every sort of a 100,000-row ledger read and sorted the whole table.
let t: Awaited<ReturnType<typeof tempDb>>;
let conn: PgConnection;

beforeAll(async () => {
  t = await tempDb();
  conn = new PgConnection(t.path);
  // Make a full sort or a full scan the planner's last resort: the plan then shows whether an index can give
  // the order at all, whatever the table holds.
  conn.query('SET enable_sort = off');
  conn.query('SET enable_seqscan = off');
});
afterAll(async () => {
  conn?.close();
  await t?.cleanup();
});

const plan = (sql: string) =>
  (conn.query(`EXPLAIN ${sql}`).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');

const SORTS: [table: string, column: string][] = [
  ...KEYED_TABLES.map((table): [string, string] => [table, 'name_key']),
  ['investments', 'amount_fen'],
  ['investments', 'date'],
  ['landed_projects', 'amount_fen'],
  ['landed_projects', 'landed_date'],
];

describe('a large ledger’s sorted page comes from an index on PostgreSQL', () => {
  it.each(SORTS)('%s by %s, going up and going down', (table, column) => {
    for (const dir of ['ASC NULLS FIRST', 'DESC NULLS LAST']) {
      const p = plan(`SELECT t.id FROM ${table} t ORDER BY t.${column} ${dir}, t.id LIMIT 100 OFFSET 200`);
      expect(p, `${table} ${column} ${dir}`).toMatch(/Index (Only )?Scan/);
      // No sort of the whole table: at most ties sorted by id after the index's order (Incremental Sort).
      expect(p, `${table} ${column} ${dir}`).not.toMatch(/(^|->\s+)Sort\b/m);
    }
  });
});
