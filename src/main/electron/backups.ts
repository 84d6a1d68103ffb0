import { type BrowserWindow, dialog } from 'electron';
import { verifyDatabaseFile } from '../services/backup/backup';
import { backupDirOfDamaged, newestGoodBackup } from '../services/backup/recover';
import { restoreFile } from '../services/backup/restore';
import { setNativeBinding } from '../services/backup/sqlite';

export { setNativeBinding };

/**
 * The Electron side of backups: when the database is damaged, a dialog that offers to restore the newest
 * backup that verifies (the damaged file is kept aside, untouched). Automatic backups (on start, every few
 * minutes while the data changes, on quit) are the data host's (host/data-host/host.ts).
 */

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Tells the user the database is damaged and offers a restore. Resolves true when a backup was put in
 * place (the caller opens the database again), false to quit.
 */
export async function offerRestore(
  win: BrowserWindow | null,
  dbPath: string,
  problem: string,
): Promise<boolean> {
  const good = newestGoodBackup(dbPath);
  const detail = good
    ? `${problem}\n\n最近一份完好的备份：${new Date(good.createdAt).toLocaleString('zh-CN')}（${good.reasonLabel}，${mb(good.sizeBytes)}）。\n恢复后，损坏的文件会改名保留在原文件夹中，不会被删除。`
    : `${problem}\n\n没有找到可用的自动备份。可以选择一个备份文件来恢复；损坏的文件会改名保留，不会被删除。`;
  const buttons = good ? ['从该备份恢复', '选择其他备份文件…', '退出'] : ['选择备份文件…', '退出'];
  const options = {
    type: 'error' as const,
    title: 'FundDesk 数据库已损坏',
    message: '数据库文件已损坏，FundDesk 没有改动它。',
    detail: `${detail}\n\n数据库文件：${dbPath}`,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  let chosen: string | null = null;
  if (good && response === 0) chosen = good.path;
  else if (buttons[response] === '选择其他备份文件…' || buttons[response] === '选择备份文件…') {
    const r = await dialog.showOpenDialog({
      title: '选择要恢复的 FundDesk 备份',
      defaultPath: backupDirOfDamaged(dbPath),
      properties: ['openFile'],
      filters: [{ name: 'FundDesk 备份', extensions: ['sqlite', 'db', 'bak'] }],
    });
    chosen = r.canceled ? null : (r.filePaths[0] ?? null);
  }
  if (!chosen) return false;
  const v = verifyDatabaseFile(chosen);
  if (!v.ok) {
    dialog.showErrorBox('不能用该备份恢复', `${chosen}\n${v.problems.join('；')}\n\n数据库文件没有改动。`);
    return false;
  }
  try {
    const { asidePath } = restoreFile(dbPath, chosen);
    await dialog.showMessageBox({
      type: 'info',
      title: '已从备份恢复',
      message: '已从备份恢复数据库。',
      detail: asidePath ? `损坏的文件已改名保留为：\n${asidePath}` : '',
      buttons: ['继续'],
    });
    return true;
  } catch (e) {
    dialog.showErrorBox('恢复失败', `${(e as Error).message}\n\n数据库文件没有改动。`);
    return false;
  }
}
