import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Channel } from '../../../shared/contract';
import type { OpenedDb } from '../../db/open';
import type { Database } from '../../db/schema';

/**
 * Reads beside a long write. The data host keeps a second, read-only connection to the same WAL file:
 * a read on it sees the last committed state (never half an import) and never waits for the write
 * connection, whose transaction may be open for seconds (an import, a restore).
 */

/**
 * Quick reads (a page of grid rows, the overview, the audit log, a report): answered by the reader lane, a
 * worker thread of the data host with its own read-only connection, so that they answer even while the
 * host's thread is busy with a long task (parsing a file, a restore's copy, rendering an export).
 */
export const QUICK_READS: ReadonlySet<Channel> = new Set<Channel>([
  'overview.get',
  'audit.list',
  'settings.get',
  'ledger.list',
  'ledger.table',
  'ledger.get',
  'ledger.options',
  'report.get',
]);

/** Channels that only read: on the host's thread they use its read-only connection, never waiting for a write. */
export const READ_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  ...QUICK_READS,
  'report.export',
  'ledger.export',
  'import.template',
]);

/** Calls that may run long: they get a progress sink and can be cancelled (task.cancel). */
export const LONG_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'import.preview',
  'import.commit',
  'report.export',
  'ledger.export',
  'backup.now',
  'backup.restore',
  'demo.load',
]);

/** A read-only connection to the database the write connection has opened (and migrated). */
export function openReader(path: string, nativeBinding?: string): OpenedDb {
  const raw = new SqliteDatabase(path, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  raw.pragma('busy_timeout = 30000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  // The write connection decides whether the app may edit and runs the checks: this one only reads.
  return {
    engine: 'sqlite',
    db,
    raw,
    path,
    preMigrationBackup: null,
    readOnly: null,
    check: 'none',
    damage: null,
    close: () => db.destroy(),
  };
}
