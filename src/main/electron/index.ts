import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import type { DataHost } from '../host/data-host/client';
import { resolveDbPath } from '../host/db-path';
import { connectionDir, readSavedConnection } from '../host/saved-connection';
import { openForApp, setNativeBinding } from './backups';
import { startUtilityHost } from './data-host';
import { buildMenu } from './menu';
import { electronPrintPdf } from './print-pdf';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  externalLink,
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSender,
  RENDERER_CSP,
  RENDERER_URL,
  rendererFileFor,
  WEB_PREFERENCES,
} from './security';

/**
 * The thin Electron shell: one window, the menu, native dialogs, file pickers and PDF printing, a
 * single-instance lock and the security settings (security.ts). The database belongs to the data host, a
 * utility process (data-host.ts); IPC calls are relayed to it. The page is served as app://funddesk/.
 */
const here = dirname(fileURLToPath(import.meta.url));
const appRoot = join(here, '..', '..');
const rendererDir = join(appRoot, 'out', 'renderer');

let win: BrowserWindow | null = null;
let host: DataHost | null = null;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

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
  // The data host takes the quit backup and closes the database before the app ends (at most 30 s).
  let closing = false;
  app.on('before-quit', (event) => {
    if (!host || closing) return;
    event.preventDefault();
    closing = true;
    const h = host;
    const timeout = new Promise((resolve) => setTimeout(resolve, 30_000));
    void Promise.race([h.close(), timeout]).finally(() => {
      host = null;
      app.quit();
    });
  });
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

/** A link leaving the app: known hosts open in the browser, other https sites after the user confirms. */
async function openLink(url: string) {
  const link = externalLink(url);
  if (link.action === 'deny') return;
  if (link.action === 'ask') {
    const options = {
      type: 'question' as const,
      title: '打开外部网站',
      message: `要在浏览器中打开 ${new URL(link.url).hostname} 吗？`,
      detail: link.url,
      buttons: ['在浏览器中打开', '取消'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const { response } = win
      ? await dialog.showMessageBox(win, options)
      : await dialog.showMessageBox(options);
    if (response !== 0) return;
  }
  await shell.openExternal(link.url);
}

/** No permission the app does not use; the renderer's files through app:// (never file://), with its CSP. */
function secureSession() {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_wc, permission, origin) => isPermissionAllowed(permission, origin));
  ses.setDevicePermissionHandler(() => false);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url, rendererDir);
    if (!file || !existsSync(file)) return new Response('未找到', { status: 404 });
    const r = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(r.headers);
    headers.set('content-security-policy', RENDERER_CSP);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(r.body, { status: r.status, headers });
  });
}

/** The database was named (--db, FUNDDESK_DB) rather than the default place of a first start. */
function dbPathChosen(): boolean {
  return process.argv.some((a) => a === '--db' || a.startsWith('--db=')) || Boolean(process.env.FUNDDESK_DB);
}

function nativeBinding(): string | undefined {
  const p = join(appRoot, '.electron-native', 'better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}

async function start() {
  secureSession();
  const saved = readSavedConnection(connectionDir());
  const dbPath = resolveDbPath(process.argv.slice(1), process.env, app.getPath('userData'), saved);
  const nb = nativeBinding();
  setNativeBinding(nb);
  // Opening asks before creating, offers a restore when the file is damaged, opens a read-only file read-only.
  host = await openForApp(
    dbPath,
    { explicit: dbPathChosen() || saved !== null },
    ({ mustExist, fullCheck }) =>
      startUtilityHost(
        {
          dbPath,
          host: 'electron',
          version: app.getVersion(),
          nativeBinding: nb,
          backups: true,
          mustExist,
          fullCheck,
        },
        {
          printPdf: electronPrintPdf,
          onProgress: (p) => win?.webContents.send('funddesk:progress', p),
          onLog: (m) => console.error(m),
        },
      ),
  );
  if (!host) {
    app.exit(1);
    return;
  }

  ipcMain.handle('funddesk:invoke', (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'bad_request', message: '拒绝来自未知页面的调用' } };
    }
    if (!host) return { ok: false, error: { code: 'internal', message: '数据服务已关闭' } };
    return host.invoke(String(channel), input);
  });
  // 连接服务器数据库 › 立即重启: the saved choice applies at the next start (resolveDbPath).
  ipcMain.handle('funddesk:relaunch', (event) => {
    if (!isTrustedSender(event.senderFrame?.url)) return;
    app.relaunch();
    app.exit(0);
  });
  ipcMain.handle('funddesk:save-file', async (event, name: unknown, data: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || !win) return null;
    if (typeof name !== 'string' || !(data instanceof Uint8Array)) return null;
    const r = await dialog.showSaveDialog(win, { defaultPath: basename(name) });
    if (r.canceled || !r.filePath) return null;
    await writeFile(r.filePath, data);
    return r.filePath;
  });
  ipcMain.handle('funddesk:open-file', async (event, filters: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || !win) return null;
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
  await win.loadURL(RENDERER_URL);
}
