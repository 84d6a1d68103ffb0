import './sqlite-uri';
import SqliteDatabase from 'better-sqlite3';
import { sqlitePrimary } from './errors';

/**
 * Is the database open in another process (the app, a CLI import)? Asked of SQLite's own locks: every
 * connection to a WAL database holds a shared lock for as long as it is open, so a fresh connection in
 * exclusive locking mode cannot begin an exclusive transaction while any other connection exists. Used before
 * anything that swaps the file itself (the CLI's restore), never while this process has the file open (its
 * own connection would answer yes). A file SQLite cannot read at all (damaged) is not in use by FundDesk.
 */
export function openElsewhere(path: string, nativeBinding?: string): boolean {
  let probe: SqliteDatabase.Database;
  try {
    probe = new SqliteDatabase(path, {
      fileMustExist: true,
      timeout: 0,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch {
    return false;
  }
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (e) {
    const p = sqlitePrimary(e);
    return p === 'BUSY' || p === 'LOCKED';
  } finally {
    probe.close();
  }
}
