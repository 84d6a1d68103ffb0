import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupItem, BackupList, BackupSettings, RestoreResult } from '../../../shared/contract/data';
import type { OpenedDb } from '../../db/open';
import { fail } from '../ledger/errors';
import { createBackup, listCheckedBackups, totalBytes } from './backup';
import { restoreInto, SERVER_RESTORE_REFUSED } from './restore';
import { backupDirOf, getBackupSettings, saveBackupSettings } from './settings';

/** What the handlers call: the backup folder of the open database, as the settings say. */

export async function listBackups(opened: OpenedDb): Promise<BackupList> {
  const settings = await getBackupSettings(opened.db);
  const dir = backupDirOf(opened.path, settings);
  const items = await listCheckedBackups(dir, opened.path);
  return { dir, items, totalBytes: totalBytes(items), settings };
}

export function backupNow(
  opened: OpenedDb,
  reason = 'manual',
  opts: { inWorker?: boolean; signal?: AbortSignal } = {},
): Promise<BackupItem> {
  return createBackup(opened, { reason, ...opts });
}

/** Deletes a backup this app just made and no longer needs (an import refused after its safety copy). */
export function discardBackup(item: BackupItem) {
  rmSync(item.path, { force: true });
  rmSync(`${item.path}.json`, { force: true });
}

/** Restores a backup of the folder by file name (never an arbitrary path from the page). */
export async function restoreByName(
  opened: OpenedDb,
  file: string,
  signal?: AbortSignal,
): Promise<RestoreResult> {
  if (opened.engine === 'postgres') fail('validation', SERVER_RESTORE_REFUSED);
  const { dir, items } = await listBackups(opened);
  const item = items.find((i) => i.file === file);
  if (!item || item.path !== join(dir, file))
    fail('not_found', `备份“${file}”不存在，可能已被轮换删除，请刷新列表`);
  const r = await restoreInto(opened, item.path, signal);
  return { restoredFrom: item, safetyBackup: r.safetyBackup, counts: r.counts };
}

export async function backupSettings(
  opened: OpenedDb,
  patch?: Partial<BackupSettings>,
): Promise<BackupSettings> {
  return patch ? saveBackupSettings(opened.db, patch) : getBackupSettings(opened.db);
}

export { BackupScheduler } from './scheduler';
