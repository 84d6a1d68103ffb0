import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Channel } from '../../../shared/contract';
import type { OpenedDb } from '../../db/open';
import type { Database } from '../../db/schema';
import { QUICK_READS } from './lane';

/**
 * Reads beside a long write. The data host keeps a second, read-only connection to the same WAL file:
 * a read on it sees the last committed state (never half an import) and never waits for the write
 * connection, whose transaction may be open for seconds (an import, a restore).
 */

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
