import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { isPostgres } from '../../db/engine';
import type { Db } from '../../db/open';
import { PgRaw } from '../../db/pg-raw';
import { fail } from './errors';
import { withNameKey } from './sort-key';

/**
 * How FundDesk writes, so that a writer never fails because another one is busy (a second window, a CLI
 * import) and no reader ever sees half of a write:
 * - Every write transaction starts with BEGIN IMMEDIATE, taking SQLite's write lock before it reads. A
 *   deferred BEGIN that has read gets SQLITE_BUSY at once when it then writes while another process holds
 *   or has just used the lock (SQLite cannot wait there: its snapshot is stale).
 * - The lock is waited for without freezing the process: tries of at most 100 ms (busy_timeout) with pauses
 *   in between, up to WRITE_WAIT_MS, then a Chinese message saying nothing was written.
 * - Big writes (import, paste) put all their INSERTs and the COMMIT in one synchronous block on the raw
 *   handle (writeAtOnce). Readers on the same connection (reports and grid pages read the raw handle) run
 *   only between event-loop turns, so they see the database before the write or after it, never between.
 * While a transaction is open this module holds Kysely's one connection, so the process's other Kysely
 * queries wait for it (as they did for Kysely's own transactions).
 */

/** How long a write waits for another writer before it gives up. */
export const WRITE_WAIT_MS = 120_000;
const TRY_MS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

async function beginImmediate(conn: Db): Promise<void> {
  if (isPostgres(conn)) {
    await sql`BEGIN`.execute(conn); // PostgreSQL's writers lock rows, not the database: nothing to wait for here
    return;
  }
  const { rows } = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(conn);
  const previous = Number(rows[0]?.timeout ?? 0);
  await sql.raw(`PRAGMA busy_timeout = ${Math.min(previous, TRY_MS)}`).execute(conn);
  try {
    const until = Date.now() + WRITE_WAIT_MS;
    for (;;) {
      try {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        return;
      } catch (e) {
        if (!isBusy(e)) throw e;
        if (Date.now() > until) {
          fail(
            'conflict',
            `数据库正被其他程序写入（例如另一个窗口或命令行正在导入），等待 ${WRITE_WAIT_MS / 60_000} 分钟后仍未结束；本次操作未写入任何内容，请稍后重试`,
          );
        }
        await sleep(50);
      }
    }
  } finally {
    await sql.raw(`PRAGMA busy_timeout = ${previous}`).execute(conn);
  }
}

/** Rolls back if a transaction is open; a failing rollback never hides the error that caused it. */
function rollbackRaw(raw: SqliteDatabase.Database) {
  try {
    if (raw.inTransaction) raw.exec('ROLLBACK');
  } catch {
    // the original error is the one to report
  }
}

/** A write transaction of Kysely queries: waits for the write lock, then runs `fn`; all or nothing. */
export async function writeTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await beginImmediate(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (e) {
      await sql`ROLLBACK`.execute(conn).catch(() => {});
      throw e;
    }
  });
}

/**
 * A big write in one transaction that no reader sees half of: waits for the write lock, runs `check`
 * (reads only; it sees the database as the write will find it, so duplicate checks made here hold), then
 * `write` and COMMIT in one synchronous block on the raw handle.
 */
export async function writeAtOnce<P, T>(
  opened: { db: Db; raw: SqliteDatabase.Database },
  check: (conn: Db) => Promise<P>,
  write: (raw: SqliteDatabase.Database, checked: P) => T,
): Promise<T> {
  return opened.db.connection().execute(async (conn) => {
    await beginImmediate(conn);
    try {
      const checked = await check(conn);
      const result = write(opened.raw, checked);
      opened.raw.exec('COMMIT');
      return result;
    } catch (e) {
      rollbackRaw(opened.raw);
      throw e;
    }
  });
}

type Values = Record<string, unknown>;

/** INSERTs rows synchronously (inside writeAtOnce's `write`); returns their ids in order. */
export function insertRows(raw: SqliteDatabase.Database, table: string, rows: readonly Values[]): number[] {
  // PostgreSQL: a few multi-row INSERTs instead of a round trip to the server per row (pg-raw.ts).
  if (raw instanceof PgRaw)
    return raw.insertMany(
      table,
      rows.map((values) => withNameKey(table, values)),
    );
  const statements = new Map<string, SqliteDatabase.Statement>();
  const ids: number[] = [];
  for (const values of rows) {
    const row = withNameKey(table, values);
    const cols = Object.keys(row).filter((k) => row[k] !== undefined);
    const sig = cols.join(',');
    let stmt = statements.get(sig);
    if (!stmt) {
      stmt = raw.prepare(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      statements.set(sig, stmt);
    }
    ids.push(Number(stmt.run(...cols.map((c) => row[c])).lastInsertRowid));
  }
  return ids;
}
