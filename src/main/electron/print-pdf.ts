import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';

/**
 * Render a self-contained HTML page in a hidden, sandboxed window and print it to A4 PDF. The page goes
 * through a temporary file (report pages embed their fonts and can be larger than a data: URL may be);
 * page size, margins and page numbers come from the page's own @page CSS.
 */
export async function electronPrintPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'funddesk-pdf-'));
  const file = join(dir, 'report.html');
  await writeFile(file, html, 'utf8');
  const w = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true },
  });
  w.webContents.on('will-navigate', (e) => e.preventDefault());
  try {
    await w.loadFile(file);
    // Every embedded font subset is decoded before printing.
    await w.webContents.executeJavaScript('document.fonts.ready.then(() => true)', true);
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
