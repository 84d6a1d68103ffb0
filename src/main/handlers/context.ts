import type { OpenedDb } from '../db/open';

/** What every handler may use: the open database and facts about the host. */
export interface HandlerContext {
  opened: OpenedDb;
  host: 'electron' | 'browser' | 'test' | 'cli';
  version: string;
  /** Turns a self-contained HTML page into A4 PDF bytes (Electron: printToPDF; Node: headless Chromium). */
  printPdf?: ((html: string) => Promise<Uint8Array>) | undefined;
  /** Reports progress of a long task (export, import) to whoever started it. */
  progress?: ((task: string, done: number, total: number) => void) | undefined;
  /** Aborted when the user cancels this long task (task.cancel): the task stops and writes nothing. */
  signal?: AbortSignal | undefined;
  /** The last progress of the running long task of a channel (or of any); the data host sets it. */
  taskProgress?: ((channel?: string) => { task: string; done: number; total: number } | null) | undefined;
  /** Cancels running long tasks (of one channel, or all); returns how many (the data host sets it). */
  cancelTasks?: ((channel?: string) => number) | undefined;
}
