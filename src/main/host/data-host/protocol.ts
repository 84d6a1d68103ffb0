import type { Envelope } from '../../../shared/contract/define';

/**
 * The messages between a parent (Electron's main process, `funddesk serve`, a test) and the data host, the
 * one module that owns the SQLite connections (host.ts). Plain structured-clone data: they cross a
 * worker_threads port and an Electron utility process's message channel alike.
 */

export interface OpenRequest {
  kind: 'open';
  dbPath: string;
  host: 'electron' | 'browser' | 'test' | 'cli';
  version: string;
  /** An Electron-ABI better_sqlite3.node (the desktop app passes it). */
  nativeBinding?: string | undefined;
  mustExist?: boolean | undefined;
  skipIntegrityCheck?: boolean | undefined;
  /** Run the full integrity check (after a restore). */
  fullCheck?: boolean | undefined;
  /** Take automatic backups (on start, every few minutes while data changes, on close). */
  backups?: boolean | undefined;
  /** A reader lane: only a read-only connection, for the quick reads (the parent starts one: lane.ts). */
  readOnly?: boolean | undefined;
  /** This session's user name for the audit log (#17); default: FUNDDESK_USER, else the login name. */
  userName?: string | undefined;
  /** The parent can print HTML to PDF ('print' messages); without it report.export refuses PDF. */
  canPrint?: boolean | undefined;
}

export type ToHost =
  | OpenRequest
  | { kind: 'invoke'; id: number; channel: string; input: unknown }
  | { kind: 'printed'; id: number; data?: Uint8Array; error?: string }
  | { kind: 'close' };

export type FromHost =
  | { kind: 'opened'; dbPath: string }
  /** The database could not be opened: `code` is DbError's (e.g. 'damaged'), the message Chinese. */
  | { kind: 'open-failed'; code: string; message: string }
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'progress'; id: number; task: string; done: number; total: number }
  /** Print this HTML page to A4 PDF and answer with 'printed' (printing stays with the parent). */
  | { kind: 'print'; id: number; html: string }
  | { kind: 'log'; message: string }
  | { kind: 'closed' };

/** One side's end of the channel, whatever carries it. */
export interface Port<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
