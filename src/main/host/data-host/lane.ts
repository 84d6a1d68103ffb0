import type { Channel } from '../../../shared/contract';
import { isPostgresUrl } from '../../db/target';
import type { DataHost } from './client';

/**
 * Quick reads (a page of grid rows, the overview, the audit log, a report): answered by the reader lane, a
 * second data host opened `readOnly` (its own read-only connection to the same WAL file: the last commit,
 * never half an import). The parent routes them itself, so they answer even while the data host's thread is
 * inside a long synchronous step (an import's one write transaction, a restore's table swap): a lane started
 * by the host would be reached only through that blocked thread (4.5 s for a page at 1x, under load).
 */
export const QUICK_READS: ReadonlySet<Channel> = new Set<Channel>([
  'overview.get',
  'audit.list',
  'audit.since',
  'settings.get',
  'ledger.list',
  'ledger.table',
  'ledger.page',
  'ledger.get',
  'ledger.options',
  'report.get',
]);

/**
 * The data host with its reader lane beside it, started in the background: until the lane is up (or if it
 * cannot start, or on PostgreSQL) every call goes to the host. Both carriers (worker.ts, electron/data-host.ts) use this.
 */
export function withReaderLane(
  main: DataHost,
  /** Starts the lane; `signal` is aborted when the host closes before the lane has opened (nothing to lose: it only reads). */
  startLane: (signal: AbortSignal) => Promise<DataHost>,
  onLog?: (message: string) => void,
): DataHost {
  // A PostgreSQL server answers concurrent reads itself (#17): no second thread, and no SQLite open to fail.
  if (isPostgresUrl(main.dbPath)) return main;
  let lane: DataHost | null = null;
  let closed = false;
  const starting = new AbortController();
  const laneReady = startLane(starting.signal).then(
    (l) => {
      if (closed) void l.close();
      else lane = l;
      return !closed;
    },
    (e: Error) => {
      if (!closed) onLog?.(`读取线程未能启动，读取由数据服务本身应答：${e.message}`);
      return false;
    },
  );
  return {
    dbPath: main.dbPath,
    laneReady,
    invoke(channel, input, onProgress) {
      if (lane && QUICK_READS.has(channel as Channel)) return lane.invoke(channel, input, onProgress);
      return main.invoke(channel, input, onProgress);
    },
    onStop: (listener) => main.onStop(listener),
    async close() {
      closed = true;
      starting.abort();
      await lane?.close().catch(() => {});
      await main.close();
    },
  };
}
