import type { Channel } from '../../../shared/contract';
import type { Envelope } from '../../../shared/contract/define';
import { DbError } from '../../db/errors';
import { type OpenedDb, openDatabase } from '../../db/open';
import { defaultUserName, setSessionUser } from '../../db/session-user';
import { dispatch, type HandlerContext } from '../../handlers';
import { checkInBackground } from '../../services/backup/recover';
import { BackupScheduler } from '../../services/backup/scheduler';
import { setNativeBinding } from '../../services/backup/sqlite';
import type { FromHost, OpenRequest, Port, ToHost } from './protocol';
import { LONG_CHANNELS, openReader, READ_CHANNELS } from './readers';
import { READER_REFUSAL, writesData } from './writes';

/**
 * The data host: the one owner of the database. It opens the write connection (migrations, checks) and a
 * read-only one beside it, answers 'invoke' messages through the handler map, reports progress of long
 * tasks, cancels them on task.cancel, and asks its parent to print PDFs. The same code runs in Electron's
 * utility process and in a worker thread under plain Node (entry.ts); parents talk to it through client.ts.
 *
 * Calls are not queued here. Quick reads go to the reader lane, a second host opened `readOnly` that the
 * parent starts and routes to (lane.ts), so they answer while this thread is busy; the other reads use this
 * thread's read-only connection and never wait for a write transaction; writes share the one write connection,
 * where Kysely's connection lock makes a write wait for the running transaction (never SQLITE_BUSY).
 */
export function runDataHost(port: Port<ToHost, FromHost>, onClosed: () => void = () => {}): void {
  let writer: OpenedDb | null = null;
  let reader: OpenedDb | null = null;
  let request: OpenRequest | null = null;
  let scheduler: BackupScheduler | null = null;
  const running = new Map<
    number,
    { channel: string; controller: AbortController; progress?: { task: string; done: number; total: number } }
  >();
  const prints = new Map<number, { ok: (b: Uint8Array) => void; bad: (e: Error) => void }>();
  let printSeq = 0;

  const printViaParent = (html: string) =>
    new Promise<Uint8Array>((ok, bad) => {
      const id = ++printSeq;
      prints.set(id, { ok, bad });
      port.post({ kind: 'print', id, html });
    });

  const cancel = (channel?: string) => {
    let n = 0;
    for (const t of running.values()) {
      if (channel && t.channel !== channel) continue;
      if (!t.controller.signal.aborted) n++;
      t.controller.abort();
    }
    return n;
  };

  /** The last progress of the latest running task of a channel (or of any), for 'task.progress'. */
  const progressOf = (channel?: string) => {
    let last: { task: string; done: number; total: number } | null = null;
    for (const t of running.values())
      if ((!channel || t.channel === channel) && t.progress) last = t.progress;
    return last;
  };

  async function open(m: OpenRequest) {
    request = m;
    if (m.nativeBinding) setNativeBinding(m.nativeBinding);
    if (m.readOnly) {
      try {
        writer = openReader(m.dbPath, m.nativeBinding);
      } catch (e) {
        port.post({ kind: 'open-failed', code: 'cannot_open', message: (e as Error).message });
        return;
      }
      port.post({ kind: 'opened', dbPath: m.dbPath });
      return;
    }
    try {
      writer = await openDatabase(m.dbPath, {
        ...(m.nativeBinding ? { nativeBinding: m.nativeBinding } : {}),
        ...(m.mustExist ? { mustExist: true } : {}),
        ...(m.skipIntegrityCheck ? { skipIntegrityCheck: true } : {}),
        ...(m.fullCheck ? { fullCheck: true } : {}),
      });
    } catch (e) {
      const code = e instanceof DbError ? e.code : 'cannot_open';
      const message = e instanceof DbError ? e.message : `无法打开数据库：${(e as Error).message}`;
      port.post({ kind: 'open-failed', code, message });
      return;
    }
    const opened = writer;
    setSessionUser(opened, m.userName ?? defaultUserName());
    if (opened.engine === 'postgres') {
      // A server (#17): it serves concurrent reads itself, checks its own storage, and is backed up by copy
      // or pg_dump, so no reader lane, background check or automatic file backups here.
      port.post({ kind: 'opened', dbPath: opened.path });
      return;
    }
    // The check a clean open leaves for later (db/open.ts); damage found shows in the window (app.info).
    void checkInBackground(opened).then((damage) => {
      if (damage) port.post({ kind: 'log', message: damage });
    });
    if (opened.readOnly) {
      // A read-only file: nothing may be written beside it, so no second connection and no reader lane.
      port.post({ kind: 'opened', dbPath: opened.path });
      return;
    }
    try {
      reader = openReader(writer.path, m.nativeBinding);
    } catch (e) {
      // Without a second connection every call goes to the write connection (reads then wait for writes).
      port.post({ kind: 'log', message: `只读连接未能打开，读取将等待写入完成：${(e as Error).message}` });
    }
    if (m.backups) {
      scheduler = new BackupScheduler(
        () => writer,
        (message) => port.post({ kind: 'log', message }),
      );
      void scheduler.start();
    }
    port.post({ kind: 'opened', dbPath: writer.path });
  }

  async function invoke(id: number, channel: string, input: unknown) {
    let envelope: Envelope<unknown>;
    if (!writer || !request) {
      envelope = { ok: false, error: { code: 'internal', message: '数据库尚未打开' } };
    } else if (writer.engine === 'postgres' && writer.readOnly && writesData(channel, input)) {
      envelope = { ok: false, error: { code: 'database', message: READER_REFUSAL } };
    } else {
      const long = LONG_CHANNELS.has(channel as Channel);
      const controller = long ? new AbortController() : null;
      if (controller) running.set(id, { channel, controller });
      const ctx: HandlerContext = {
        opened: READ_CHANNELS.has(channel as Channel) && reader ? reader : writer,
        host: request.host,
        version: request.version,
        ...(request.canPrint ? { printPdf: printViaParent } : {}),
        progress: (task, done, total) => {
          const t = running.get(id);
          if (t) t.progress = { task, done, total };
          port.post({ kind: 'progress', id, task, done, total });
        },
        ...(controller ? { signal: controller.signal } : {}),
        cancelTasks: cancel,
        taskProgress: progressOf,
      };
      try {
        envelope = await dispatch(ctx, channel, input);
      } finally {
        running.delete(id);
      }
    }
    try {
      port.post({ kind: 'result', id, envelope });
    } catch (e) {
      port.post({
        kind: 'result',
        id,
        envelope: {
          ok: false,
          error: { code: 'internal', message: `结果无法传回：${(e as Error).message}` },
        },
      });
    }
  }

  async function close() {
    cancel();
    await scheduler?.quit().catch(() => null);
    await reader?.close().catch(() => {});
    await writer?.close().catch(() => {});
    reader = null;
    writer = null;
    port.post({ kind: 'closed' });
    onClosed();
  }

  port.onMessage((m) => {
    switch (m.kind) {
      case 'open':
        void open(m);
        break;
      case 'invoke':
        void invoke(m.id, m.channel, m.input);
        break;
      case 'printed': {
        const p = prints.get(m.id);
        prints.delete(m.id);
        if (m.data) p?.ok(m.data);
        else p?.bad(new Error(m.error ?? '打印 PDF 失败'));
        break;
      }
      case 'close':
        void close();
        break;
    }
  });
}
