import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, session } from 'electron';
import { LOAD_PRINT_FONTS } from '../export/pdf-html';
import { PRINT_WEB_PREFERENCES, withPrintCsp } from './security';

/**
 * Render a self-contained HTML page in a hidden, sandboxed window with JavaScript off and a CSP that loads
 * nothing from outside the page, and print it to A4 PDF. The page goes through a temporary file (report pages
 * embed their fonts and can be larger than a data: URL may be); page size, margins and page numbers come from
 * the page's own @page CSS. The data host asks for this (printing stays in the main process).
 */
export async function electronPrintPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'funddesk-pdf-'));
  const file = join(dir, 'report.html');
  await writeFile(file, withPrintCsp(html), 'utf8');
  const ses = session.fromPartition(PRINT_WEB_PREFERENCES.partition);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const w = new BrowserWindow({ show: false, webPreferences: { ...PRINT_WEB_PREFERENCES } });
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    await w.loadFile(file);
    // Every embedded font subset is loaded before printing (the page shows nothing on screen, so nothing
    // else asks for them). The page runs no script: this goes through the DevTools protocol (as Playwright's
    // evaluate does for the Node hosts' Chromium).
    const dbg = w.webContents.debugger;
    dbg.attach('1.3');
    try {
      await dbg.sendCommand('Runtime.evaluate', {
        expression: LOAD_PRINT_FONTS,
        awaitPromise: true,
        returnByValue: true,
      });
    } finally {
      dbg.detach();
    }
    const pdf = await w.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
    });
    return new Uint8Array(pdf);
  } finally {
    w.destroy();
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}
