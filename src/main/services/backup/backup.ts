import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { LATEST_MIGRATION, migrations } from '../../../../migrations';
import type { BackupItem, BackupSettings } from '../../../shared/contract/data';
import { APPLICATION_ID, type OpenedDb } from '../../db/open';
import { fail } from '../ledger/errors';
import { copyInWorker } from './copy-worker';
import { backupsToDelete } from './rotate';
import { backupDirOf, getBackupSettings } from './settings';
import { openRaw } from './sqlite';

/**
 * Backups: SQLite's online backup of the open database into "<folder>/<name>-<time>-<reason>.sqlite",
 * turned into a self-contained file (rollback journal), verified by opening it read-only (FundDesk
 * file, integrity_check, foreign_key_check, record counts) before it is renamed into place, with a
 * small manifest beside it. A failed or unverifiable copy is deleted, never listed.
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

/** The ledgers whose record counts a backup notes (table → label). */
export const COUNTED: [string, string][] = [
  ['funds', '基金'],
  ['managers', '基金管理人'],
  ['cash_flows', '现金流'],
  ['valuations', '估值'],
  ['enterprises', '企业'],
  ['investments', '投资'],
  ['landed_projects', '落地项目'],
  ['institutions', '投资机构'],
  ['financing_deals', '融资对接'],
  ['audit_log', '审计日志'],
];

interface Manifest {
  createdAt: string;
  reason: string;
  sizeBytes: number;
  counts: Record<string, number>;
  verified: boolean;
  fingerprint: string;
  schemaVersion: string;
  source: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function stamp(d: Date) {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}-${pad(d.getMilliseconds(), 3)}`;
}

const NAME = /^(.*)-(\d{8})-(\d{6})-(\d{3})-([a-z-]+)\.sqlite$/;

/** The file name stem of a database's backups ("funddesk" for funddesk.sqlite). */
export function stemOf(dbPath: string) {
  const b = basename(dbPath);
  return (b.slice(0, b.length - extname(b).length) || b).replace(/[^\w\u4e00-\u9fa5.-]/g, '_');
}

/** Record counts of the ledgers (tables that do not exist count 0). */
export function countRecords(raw: SqliteDatabase.Database): Record<string, number> {
  const tables = new Set(
    (raw.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
  const out: Record<string, number> = {};
  for (const [t] of COUNTED) {
    out[t] = tables.has(t)
      ? ((raw.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n ?? 0)
      : 0;
  }
  return out;
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

export interface Verification {
  ok: boolean;
  problems: string[];
  counts: Record<string, number>;
  schemaVersion: string | null;
}

/**
 * Opens a file read-only and checks it is a sound FundDesk database this version can use.
 * `copyOfOpenDb`: the file is a fresh page-for-page copy (SQLite's online backup) of the database FundDesk has
 * open, which passed integrity_check when it was opened and has foreign keys enforced on every write. Such a
 * copy is checked with quick_check — every page, b-tree, record format and the free list, which is what a copy
 * can break — and not with integrity_check + foreign_key_check, which re-prove facts of the source (each index
 * agrees with its table, each reference resolves) that a page copy cannot change. At 100x the demo data this
 * is 0.5 s instead of 2.2 s, taken before every import. Files from elsewhere (a restore, a file to open) always
 * get the full checks.
 */
export function verifyDatabaseFile(
  path: string,
  opts: { copyOfOpenDb?: boolean; quickCheckDone?: string[] } = {},
): Verification {
  let raw: SqliteDatabase.Database | null = null;
  try {
    raw = openRaw(path, { readonly: true, fileMustExist: true });
    const appId = raw.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      return { ok: false, problems: ['不是 FundDesk 数据库文件'], counts: {}, schemaVersion: null };
    }
    const check = opts.copyOfOpenDb ? 'quick_check' : 'integrity_check';
    const problems =
      opts.copyOfOpenDb && opts.quickCheckDone
        ? [...opts.quickCheckDone] // run by the worker that made the copy (copy-worker.ts)
        : (raw.pragma(check) as Record<string, string>[]).map((r) => r[check]!).filter((r) => r !== 'ok');
    if (!opts.copyOfOpenDb) {
      const fk = raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      for (const f of fk.slice(0, 5))
        problems.push(`${f.table} 第 ${f.rowid} 行引用的 ${f.parent} 记录不存在`);
    }
    let schemaVersion: string | null = null;
    const hasMig = raw
      .prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='kysely_migration'`)
      .get();
    if (hasMig) {
      const names = (
        raw.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
      ).map((r) => r.name);
      const unknown = names.filter((n) => !(n in migrations));
      if (unknown.length > 0) problems.push(`由更新版本的 FundDesk 写入（结构版本 ${unknown.join('、')}）`);
      schemaVersion = names.at(-1) ?? null;
    } else {
      problems.push('缺少结构版本信息');
    }
    return {
      ok: problems.length === 0,
      problems: problems.slice(0, 5),
      counts: countRecords(raw),
      schemaVersion,
    };
  } catch (e) {
    return { ok: false, problems: [`无法读取：${(e as Error).message}`], counts: {}, schemaVersion: null };
  } finally {
    raw?.close();
  }
}

function fsyncPath(path: string) {
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

function readManifest(path: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(`${path}.json`, 'utf8')) as Manifest;
  } catch {
    return null;
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
    verified: manifest?.verified === true,
    counts: manifest?.counts ?? null,
  };
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
}

const BACKUP_STEP_PAGES = 4096;

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
      fail('internal', `无法创建备份文件夹“${dir}”：${(e as Error).message}`);
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
    const print = fingerprint(opened.raw);
    try {
      let quickCheckDone: string[] | undefined;
      if (opts.inWorker) {
        try {
          quickCheckDone = (await copyInWorker(opened.path, partial, BACKUP_STEP_PAGES)).problems;
        } catch {
          for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`])
            rmSync(f, { force: true });
        }
      }
      if (!quickCheckDone) {
        // 4,096 pages (16 MB) a step, not better-sqlite3's 100: a 250 MB file is copied in 0.8 s instead of
        // 1.5 s, and the event loop still gets a turn every few tens of milliseconds.
        await opened.raw.backup(partial, { progress: () => BACKUP_STEP_PAGES });
        // A backup is one self-contained file: switch it from WAL to a rollback journal.
        const w = openRaw(partial, { fileMustExist: true });
        try {
          w.pragma('journal_mode = DELETE');
        } finally {
          w.close();
        }
      }
      const v = verifyDatabaseFile(partial, {
        copyOfOpenDb: true,
        ...(quickCheckDone ? { quickCheckDone } : {}),
      });
      if (!v.ok) throw new Error(`备份校验失败：${v.problems.join('；')}`);
      fsyncPath(partial);
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
        fingerprint: print,
        schemaVersion: v.schemaVersion ?? LATEST_MIGRATION,
        source: opened.path,
      };
      writeFileSync(`${target}.json.partial`, JSON.stringify(manifest, null, 2));
      renameSync(`${target}.json.partial`, `${target}.json`);
    } catch (e) {
      for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`])
        rmSync(f, { force: true });
      if ((e as { body?: unknown }).body) throw e;
      fail('internal', `备份失败，当前数据未受影响：${(e as Error).message}`);
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
