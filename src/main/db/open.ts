import './sqlite-uri';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator } from 'kysely';
import { migrations } from '../../../migrations';
import { FundDeskSqliteDialect } from './dialect';
import { DbError, openError, sqlitePrimary } from './errors';
import { fileProblem } from './header';
import { openPostgres } from './open-postgres';
import {
  type Db,
  type OpenCheck,
  type OpenedDb,
  type OpenOptions,
  refuseUnknownMigrations,
  StaticProvider,
} from './opened';
import type { Database } from './schema';
import { stopThreadsOf } from './sqlite-threads';
import { readOnlySource } from './sqlite-uri';
import { type DbTarget, DbTargetError, dbTarget } from './target';

/** 'FDK1': marks a SQLite file as a FundDesk database. */
export const APPLICATION_ID = 0x46444b31;

/**
 * The clean-shutdown marker, kept in the header's user_version: OPEN while a FundDesk session has the file open
 * for writing, CLEAN once it closed normally. Anything else (a crash, a restored copy of an open file, a file
 * from before the marker) makes the next open run the full integrity check.
 */
export const SESSION_OPEN = 0x46440001;
export const SESSION_CLEAN = 0x46440002;

export type { Db, OpenCheck, OpenedDb, OpenOptions } from './opened';

function nowStamp() {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Why the file cannot be written (read-only file, folder or disk), or null. */
export function readOnlyReason(path: string): string | null {
  for (const [target, what] of [
    [path, '数据库文件只读'],
    [dirname(path), '数据库文件只读（所在文件夹不可写入）'],
  ] as const) {
    try {
      accessSync(target, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') return what;
    }
  }
  return null;
}

function connect(path: string, existed: boolean, readOnly: string | null, options: OpenOptions) {
  const nb = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (!readOnly) return new SqliteDatabase(path, { fileMustExist: existed, ...nb });
  // Read-only: nothing may be written beside the file. immutable=1 makes SQLite skip the -shm/-wal files, which
  // is right unless a -wal with committed data is there (then it is read through SQLite's read-only WAL mode).
  return new SqliteDatabase(readOnlySource(path), { readonly: true, fileMustExist: true, ...nb });
}

/**
 * Open (creating if needed and allowed) a FundDesk database: WAL, foreign keys, synchronous=FULL; refuses files
 * that are not FundDesk's or were written by a newer FundDesk; a read-only file opens read-only. Checks: the
 * header (a truncated file is damaged), the schema, and the full integrity_check + foreign_key_check when the
 * last session did not close cleanly (SESSION_OPEN/CLEAN above) or `fullCheck`; a clean file is quick_checked
 * in the background by the caller (checkInBackground). Backs the file up before any pending migration, then
 * migrates.
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<OpenedDb> {
  let target: DbTarget;
  try {
    target = dbTarget(path);
  } catch (e) {
    if (e instanceof DbTargetError) throw new DbError('cannot_open', e.message);
    throw e;
  }
  if (target.engine === 'postgres') return openPostgres(target, options);
  const name = basename(path);
  const present = existsSync(path);
  if (present && statSync(path).isDirectory()) {
    throw new DbError('not_a_file', `“${path}”是一个文件夹，不是数据库文件`);
  }
  const existed = present && statSync(path).size > 0;
  if (options.mustExist && !present) throw new DbError('missing', `数据库文件“${path}”不存在`);
  if (options.mustExist && !existed) {
    throw new DbError('empty', `数据库文件“${path}”是空文件（0 字节），其中没有任何数据`);
  }
  const readOnly = options.readOnly ?? (present ? readOnlyReason(path) : null);
  if (readOnly && !existed) {
    throw new DbError('read_only', `${readOnly}，无法在其中新建数据库：“${path}”`);
  }
  if (existed) {
    const problem = fileProblem(path);
    if (problem) {
      throw new DbError(
        'damaged',
        `“${name}”已损坏，或不是 SQLite 数据库文件（${problem}）；文件未被改动。如这是 FundDesk 的数据库，请从备份恢复`,
      );
    }
  }
  if (!present) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (e) {
      throw new DbError(
        'cannot_open',
        `无法创建数据库所在的文件夹“${dirname(path)}”（${(e as Error).message}）`,
      );
    }
  }
  let raw: SqliteDatabase.Database;
  try {
    raw = connect(path, existed, readOnly, options);
  } catch (e) {
    throw openError(e, name);
  }
  let check: OpenCheck = 'none';
  try {
    check = inspectExisting(raw, path, existed, options);
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // A 64 MiB page cache (better-sqlite3's default is 16 MB): the metrics of all funds walk the covering
    // index of cash flows, 37 MB at 100x the demo, which no longer fits in 16 MB and was read again from the
    // file on every call (loadLedgers 197–256 → 166–177 ms CPU, load ~19). Pages are cached only as read.
    raw.pragma('cache_size = -65536');
    if (!readOnly) {
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
    }
  } catch (e) {
    raw.close();
    throw openError(e, name);
  }

  const db = new Kysely<Database>({ dialect: new FundDeskSqliteDialect(raw) });
  let preMigrationBackup: string | null = null;
  try {
    if (readOnly) refusePendingMigrations(raw, readOnly, name);
    else preMigrationBackup = await migrate(db, raw, path, existed);
    if (!readOnly) markOpen(raw);
  } catch (e) {
    await db.destroy();
    if (e instanceof DbError) throw e;
    const primary = sqlitePrimary(e);
    if (primary && primary !== 'ERROR' && primary !== 'CONSTRAINT') throw openError(e, name);
    throw new DbError('migration_failed', `数据库升级失败，原文件未改动（${(e as Error).message}）`);
  }
  const opened: OpenedDb = {
    engine: 'sqlite',
    db,
    raw,
    path,
    preMigrationBackup,
    readOnly,
    check,
    damage: null,
    close: async () => {
      if (!readOnly && !opened.damage && raw.open && !raw.inTransaction) {
        try {
          setMarker(raw, SESSION_CLEAN);
        } catch {
          // a full disk or a lost file: the next open runs the full check, as it should
        }
      }
      await stopThreadsOf(raw);
      await db.destroy();
    },
  };
  return opened;
}

/**
 * Writes the session marker without waiting for the disk (synchronous=NORMAL for this one commit: the WAL is
 * fsynced at the next checkpoint or FULL commit). A crashed process leaves the write in the OS's cache, so the
 * marker holds; only a power cut right after opening could lose it (then the next open is a quick one).
 */
/**
 * The OPEN marker, written only if the write lock is free at once: while another process writes (a CLI
 * import), opening must not wait for it, and that process's own session already keeps the marker OPEN.
 */
function markOpen(raw: SqliteDatabase.Database) {
  const wait = raw.pragma('busy_timeout', { simple: true }) as number;
  raw.pragma('busy_timeout = 0');
  try {
    setMarker(raw, SESSION_OPEN);
  } catch (e) {
    if (sqlitePrimary(e) !== 'BUSY') throw e;
  } finally {
    raw.pragma(`busy_timeout = ${wait}`);
  }
}

function setMarker(raw: SqliteDatabase.Database, value: number) {
  raw.pragma('synchronous = NORMAL');
  try {
    raw.pragma(`user_version = ${value}`);
  } finally {
    raw.pragma('synchronous = FULL');
  }
}

async function migrate(db: Db, raw: SqliteDatabase.Database, path: string, existed: boolean) {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt);
  let backup: string | null = null;
  if (existed && pending.length > 0 && pending.length < known.length) {
    backup = join(dirname(path), `${basename(path)}.before-${pending[0]!.name}-${nowStamp()}.bak`);
    await raw.backup(backup);
  }
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  if (!existed || pending.length === known.length) raw.pragma(`application_id = ${APPLICATION_ID}`);
  return backup;
}

function refusePendingMigrations(raw: SqliteDatabase.Database, readOnly: string, name: string) {
  const done = new Set(
    (raw.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map((r) => r.name),
  );
  if (Object.keys(migrations).some((m) => !done.has(m))) {
    throw new DbError(
      'read_only',
      `${readOnly}：“${name}”由较早版本的 FundDesk 写入，需要先升级结构才能打开，而只读文件不能升级。请把文件复制到可写的文件夹后再打开`,
    );
  }
}

function inspectExisting(
  raw: SqliteDatabase.Database,
  path: string,
  existed: boolean,
  options: OpenOptions,
): OpenCheck {
  if (!existed) return 'none';
  const name = basename(path);
  // A header or schema SQLite cannot read is damage (the restore offer follows), whatever the file once was.
  const appId = raw.pragma('application_id', { simple: true }) as number;
  const tables = (
    raw.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).all() as { name: string }[]
  ).map((r) => r.name);
  if (appId !== APPLICATION_ID) {
    if (tables.length === 0 && appId === 0 && !options.readOnly) return 'none'; // an empty SQLite file: ours
    throw new DbError('not_funddesk', `“${name}”不是 FundDesk 数据库；文件未被改动`);
  }
  if (tables.includes('kysely_migration')) {
    const names = (raw.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map(
      (r) => r.name,
    );
    refuseUnknownMigrations(names, '文件未被改动');
  }
  if (options.skipIntegrityCheck) return 'none';
  const clean = raw.pragma('user_version', { simple: true }) === SESSION_CLEAN;
  if (clean && !options.fullCheck) {
    probeBtrees(raw);
    return 'quick';
  }
  checkIntegrity(raw, path);
  return 'full';
}

/**
 * The quick check of a clean open: the root page and both edges of every table and index b-tree are read (a few
 * pages each, milliseconds at any size), which finds a damaged root or a cut-off tail; the whole file is
 * quick_checked later, in the background (services/backup/recover.ts checkInBackground).
 */
function probeBtrees(raw: SqliteDatabase.Database) {
  const objects = raw
    .prepare(
      `SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table','index') AND rootpage > 0`,
    )
    .all() as { type: string; name: string; tbl_name: string }[];
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (const o of objects) {
    const sqls: string[] = [];
    if (o.type === 'table') {
      sqls.push(`SELECT rowid FROM ${q(o.name)} ORDER BY rowid LIMIT 1`);
      sqls.push(`SELECT rowid FROM ${q(o.name)} ORDER BY rowid DESC LIMIT 1`);
    } else {
      const col = (
        raw.prepare(`SELECT name FROM pragma_index_info(?) WHERE seqno = 0`).get(o.name) as
          | { name: string | null }
          | undefined
      )?.name;
      if (!col) continue;
      for (const dir of ['', ' DESC'])
        sqls.push(
          `SELECT ${q(col)} FROM ${q(o.tbl_name)} INDEXED BY ${q(o.name)} ORDER BY ${q(col)}${dir} LIMIT 1`,
        );
    }
    for (const sql of sqls) {
      try {
        raw.prepare(sql).all();
      } catch (e) {
        const p = sqlitePrimary(e);
        if (p === 'CORRUPT' || p === 'NOTADB' || p === 'IOERR') throw e;
        // WITHOUT ROWID tables, partial indexes: not probed this way; the background check covers them
      }
    }
  }
}

/** integrity_check and foreign_key_check; throws DbError('damaged') on any finding. */
export function checkIntegrity(raw: SqliteDatabase.Database, path: string) {
  let problems: string[];
  try {
    problems = (raw.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    const fk = raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    for (const f of fk.slice(0, 20))
      problems.push(`${f.table} 第 ${f.rowid} 行引用的 ${f.parent} 记录不存在`);
  } catch (e) {
    problems = [`无法读取：${sqlitePrimary(e) ?? 'ERROR'}`];
  }
  if (problems.length > 0) {
    throw new DbError(
      'damaged',
      `数据库文件“${basename(path)}”已损坏（完整性检查发现 ${problems.length} 处问题）；文件未被改动，请从备份恢复`,
    );
  }
}

/** A plain file copy (used only where SQLite cannot open the file at all, e.g. to keep a damaged file). */
export function copyAside(path: string, suffix: string): string {
  const target = `${path}.${suffix}-${nowStamp()}`;
  copyFileSync(path, target);
  return target;
}
