import type SqliteDatabase from 'better-sqlite3';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { migrations } from '../../../migrations';
import { DbError } from './errors';
import type { Database } from './schema';

/** What an open returns and takes, on either engine (open.ts: SQLite, open-postgres.ts: PostgreSQL). */

export type Db = Kysely<Database>;

/** What the open checked: the full integrity check, or the quick header/schema check (see openDatabase). */
export type OpenCheck = 'full' | 'quick' | 'none';

export interface OpenedDb {
  /** 'postgres' for a server (team mode, #17), else a SQLite file. */
  engine: 'sqlite' | 'postgres';
  db: Db;
  /**
   * The better-sqlite3 handle, for online backup and pragmas. On PostgreSQL: a PgRaw (pg-raw.ts), which
   * answers the same prepare/exec/transaction calls over the server connection.
   */
  raw: SqliteDatabase.Database;
  /** The file's path; on PostgreSQL the server's URL without its password. */
  path: string;
  /** Copy taken before pending migrations ran, if any. */
  preMigrationBackup: string | null;
  /** Opened read-only: why (for the user), or null when editing is possible. */
  readOnly: string | null;
  /** Which integrity check the open ran. */
  check: OpenCheck;
  /** Set when a later check (the background quick_check) found damage: the next open runs the full check. */
  damage: string | null;
  close(): Promise<void>;
  /**
   * PostgreSQL only: a second, read-only connection to the same database (a backup reads its snapshot there
   * while this one keeps serving). The connection string stays inside it: nothing else holds the password.
   */
  reconnect?: () => Promise<OpenedDb>;
}

export interface OpenOptions {
  /** Path of an Electron-ABI build of better_sqlite3.node (the Electron shell passes it). */
  nativeBinding?: string;
  /** Refuse a missing or empty (0-byte) file instead of creating a database in it. */
  mustExist?: boolean;
  /** Open read-only even if the file could be written (the reason shown to the user). */
  readOnly?: string;
  /** Always run the full integrity check (after a restore). */
  fullCheck?: boolean;
  /** Skip the integrity checks (benchmarks measure both ways). */
  skipIntegrityCheck?: boolean;
}

export class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Refuses a database migrated by a newer FundDesk (a migration this build does not know); `untouched` ends it. */
export function refuseUnknownMigrations(done: readonly string[], untouched: string): void {
  const unknown = done.filter((n) => !(n in migrations));
  if (unknown.length > 0) {
    throw new DbError(
      'newer_version',
      `该数据库由更新版本的 FundDesk 写入（包含未知的结构版本 ${unknown.join('、')}），请升级 FundDesk 后再打开；${untouched}`,
    );
  }
}
