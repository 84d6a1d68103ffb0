import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { LATEST_MIGRATION } from '../../../../migrations';
import type { BackupItem, BackupSettings } from '../../../shared/contract/data';
import { explainDbError } from '../../db/errors';
import type { OpenedDb } from '../../db/open';
import { readOnlySource } from '../../db/sqlite-uri';
import { isPostgresUrl } from '../../db/target';
import { fail } from '../ledger/errors';
import { copyInWorker } from './copy-worker';
import { copyServerToFile } from './from-server';
import { backupsToDelete } from './rotate';
import { backupDirOf, getBackupSettings, serverStem } from './settings';
import { openRaw } from './sqlite';
import {
  checkBackupFile,
  fileSha256,
  knownCheck,
  type Manifest,
  readManifest,
  rememberCheck,
  verifyDatabaseFile,
} from './verify';

export { COUNTED, countRecords, type Verification, verifyDatabaseFile } from './verify';

/**
 * Backups: SQLite's online backup of the open database into "<folder>/<name>-<time>-<reason>.sqlite", every
 * page read inside ONE read transaction of a connection of its own (another process writing meanwhile neither
 * restarts the copy nor spoils it: the time is bounded by the file's size), turned into a self-contained file
 * (rollback journal), verified by opening it read-only (FundDesk file, quick_check, record counts) before it
 * is renamed into place, with a manifest beside it holding the file's SHA-256. A failed or unverifiable copy
 * is deleted, never listed; a listed backup is 「已校验」 only once the file itself was checked (verify.ts).
 */

export const REASON_LABEL: Record<string, string> = {
  auto: '定时自动',
  start: '启动时',
  quit: '退出时',
  manual: '手动',
  'before-restore': '恢复前',
  'before-import': '导入前',
  cli: '命令行',
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function stamp(d: Date) {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}-${pad(d.getMilliseconds(), 3)}`;
}

const NAME = /^(.*)-(\d{8})-(\d{6})-(\d{3})-([a-z-]+)\.sqlite$/;

/** The file name stem of a database's backups ("funddesk" for funddesk.sqlite). */
export function stemOf(dbPath: string) {
  if (isPostgresUrl(dbPath)) return serverStem(dbPath);
  const b = basename(dbPath);
  return (b.slice(0, b.length - extname(b).length) || b).replace(/[^\w\u4e00-\u9fa5.-]/g, '_');
}

/**
 * A cheap digest of the data: changes when any record, setting or audit entry does. Per table the row count and
 * the largest id (from the smallest index and the b-tree's edge: no table pass, 40 ms at 100x the demo data
 * where a max(updated_at) alone took 0.7 s): every change FundDesk makes — add, edit, delete, import, restore
 * — also appends an audit entry, so audit_log's count and largest id move with any edit of any table.
 */
export function fingerprint(raw: SqliteDatabase.Database): string {
  const h = createHash('sha1');
  const tables = (
    raw
      .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  ).map((r) => r.name);
  for (const t of tables) {
    const cols = (raw.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name);
    const parts = ['count(*)'];
    if (cols.includes('id')) parts.push('max(id)');
    h.update(
      `${t}:${JSON.stringify(
        raw
          .prepare(`SELECT ${parts.join(', ')} FROM "${t}"`)
          .raw()
          .get(),
      )}\n`,
    );
  }
  if (tables.includes('meta')) {
    const all = raw.prepare(`SELECT key, value FROM meta ORDER BY key`).raw().all();
    h.update(JSON.stringify(all));
  }
  return h.digest('hex');
}

function fingerprintOfFile(path: string): string {
  const raw = openRaw(path, { readonly: true, fileMustExist: true });
  try {
    return fingerprint(raw);
  } finally {
    raw.close();
  }
}

/** fsync a file or folder (a folder cannot be fsynced on every platform: then nothing happens). */
export function fsyncPath(path: string) {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // directories cannot be fsynced on every platform
  }
}

function itemOf(dir: string, file: string): BackupItem | null {
  const path = join(dir, file);
  const m = NAME.exec(file);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    return null;
  }
  if (!st.isFile()) return null;
  const manifest = readManifest(path);
  let createdAt = manifest?.createdAt;
  if (!createdAt && m) {
    const [d, t, ms] = [m[2]!, m[3]!, m[4]!];
    createdAt = new Date(
      Number(d.slice(0, 4)),
      Number(d.slice(4, 6)) - 1,
      Number(d.slice(6, 8)),
      Number(t.slice(0, 2)),
      Number(t.slice(2, 4)),
      Number(t.slice(4, 6)),
      Number(ms),
    ).toISOString();
  }
  const reason = manifest?.reason ?? m?.[5] ?? 'manual';
  return {
    file,
    path,
    createdAt: createdAt ?? st.mtime.toISOString(),
    reason,
    reasonLabel: REASON_LABEL[reason] ?? reason,
    sizeBytes: st.size,
    ...verdict(path),
    counts: manifest?.counts ?? null,
  };
}

function verdict(path: string): Pick<BackupItem, 'verified' | 'problem'> {
  const c = knownCheck(path);
  return { verified: c?.ok === true, problem: c && !c.ok ? c.problems.join('；') : null };
}

/** listBackupFiles with every file checked (its hash and quick_check; verify.ts), for the lists users read. */
export async function listCheckedBackups(dir: string, dbPath: string): Promise<BackupItem[]> {
  const items = listBackupFiles(dir, dbPath);
  for (const it of items) {
    await checkBackupFile(it.path).catch(() => null);
    Object.assign(it, verdict(it.path));
  }
  return items;
}

/**
 * The backups of one database in a folder (files named after it; a folder may hold backups of several
 * databases), newest first.
 */
export function listBackupFiles(dir: string, dbPath: string): BackupItem[] {
  if (!existsSync(dir)) return [];
  const stem = stemOf(dbPath);
  const items: BackupItem[] = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.sqlite') || NAME.exec(f)?.[1] !== stem) continue;
    const it = itemOf(dir, f);
    if (it) items.push(it);
  }
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}

export function newestFingerprint(dir: string, dbPath: string): string | null {
  const newest = listBackupFiles(dir, dbPath)[0];
  return newest ? (readManifest(newest.path)?.fingerprint ?? null) : null;
}

// One backup or restore at a time per database.
const locks = new Map<string, Promise<unknown>>();
export function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const prev = locks.get(key) ?? Promise.resolve();
  const next = prev.catch(() => {}).then(run);
  locks.set(
    key,
    next.catch(() => {}),
  );
  return next;
}

export interface BackupOptions {
  reason: string;
  /** Folder (default: from the settings). */
  dir?: string;
  /** An exact target file instead of a generated name in the folder (the CLI's --out FILE). */
  file?: string;
  /** Apply the rotation policy afterwards (default true for folder backups). */
  rotate?: boolean;
  /**
   * Make the page copy and its quick_check in a worker thread (copy-worker.ts), leaving this thread free
   * meanwhile; if the worker cannot run, the copy is made here as usual.
   */
  inWorker?: boolean;
  /** Cancels the backup (the page's 取消): no file is left behind. */
  signal?: AbortSignal;
}

const BACKUP_STEP_PAGES = 4096;

/**
 * The page copy in this thread: from a read-only connection of its own that holds one read transaction
 * throughout, so every step reads the same snapshot (SQLite's online backup otherwise starts over whenever
 * another connection writes between steps: it never finished at 20 writes/s). 4,096 pages (16 MB) a step:
 * the event loop gets a turn every few tens of milliseconds.
 */
async function copyHere(source: string, partial: string) {
  const src = openRaw(source, { readonly: true, fileMustExist: true });
  try {
    src.exec('BEGIN');
    src.prepare('SELECT count(*) FROM sqlite_master').get();
    await src.backup(partial, { progress: () => BACKUP_STEP_PAGES });
    src.exec('COMMIT');
  } finally {
    src.close();
  }
  // A backup is one self-contained file: switch it from WAL to a rollback journal.
  const w = openRaw(partial, { fileMustExist: true });
  try {
    w.pragma('journal_mode = DELETE');
  } finally {
    w.close();
  }
}

/** Copies the live database into a verified backup file. */
export function createBackup(opened: OpenedDb, opts: BackupOptions): Promise<BackupItem> {
  return serialized(opened.path, () => createBackupUnlocked(opened, opts));
}

/** createBackup for callers that already hold the database's backup lock (restore). */
export async function createBackupUnlocked(opened: OpenedDb, opts: BackupOptions): Promise<BackupItem> {
  {
    if (opened.raw.inTransaction) {
      fail('conflict', '正在写入数据（例如正在导入），请稍后再备份');
    }
    const settings = await getBackupSettings(opened.db);
    const dir = opts.file ? dirname(opts.file) : (opts.dir ?? backupDirOf(opened.path, settings));
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      fail(
        'internal',
        `无法创建备份文件夹“${dir}”（${(e as NodeJS.ErrnoException).code === 'ENOSPC' ? '磁盘空间已满' : '该位置只读或没有写入权限'}），未做备份，当前数据未受影响。请在“备份设置”中选择可写的文件夹`,
      );
    }
    const now = new Date();
    let target = opts.file ?? join(dir, `${stemOf(opened.path)}-${stamp(now)}-${opts.reason}.sqlite`);
    for (let i = 1; !opts.file && existsSync(target); i++) {
      target = join(
        dir,
        `${stemOf(opened.path)}-${stamp(new Date(now.getTime() + i))}-${opts.reason}.sqlite`,
      );
    }
    const partial = `${target}.partial`;
    rmSync(partial, { force: true });
    const server = opened.engine === 'postgres';
    let print = server ? '' : fingerprint(opened.raw);
    const source = !server && opened.readOnly ? readOnlySource(opened.path) : opened.path;
    try {
      let quickCheckDone: string[] | undefined;
      if (server) {
        await copyServerToFile(opened, partial, opts.signal);
        print = fingerprintOfFile(partial);
      } else if (opts.inWorker) {
        try {
          quickCheckDone = (await copyInWorker(source, partial, BACKUP_STEP_PAGES)).problems;
        } catch {
          for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`])
            rmSync(f, { force: true });
        }
      }
      if (!quickCheckDone && !server) await copyHere(source, partial);
      // A page copy needs quick_check only; a file written row by row from a server gets every check.
      const v = verifyDatabaseFile(partial, {
        copyOfOpenDb: !server,
        ...(quickCheckDone ? { quickCheckDone } : {}),
      });
      if (!v.ok) throw new Error(`备份校验失败：${v.problems.join('；')}`);
      fsyncPath(partial);
      const sha256 = await fileSha256(partial);
      rmSync(target, { force: true });
      renameSync(partial, target);
      fsyncPath(dir);
      const size = statSync(target).size;
      const manifest: Manifest = {
        createdAt: now.toISOString(),
        reason: opts.reason,
        sizeBytes: size,
        counts: v.counts,
        verified: true,
        sha256,
        fingerprint: print,
        schemaVersion: v.schemaVersion ?? LATEST_MIGRATION,
        source: opened.path,
      };
      writeFileSync(`${target}.json.partial`, JSON.stringify(manifest, null, 2));
      fsyncPath(`${target}.json.partial`);
      renameSync(`${target}.json.partial`, `${target}.json`);
      fsyncPath(dir);
      rememberCheck(target, { ok: true, problems: [] });
    } catch (e) {
      for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`])
        rmSync(f, { force: true });
      // A copy whose manifest could not be written (a full disk) is not a backup: it goes too.
      if (!existsSync(`${target}.json`)) {
        rmSync(target, { force: true });
        rmSync(`${target}.json.partial`, { force: true });
      }
      if ((e as { body?: unknown }).body) throw e;
      const why = (e as { code?: unknown }).code ? explainDbError(e).message : (e as Error).message;
      fail('internal', `备份失败，当前数据未受影响：${why}`);
    }
    if (!opts.file && opts.rotate !== false) pruneBackups(dir, opened.path, settings);
    return itemOf(dir, basename(target))!;
  }
}

/** Deletes the backups the rotation policy no longer keeps; returns their names. */
export function pruneBackups(
  dir: string,
  dbPath: string,
  settings: BackupSettings,
  now = new Date(),
): string[] {
  const items = listBackupFiles(dir, dbPath);
  const gone = backupsToDelete(
    items.map((i) => ({
      file: i.file,
      createdAt: new Date(i.createdAt),
      sizeBytes: i.sizeBytes,
      reason: i.reason,
    })),
    settings,
    now,
  );
  for (const f of gone) {
    rmSync(join(dir, f), { force: true });
    rmSync(join(dir, `${f}.json`), { force: true });
  }
  // Copies left half-written by a crash (never listed, never restored) go once they are stale.
  const stem = stemOf(dbPath);
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(`${stem}-`) || !/\.partial(-wal|-shm|-journal)?$/.test(f)) continue;
    try {
      if (now.getTime() - statSync(join(dir, f)).mtimeMs > 10 * 60_000) rmSync(join(dir, f), { force: true });
    } catch {
      // already gone
    }
  }
  return gone;
}

export function totalBytes(items: BackupItem[]) {
  return items.reduce((n, i) => n + i.sizeBytes, 0);
}
