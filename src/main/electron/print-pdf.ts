import { BrowserWindow } from 'electron';

/** Render a self-contained HTML page in a hidden, sandboxed window and print it to A4 PDF. */
export async function electronPrintPdf(html: string): Promise<Uint8Array> {
  const w = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await w.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await w.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    return new Uint8Array(pdf);
  } finally {
    w.destroy();
  }
}
