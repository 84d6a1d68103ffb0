import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { BackupItem } from '../../../shared/contract/data';
import { sqlitePrimary } from '../../db/errors';
import type { OpenedDb } from '../../db/open';
import { readOnlySource } from '../../db/sqlite-uri';
import { listBackupFiles } from './backup';
import { quickCheckInWorker } from './copy-worker';
import { checkBackup } from './restore';
import { defaultBackupDir } from './settings';
import { openRaw } from './sqlite';

/** Finding a backup for a database that cannot be opened (Electron's dialog, the CLI's hint), and the open's
 * background check. */

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

/** The newest backup that passes the checks a restore makes (checks at most `limit` of them). */
export async function newestGoodBackup(dbPath: string, limit = 20): Promise<BackupItem | null> {
  for (const item of listBackupFiles(backupDirOfDamaged(dbPath), dbPath).slice(0, limit)) {
    if (
      await checkBackup(item.path).then(
        () => true,
        () => false,
      )
    )
      return item;
  }
  return null;
}

/**
 * The check a clean open leaves for later (db/open.ts): quick_check in a worker thread while the app is in
 * use. Damage found is kept in `opened.damage` (the app shows it; the file is then not marked as closed
 * cleanly, so the next start runs the full check and offers the restore). Resolves with the message or null.
 */
export async function checkInBackground(opened: OpenedDb): Promise<string | null> {
  if (opened.check !== 'quick') return null;
  let problems: string[];
  try {
    problems = (await quickCheckInWorker(opened.readOnly ? readOnlySource(opened.path) : opened.path))
      .problems;
  } catch (e) {
    const p = sqlitePrimary(e);
    if (p === 'CORRUPT' || p === 'NOTADB') problems = ['无法读取'];
    else {
      try {
        problems = (opened.raw.pragma('quick_check') as { quick_check: string }[])
          .map((r) => r.quick_check)
          .filter((r) => r !== 'ok');
      } catch {
        problems = ['无法读取'];
      }
    }
  }
  if (problems.length === 0) return null;
  opened.damage = `数据库文件“${basename(opened.path)}”已损坏（后台检查发现 ${problems.length} 处问题）。请尽快关闭 FundDesk 再重新打开：届时会提示从最近一份完好的备份恢复，损坏的文件会改名保留`;
  return opened.damage;
}
