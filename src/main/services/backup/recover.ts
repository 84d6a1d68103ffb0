import { existsSync } from 'node:fs';
import type { BackupItem } from '../../../shared/contract/data';
import { listBackupFiles, verifyDatabaseFile } from './backup';
import { defaultBackupDir } from './settings';
import { openRaw } from './sqlite';

/** Finding a backup for a database that cannot be opened (Electron's dialog, the CLI's hint). */

/** Its backup folder: the setting if the damaged file still yields it, else "<folder>/backups". */
export function backupDirOfDamaged(dbPath: string): string {
  try {
    const raw = openRaw(dbPath, { readonly: true, fileMustExist: true });
    try {
      const row = raw.prepare(`SELECT value FROM meta WHERE key = 'backup:settings'`).get() as
        | { value: string }
        | undefined;
      const dir = row ? (JSON.parse(row.value) as { dir?: string }).dir : '';
      if (dir && existsSync(dir)) return dir;
    } finally {
      raw.close();
    }
  } catch {
    // unreadable: the default folder
  }
  return defaultBackupDir(dbPath);
}

/** The newest backup that passes verification (checks at most `limit` of them). */
export function newestGoodBackup(dbPath: string, limit = 20): BackupItem | null {
  for (const item of listBackupFiles(backupDirOfDamaged(dbPath), dbPath).slice(0, limit)) {
    if (verifyDatabaseFile(item.path).ok) return item;
  }
  return null;
}
