/**
 * HTML → A4 PDF outside Electron (CLI, browser preview, tests): headless Chromium through playwright-core.
 * The browser is started on first use and closed after a minute without work (or by close()). Up to `pages`
 * prints run at once, each in its own tab (a large PDF is printed in parts, two at a time: export/pdf.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withPrintCsp } from '../electron/security';
import { LOAD_PRINT_FONTS } from '../export/pdf-html';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium-find';

export { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE };

export interface PdfPrinter {
  printPdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A printer that reuses its headless browser tabs between calls (up to `pages` prints at a time). */
export function createChromiumPdfPrinter(opts: { idleMs?: number; pages?: number } = {}): PdfPrinter {
  let context: Promise<BrowserContext> | null = null;
  let browser: Browser | null = null;
  let timer: NodeJS.Timeout | null = null;
  /** Tabs not printing now; `lanes` prints may run at once. */
  const idle: Page[] = [];
  const waiting: (() => void)[] = [];
  let busy = 0;
  let pending = 0;
  const lanes = Math.max(1, opts.pages ?? 2);
  const idleMs = opts.idleMs ?? 60_000;

  const close = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const c = context;
    context = null;
    idle.length = 0;
    await c?.catch(() => null);
    const b = browser;
    browser = null;
    await b?.close().catch(() => {});
  };

  const open = async (): Promise<BrowserContext> => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
    const { chromium } = await import('playwright-core');
    // The host closes the printer on its own shutdown; Playwright still kills the browser on exit.
    browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    // As Electron's print window: no JavaScript in the page (the fonts are awaited through the protocol).
    return browser.newContext({ offline: true, javaScriptEnabled: false });
  };

  const print = async (html: string): Promise<Uint8Array> => {
    if (!context) {
      context = open();
      context.catch(() => {
        context = null;
      });
    }
    const mine = context;
    const p = idle.pop() ?? (await (await mine).newPage());
    try {
      return await printOn(p, html);
    } finally {
      // Back to the idle tabs, unless the browser was closed meanwhile.
      if (context === mine && !p.isClosed()) idle.push(p);
    }
  };

  const printOn = async (p: Page, html: string): Promise<Uint8Array> => {
    await p.setContent(withPrintCsp(html), { waitUntil: 'load', timeout: 300_000 });
    await p.evaluate(LOAD_PRINT_FONTS);
    const pdf = await p.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
    });
    await p.setContent('<!doctype html><title></title>').catch(() => {});
    return new Uint8Array(pdf);
  };

  return {
    close,
    printPdf(html: string) {
      if (timer) clearTimeout(timer);
      timer = null;
      pending++;
      const turn = busy < lanes ? Promise.resolve() : new Promise<void>((ok) => waiting.push(ok));
      busy++;
      const run = turn.then(() => print(html));
      return run.finally(() => {
        busy--;
        waiting.shift()?.();
        pending--;
        if (pending === 0 && idleMs > 0) {
          timer = setTimeout(() => void close(), idleMs);
          timer.unref();
        }
      });
    },
  };
}

/** One-shot: start Chromium, print, close. */
export async function chromiumPrintPdf(html: string): Promise<Uint8Array> {
  const p = createChromiumPdfPrinter({ idleMs: 0 });
  try {
    return await p.printPdf(html);
  } finally {
    await p.close();
  }
}
