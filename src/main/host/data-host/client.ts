import type { Envelope } from '../../../shared/contract/define';
import type { FromHost, OpenRequest, Port, ToHost } from './protocol';

/**
 * The parent's side of the data host, whatever carries the messages (a worker thread: worker.ts; Electron's
 * utility process: electron/data-host.ts). Calls are numbered and answered by id; progress goes to the
 * caller's listener (and to onProgress); the host's requests to print are answered with the parent's printer.
 */
export interface HostChannel extends Port<FromHost, ToHost> {
  /** Called once if the host stops without being asked to (crash, killed). */
  onExit(listener: (reason: string) => void): void;
  /** Stops the host at once (after close() has had its chance). */
  terminate(): Promise<void>;
}

export interface Progress {
  task: string;
  done: number;
  total: number;
}

export interface HostOptions {
  printPdf?: ((html: string) => Promise<Uint8Array>) | undefined;
  /** Progress of every long call (Electron sends it to the window). */
  onProgress?: ((p: Progress) => void) | undefined;
  /** The host's log lines (failed automatic backups). */
  onLog?: ((message: string) => void) | undefined;
  /**
   * Aborted before the host has opened the database: it is stopped at once rather than waited for (the reader
   * lane still starting when the app quits: under load its thread took 5 s to load, keeping `serve` alive).
   */
  signal?: AbortSignal | undefined;
}

export interface DataHost {
  dbPath: string;
  /** One call, answered with the handler's envelope; `onProgress` hears this call's progress. */
  invoke(channel: string, input: unknown, onProgress?: (p: Progress) => void): Promise<Envelope<unknown>>;
  /** Finishes: cancels running tasks, takes the quit backup (if backups are on), closes the database. */
  close(): Promise<void>;
  /** Hears the host stop without being asked to (crash, killed); supervisor.ts starts another. */
  onStop(listener: (reason: string) => void): void;
  /** With a reader lane (lane.ts): true once it answers the quick reads, false if it could not start. */
  laneReady?: Promise<boolean>;
}

/** What a call still waiting when the host died answers (supervisor.ts starts a new host for the next). */
export function stoppedMessage(reason: string): string {
  return `数据服务意外停止（${reason}），这次操作未能完成（未提交的改动不会写入数据库）；请重试，数据服务会自动重新启动`;
}

/** Why the host could not open the database (DbError's code and Chinese message). */
export class HostOpenError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HostOpenError';
  }
}

export function connectDataHost(
  ch: HostChannel,
  open: OpenRequest,
  opts: HostOptions = {},
): Promise<DataHost> {
  const calls = new Map<number, { done: (e: Envelope<unknown>) => void; progress?: (p: Progress) => void }>();
  let seq = 0;
  let stopped: string | null = null;
  let opened: ((dbPath: string) => void) | null = null;
  let openFailed: ((e: Error) => void) | null = null;
  let closed: (() => void) | null = null;
  const stopListeners: ((reason: string) => void)[] = [];
  let closing = false;

  const print = async (id: number, html: string) => {
    try {
      if (!opts.printPdf) throw new Error('当前环境不能生成 PDF');
      const data = await opts.printPdf(html);
      ch.post({ kind: 'printed', id, data });
    } catch (e) {
      ch.post({ kind: 'printed', id, error: (e as Error).message });
    }
  };

  ch.onMessage((m) => {
    switch (m.kind) {
      case 'opened':
        opened?.(m.dbPath);
        break;
      case 'open-failed':
        openFailed?.(new HostOpenError(m.code, m.message));
        break;
      case 'result': {
        const c = calls.get(m.id);
        calls.delete(m.id);
        c?.done(m.envelope);
        break;
      }
      case 'progress': {
        const p = { task: m.task, done: m.done, total: m.total };
        calls.get(m.id)?.progress?.(p);
        opts.onProgress?.(p);
        break;
      }
      case 'print':
        void print(m.id, m.html);
        break;
      case 'log':
        opts.onLog?.(m.message);
        break;
      case 'closed':
        closed?.();
        break;
    }
  });

  ch.onExit((reason) => {
    stopped = reason;
    const error = { code: 'internal' as const, message: stoppedMessage(reason) };
    for (const c of calls.values()) c.done({ ok: false, error });
    calls.clear();
    openFailed?.(new HostOpenError('cannot_open', `数据服务未能启动：${reason}`));
    closed?.();
    // Stopping after close() was asked for is no crash: nobody restarts it.
    if (!closing) for (const l of stopListeners) l(reason);
  });

  const host: DataHost = {
    dbPath: open.dbPath,
    invoke(channel, input, onProgress) {
      if (stopped) {
        return Promise.resolve({ ok: false, error: { code: 'internal', message: stoppedMessage(stopped) } });
      }
      return new Promise((done) => {
        const id = ++seq;
        calls.set(id, onProgress ? { done, progress: onProgress } : { done });
        ch.post({ kind: 'invoke', id, channel, input });
      });
    },
    onStop(listener) {
      stopListeners.push(listener);
    },
    async close() {
      closing = true;
      if (!stopped) {
        await new Promise<void>((ok) => {
          closed = ok;
          ch.post({ kind: 'close' });
        });
      }
      await ch.terminate();
    },
  };

  return new Promise((ok, bad) => {
    const abort = () => openFailed?.(new HostOpenError('cannot_open', '数据服务已关闭'));
    opened = (dbPath) => {
      opts.signal?.removeEventListener('abort', abort);
      host.dbPath = dbPath;
      ok(host);
    };
    openFailed = (e) => {
      opts.signal?.removeEventListener('abort', abort);
      openFailed = null;
      void ch.terminate();
      bad(e);
    };
    if (opts.signal?.aborted) return abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    ch.post(open);
  });
}
