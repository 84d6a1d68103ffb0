import { catchUpIds } from '../db/engine';
import type { Db } from '../db/open';
import { withNameKey } from '../services/ledger/sort-key';
import { DEMO_TABLES, type DemoData } from './types';

/** SQLite's limit on bound parameters per statement is 32766; stay well below it. */
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_STATEMENT = 1_000;

/**
 * Insert demo rows (explicit ids) with multi-row INSERTs, parents before children, in one transaction
 * (the caller's, when given one). Writes no audit rows: demo data is not user activity.
 * onProgress reports rows written so far, for the benchmark's large datasets.
 */
export async function insertDemo(
  db: Db,
  data: DemoData,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = DEMO_TABLES.reduce((n, [t]) => n + data[t].length, 0);
  const run = async (trx: Db) => {
    let done = 0;
    for (const [table] of DEMO_TABLES) {
      const rows = data[table] as readonly Record<string, unknown>[];
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!).length;
      const chunk = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / columns)));
      for (let i = 0; i < rows.length; i += chunk) {
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + chunk).map((r) => withNameKey(table, r)) as never)
          .execute();
        done += Math.min(chunk, rows.length - i);
        onProgress?.(done, total);
      }
    }
    await catchUpIds(
      trx,
      DEMO_TABLES.map(([t]) => t),
    );
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}
