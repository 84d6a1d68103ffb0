import { type BrowserWindow, dialog } from 'electron';
import { HostOpenError } from '../host/data-host/client';
import { backupDirOfDamaged, newestGoodBackup } from '../services/backup/recover';
import { checkBackup, finishPendingRestore, restoreFile } from '../services/backup/restore';
import { setNativeBinding } from '../services/backup/sqlite';

export { setNativeBinding };

/**
 * The Electron side of the database's safety: starting the data host on it (asking before a missing or empty
 * file becomes a new ledger; offering a restore when it is damaged, then a full check). Automatic backups and
 * the background check a clean open leaves for later are the data host's (host/data-host/host.ts); damage it
 * finds shows in the window (app.info).
 */

/** What the caller gets back from starting the data host: its handle. */
export interface OpenAttempt {
  mustExist: boolean;
  fullCheck: boolean;
}

/**
 * Starts the data host on the app's database, or returns null after telling the user why not (the caller
 * quits). `explicit`: the path was chosen (--db, FUNDDESK_DB); a missing file at the default place is the
 * first start and is created without asking. A damaged file gets the restore offer, then a full check.
 */
export async function openForApp<H>(
  dbPath: string,
  opts: { explicit: boolean },
  startHost: (attempt: OpenAttempt) => Promise<H>,
): Promise<H | null> {
  finishPendingRestore(dbPath);
  let create = false;
  let restored = false;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await startHost({ mustExist: !create, fullCheck: restored });
    } catch (e) {
      const code = e instanceof HostOpenError ? e.code : '';
      if ((code === 'missing' || code === 'empty') && !create) {
        create =
          (code === 'missing' && !opts.explicit) || (await confirmCreate(dbPath, (e as Error).message));
        if (create) continue;
        return null;
      }
      if (code === 'damaged' && attempt < 3 && (await offerRestore(null, dbPath, (e as Error).message))) {
        restored = true;
        continue;
      }
      const message = e instanceof HostOpenError ? e.message : `无法打开数据库：${(e as Error).message}`;
      dialog.showErrorBox('FundDesk 无法打开数据库', `${message}\n\n数据库文件：${dbPath}`);
      return null;
    }
  }
  return null;
}

async function confirmCreate(dbPath: string, why: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: 'FundDesk',
    message: `${why}。要在这里新建一个空的 FundDesk 数据库吗？`,
    detail: `数据库文件：${dbPath}\n\n如果文件名或位置输错了，请选择“退出”，然后用正确的路径重新打开。`,
    buttons: ['新建数据库', '退出'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Tells the user the database is damaged and offers a restore. Resolves true when a backup was put in
 * place (the caller opens the database again, with the full check), false to quit.
 */
export async function offerRestore(
  win: BrowserWindow | null,
  dbPath: string,
  problem: string,
): Promise<boolean> {
  const good = await newestGoodBackup(dbPath);
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
  try {
    await checkBackup(chosen);
    const { asidePath } = await restoreFile(dbPath, chosen);
    await dialog.showMessageBox({
      type: 'info',
      title: '已从备份恢复',
      message: '已从备份恢复数据库。',
      detail: asidePath ? `损坏的文件已改名保留为：\n${asidePath}` : '',
      buttons: ['继续'],
    });
    return true;
  } catch (e) {
    const body = (e as { body?: { message: string } }).body;
    dialog.showErrorBox(
      '不能用该备份恢复',
      `${body?.message ?? (e as Error).message}\n\n数据库文件没有改动。`,
    );
    return false;
  }
}
