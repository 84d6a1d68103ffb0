import type { OpenedDb } from '../../db/open';
import { openDatabase } from '../../db/open';
import { throwIfCancelled } from '../cancel';
import { copyDatabase } from '../copy';
import { fail } from '../ledger/errors';
import { getNativeBinding, openRaw } from './sqlite';

/**
 * A backup of a PostgreSQL server database (team mode, #17) is a portable FundDesk SQLite file, so restore and
 * hand-over work as for a file. The rows are read on a second connection of their own inside ONE
 * `REPEATABLE READ READ ONLY` transaction (a snapshot: others keep writing meanwhile, the file holds one
 * moment's data), written by `funddesk copy`'s code (services/copy.ts: one transaction of the new file, then
 * row counts and money sums per table compared with the snapshot) into `partial`, a new file the caller
 * verifies and renames. A cancel is honoured before and after the copy; the caller deletes `partial` on any
 * failure, so a cancel or a full disk leaves no file behind.
 */
export async function copyServerToFile(opened: OpenedDb, partial: string, signal?: AbortSignal) {
  if (!opened.reconnect) fail('internal', '无法为备份打开第二个服务器连接');
  const source = await opened.reconnect();
  let target: OpenedDb | null = null;
  try {
    source.raw.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const nb = getNativeBinding();
    target = await openDatabase(partial, nb ? { nativeBinding: nb } : {});
    throwIfCancelled(signal, '备份');
    await copyDatabase(source, target);
  } finally {
    await target?.close();
    try {
      if (source.raw.inTransaction) source.raw.exec('COMMIT'); // it only read: nothing to keep or lose
    } catch {
      // the connection failed: the error that ended the copy is the one to report
    }
    await source.close();
  }
  throwIfCancelled(signal, '备份');
  // A backup is one self-contained file: from WAL to a rollback journal, as for a SQLite backup.
  const w = openRaw(partial, { fileMustExist: true });
  try {
    w.pragma('journal_mode = DELETE');
  } finally {
    w.close();
  }
}
