import { dirname, isAbsolute, join } from 'node:path';
import type { BackupSettings } from '../../../shared/contract/data';
import type { Db } from '../../db/open';
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

export function defaultBackupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

export function backupDirOf(dbPath: string, settings: BackupSettings): string {
  return settings.dir ? settings.dir : defaultBackupDir(dbPath);
}
