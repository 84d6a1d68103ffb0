import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../../migrations';
import { DbError } from './errors';
import type { Database } from './schema';

/** 'FDK1': marks a SQLite file as a FundDesk database. */
export const APPLICATION_ID = 0x46444b31;

export type Db = Kysely<Database>;

export interface OpenedDb {
  db: Db;
  /** The better-sqlite3 handle, for online backup and pragmas. */
  raw: SqliteDatabase.Database;
  path: string;
  /** Copy taken before pending migrations ran, if any. */
  preMigrationBackup: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path of an Electron-ABI build of better_sqlite3.node (the Electron shell passes it). */
  nativeBinding?: string;
  /** Refuse to create a new file (the CLI's read commands). */
  mustExist?: boolean;
  /** Skip the integrity checks (benchmarks measure both ways). */
  skipIntegrityCheck?: boolean;
}

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

function nowStamp() {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * Open (creating if needed) a FundDesk database: WAL, foreign keys, synchronous=FULL; refuses files
 * that are not FundDesk's or were written by a newer FundDesk, checks integrity, backs the file up
 * before any pending migration, then migrates.
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<OpenedDb> {
  const existed = existsSync(path) && statSync(path).size > 0;
  if (options.mustExist && !existsSync(path)) {
    throw new DbError('cannot_open', `数据库文件“${path}”不存在`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new DbError('not_a_file', `“${path}”是一个文件夹，不是数据库文件`);
  }
  if (!existed) mkdirSync(dirname(path), { recursive: true });
  let raw: SqliteDatabase.Database;
  try {
    raw = new SqliteDatabase(path, {
      fileMustExist: existed,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (e) {
    throw new DbError('cannot_open', `无法打开数据库文件“${path}”：${(e as Error).message}`);
  }
  try {
    inspectExisting(raw, path, existed, options);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = FULL');
    raw.pragma('busy_timeout = 5000');
  } catch (e) {
    raw.close();
    throw asDbError(e, path);
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  let preMigrationBackup: string | null = null;
  try {
    const known = await migrator.getMigrations();
    const pending = known.filter((m) => !m.executedAt);
    if (existed && pending.length > 0 && pending.length < known.length) {
      preMigrationBackup = join(
        dirname(path),
        `${basename(path)}.before-${pending[0]!.name}-${nowStamp()}.bak`,
      );
      await raw.backup(preMigrationBackup);
    }
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    if (!existed || pending.length === known.length) raw.pragma(`application_id = ${APPLICATION_ID}`);
  } catch (e) {
    await db.destroy();
    if (e instanceof DbError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw asDbError(e, path);
    throw new DbError('migration_failed', `数据库升级失败，原文件未改动：${(e as Error).message}`);
  }
  return {
    db,
    raw,
    path,
    preMigrationBackup,
    close: () => db.destroy(),
  };
}

function inspectExisting(raw: SqliteDatabase.Database, path: string, existed: boolean, options: OpenOptions) {
  if (!existed) return;
  let appId: number | null = null;
  let tables: string[];
  try {
    appId = raw.pragma('application_id', { simple: true }) as number;
    tables = (
      raw.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).all() as { name: string }[]
    ).map((r) => r.name);
  } catch (e) {
    // A FundDesk file (its header says so) whose schema pages are damaged is damaged, not foreign.
    if (appId === APPLICATION_ID) throw asDbError(e, path);
    throw new DbError(
      'not_funddesk',
      `“${basename(path)}”不是 SQLite 数据库文件，或文件已损坏；文件未被改动`,
    );
  }
  if (appId !== APPLICATION_ID) {
    if (tables.length === 0 && appId === 0) return; // an empty SQLite file: ours to initialise
    throw new DbError('not_funddesk', `“${basename(path)}”不是 FundDesk 数据库；文件未被改动`);
  }
  if (tables.includes('kysely_migration')) {
    const names = (raw.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map(
      (r) => r.name,
    );
    const unknown = names.filter((n) => !(n in migrations));
    if (unknown.length > 0) {
      throw new DbError(
        'newer_version',
        `该数据库由更新版本的 FundDesk 写入（包含未知的结构版本 ${unknown.join('、')}），请升级 FundDesk 后再打开；文件未被改动`,
      );
    }
  }
  if (!options.skipIntegrityCheck) checkIntegrity(raw, path);
}

/** Any failure while opening becomes a DbError with a message for the user. */
function asDbError(e: unknown, path: string): DbError {
  if (e instanceof DbError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new DbError(
      'damaged',
      `数据库文件“${basename(path)}”已损坏（${(e as Error).message}），文件未被改动，请从备份恢复`,
    );
  }
  return new DbError('cannot_open', `无法打开数据库文件“${path}”：${(e as Error).message}`);
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
    problems = [(e as Error).message];
  }
  if (problems.length > 0) {
    throw new DbError(
      'damaged',
      `数据库文件“${basename(path)}”已损坏（${problems.slice(0, 3).join('；')}），文件未被改动，请从备份恢复`,
    );
  }
}

/** A plain file copy (used only where SQLite cannot open the file at all, e.g. to keep a damaged file). */
export function copyAside(path: string, suffix: string): string {
  const target = `${path}.${suffix}-${nowStamp()}`;
  copyFileSync(path, target);
  return target;
}
