import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type SqliteDatabase from 'better-sqlite3';
import { migrations } from '../../../../migrations';
import { explainDbError, sqlitePrimary } from '../../db/errors';
import { fileProblem } from '../../db/header';
import { APPLICATION_ID } from '../../db/open';
import { quickCheckInWorker } from './copy-worker';
import { openRaw } from './sqlite';

/**
 * Is a backup file sound? Checked on the file itself, never taken from its manifest: the file's SHA-256 must
 * equal the one its manifest recorded when the backup was made, and quick_check must pass (listing, 「已校验」);
 * before a restore the full integrity_check + foreign_key_check run too (verifyDatabaseFile). Results are kept
 * per file, size and modification time, so a list is checked once, not at every refresh.
 */

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

/** A backup's manifest (<backup>.json), written once the copy verified. */
export interface Manifest {
  createdAt: string;
  reason: string;
  sizeBytes: number;
  counts: Record<string, number>;
  verified: boolean;
  /** SHA-256 of the backup file, hex. */
  sha256?: string;
  fingerprint: string;
  schemaVersion: string;
  source: string;
}

export function readManifest(path: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(`${path}.json`, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** SHA-256 of a file, read as a stream (the event loop keeps turning). */
export function fileSha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
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
    const header = fileProblem(path);
    if (header) return { ok: false, problems: [`文件已损坏（${header}）`], counts: {}, schemaVersion: null };
    raw = openRaw(path, { readonly: true, fileMustExist: true });
    const appId = raw.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      return { ok: false, problems: ['不是 FundDesk 数据库文件'], counts: {}, schemaVersion: null };
    }
    const check = opts.copyOfOpenDb ? 'quick_check' : 'integrity_check';
    const found =
      opts.copyOfOpenDb && opts.quickCheckDone
        ? [...opts.quickCheckDone] // run by the worker that made the copy (copy-worker.ts)
        : (raw.pragma(check) as Record<string, string>[]).map((r) => r[check]!).filter((r) => r !== 'ok');
    // SQLite's findings are English page-level detail: the user reads how many there are.
    const problems = found.length > 0 ? [`完整性检查发现 ${found.length} 处问题，文件已损坏`] : [];
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
    return { ok: false, problems: [unreadable(e)], counts: {}, schemaVersion: null };
  } finally {
    raw?.close();
  }
}

function unreadable(e: unknown): string {
  const p = sqlitePrimary(e);
  if (p === 'CORRUPT' || p === 'NOTADB') return '文件已损坏，或不是 SQLite 数据库文件';
  if (p === 'CANTOPEN' || (e as NodeJS.ErrnoException).code === 'ENOENT')
    return '无法读取：文件不存在或无法打开';
  return `无法读取：${explainDbError(e).message}`;
}

export interface BackupCheck {
  ok: boolean;
  /** What is wrong, in Chinese (empty when ok). */
  problems: string[];
}

const checked = new Map<string, { key: string; result: BackupCheck }>();
const keyOf = (path: string) => {
  const st = statSync(path);
  return `${st.size}:${st.mtimeMs}`;
};

/** The last result of checkBackupFile for this file as it is now, or null if it was not checked. */
export function knownCheck(path: string): BackupCheck | null {
  const c = checked.get(path);
  try {
    return c && c.key === keyOf(path) ? c.result : null;
  } catch {
    return null;
  }
}

/** Records a check made another way (createBackup verified the copy it just made). */
export function rememberCheck(path: string, result: BackupCheck) {
  checked.set(path, { key: keyOf(path), result });
}

/** The manifest's hash against the file, then quick_check (in a worker thread when it can run). */
export async function checkBackupFile(path: string): Promise<BackupCheck> {
  const known = knownCheck(path);
  if (known) return known;
  const key = keyOf(path);
  const problems: string[] = [];
  const manifest = readManifest(path);
  const header = fileProblem(path);
  if (header) problems.push(header);
  else if (!manifest?.sha256) problems.push('没有记录校验值（清单文件缺失或由旧版本写入）');
  else if ((await fileSha256(path)) !== manifest.sha256) problems.push('文件内容与备份时记录的校验值不符');
  if (problems.length === 0) {
    try {
      problems.push(
        ...(await quickCheckInWorker(path).catch(() => ({ problems: quickCheckHere(path) }))).problems,
      );
    } catch (e) {
      problems.push(unreadable(e));
    }
    if (problems.length > 0 && !problems[0]!.startsWith('无法读取')) {
      problems.splice(0, problems.length, `快速检查发现 ${problems.length} 处问题，文件已损坏`);
    }
  }
  const result = { ok: problems.length === 0, problems };
  checked.set(path, { key, result });
  return result;
}

function quickCheckHere(path: string): string[] {
  const raw = openRaw(path, { readonly: true, fileMustExist: true });
  try {
    return (raw.pragma('quick_check') as { quick_check: string }[])
      .map((r) => r.quick_check)
      .filter((r) => r !== 'ok');
  } finally {
    raw.close();
  }
}
