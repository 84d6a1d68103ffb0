import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import type { OpenedDb } from '../db/open';
import { dispatch, type HandlerContext } from '../handlers';
import { resolveDbPath } from '../host/db-path';
import { openForApp, setNativeBinding, startAutomaticBackups } from './backups';
import { buildMenu } from './menu';
import { electronPrintPdf } from './print-pdf';
import { externalLinkTarget, isAllowedNavigation, isTrustedSender, WEB_PREFERENCES } from './security';

/**
 * The thin Electron shell: one window, the menu, native dialogs, IPC to the handler map, a
 * single-instance lock and the security settings. Everything else lives in services.
 */
const here = dirname(fileURLToPath(import.meta.url));
const appRoot = join(here, '..', '..');
const rendererIndex = join(appRoot, 'out', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

let win: BrowserWindow | null = null;
let opened: OpenedDb | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void opened?.close();
  });
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

/** The database was named (--db, FUNDDESK_DB) rather than the default place of a first start. */
function dbPathChosen(): boolean {
  return process.argv.some((a) => a === '--db' || a.startsWith('--db=')) || Boolean(process.env.FUNDDESK_DB);
}

function nativeBinding(): string | undefined {
  const p = join(appRoot, '.electron-native', 'better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}

async function start() {
  const dbPath = resolveDbPath(process.argv.slice(1), process.env, app.getPath('userData'));
  const nb = nativeBinding();
  setNativeBinding(nb);
  // Opening asks before creating, offers a restore when the file is damaged, opens a read-only file read-only.
  opened = await openForApp(dbPath, { ...(nb ? { nativeBinding: nb } : {}), explicit: dbPathChosen() });
  if (!opened) {
    app.exit(1);
    return;
  }
  const ctx: HandlerContext = {
    opened,
    host: 'electron',
    version: app.getVersion(),
    printPdf: electronPrintPdf,
    progress: (task, done, total) => win?.webContents.send('funddesk:progress', { task, done, total }),
  };
  startAutomaticBackups(app, () => opened);

  ipcMain.handle('funddesk:invoke', (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl)) {
      return { ok: false, error: { code: 'bad_request', message: '拒绝来自未知页面的调用' } };
    }
    return dispatch(ctx, String(channel), input);
  });
  ipcMain.handle('funddesk:save-file', async (event, name: unknown, data: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl) || !win) return null;
    if (typeof name !== 'string' || !(data instanceof Uint8Array)) return null;
    const r = await dialog.showSaveDialog(win, { defaultPath: basename(name) });
    if (r.canceled || !r.filePath) return null;
    await writeFile(r.filePath, data);
    return r.filePath;
  });
  ipcMain.handle('funddesk:open-file', async (event, filters: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl) || !win) return null;
    const r = await dialog.showOpenDialog(win, {
      properties: ['openFile'],
      filters: Array.isArray(filters) ? (filters as Electron.FileFilter[]) : [],
    });
    const file = r.filePaths[0];
    if (r.canceled || !file) return null;
    return { name: basename(file), data: new Uint8Array(await readFile(file)) };
  });

  win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: 'FundDesk 基金台账',
    show: false,
    webPreferences: {
      preload: join(appRoot, 'out', 'preload', 'index.cjs'),
      ...WEB_PREFERENCES,
    },
  });
  Menu.setApplicationMenu(buildMenu(win));
  win.once('ready-to-show', () => win?.show());
  await win.loadFile(rendererIndex);
}
