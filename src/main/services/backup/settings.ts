import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'pg-connection-string';
import type { BackupSettings } from '../../../shared/contract/data';
import type { Db } from '../../db/open';
import { isPostgresUrl } from '../../db/target';
import { fail } from '../ledger/errors';
import { getMeta, setMeta } from '../meta';

/** Backup settings, kept in the database; the folder defaults to "<database folder>/backups". */
export const DEFAULT_SETTINGS: BackupSettings = {
  enabled: true,
  intervalMinutes: 10,
  keepRecent: 10,
  keepDaily: 14,
  keepMonthly: 12,
  maxTotalMB: 2048,
  dir: '',
};

const KEY = 'backup:settings';

export async function getBackupSettings(db: Db): Promise<BackupSettings> {
  try {
    const raw = await getMeta(db, KEY);
    if (!raw) return { ...DEFAULT_SETTINGS };
    const v = JSON.parse(raw) as Partial<BackupSettings>;
    const out = { ...DEFAULT_SETTINGS };
    for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof BackupSettings)[]) {
      if (typeof v[k] === typeof DEFAULT_SETTINGS[k]) (out as Record<string, unknown>)[k] = v[k];
    }
    return out;
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveBackupSettings(db: Db, patch: Partial<BackupSettings>): Promise<BackupSettings> {
  const next = { ...(await getBackupSettings(db)) };
  for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof BackupSettings)[]) {
    if (patch[k] !== undefined) (next as Record<string, unknown>)[k] = patch[k];
  }
  next.dir = next.dir.trim();
  if (next.dir !== '' && !isAbsolute(next.dir))
    fail('validation', '备份文件夹应为完整路径（如 D:\\FundDesk备份）');
  await setMeta(db, KEY, JSON.stringify(next));
  return next;
}

/**
 * "<database folder>/backups"; for a PostgreSQL server (which has no folder of its own here) "FundDesk备份" in the
 * user's home folder: a backup of the server is a file on this computer (backup/from-server.ts).
 */
export function defaultBackupDir(dbPath: string): string {
  return isPostgresUrl(dbPath) ? join(homedir(), 'FundDesk备份') : join(dirname(dbPath), 'backups');
}

/** The file name stem of a server database's backups: "<host>_<port>_<database>[_<schema>]". */
export function serverStem(url: string): string {
  const c = parse(url);
  const schema = /search_path\s*=\s*([\w]+)/.exec(c.options ?? '')?.[1];
  return [c.host ?? 'localhost', c.port ?? '5432', c.database ?? 'postgres', ...(schema ? [schema] : [])]
    .join('_')
    .replace(/[^\w\u4e00-\u9fa5.-]/g, '_');
}

/** The server's settings are everyone's: a folder of one computer in them would not exist on the next. */
export function backupDirOf(dbPath: string, settings: BackupSettings): string {
  return settings.dir && !isPostgresUrl(dbPath) ? settings.dir : defaultBackupDir(dbPath);
}
