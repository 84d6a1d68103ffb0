import type { OpenedDb } from '../db/open';

/** What every handler may use: the open database and facts about the host. */
export interface HandlerContext {
  opened: OpenedDb;
  host: 'electron' | 'browser' | 'test' | 'cli';
  version: string;
  /** Turns a self-contained HTML page into A4 PDF bytes (Electron: printToPDF; Node: headless Chromium). */
  printPdf?: (html: string) => Promise<Uint8Array>;
  /** Reports progress of a long task (export, import) to whoever started it. */
  progress?: (task: string, done: number, total: number) => void;
}
