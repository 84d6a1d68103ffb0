import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { connectDataHost, type HostChannel } from '../../src/main/host/data-host/client';
import { withReaderLane } from '../../src/main/host/data-host/lane';
import { startWorkerHost } from '../../src/main/host/data-host/worker';

/**
 * Quitting while the reader lane is still starting (#17: `funddesk serve` took 6–15 s to exit after SIGTERM
 * under load, its process kept alive by the lane's thread, which was still loading the data host and would
 * open the file only to close it again). The lane is stopped instead of waited for. A thread that never
 * answers stands for a lane still loading: a real worker thread, so "stopped" means its thread really ended.
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-quit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A real worker thread that receives the open request and never answers it (a host still loading). */
function stuckHost() {
  const worker = new Worker("require('node:worker_threads').parentPort.on('message', () => {});", {
    eval: true,
  });
  const exited = once(worker, 'exit');
  const ch: HostChannel = {
    post: (m) => worker.postMessage(m),
    onMessage: (fn) => worker.on('message', fn),
    onExit: (fn) => worker.once('exit', (code) => fn(`工作线程退出，代码 ${code}`)),
    terminate: async () => {
      await worker.terminate();
    },
  };
  return { ch, exited };
}

it('a host aborted before it opened is stopped, and its start fails with a Chinese message', async () => {
  const { ch, exited } = stuckHost();
  const stop = new AbortController();
  const started = connectDataHost(
    ch,
    { kind: 'open', dbPath: join(dir, 'x.db'), host: 'test', version: 't' },
    { signal: stop.signal },
  );
  stop.abort();
  await expect(started).rejects.toThrow('数据服务已关闭');
  // The thread ended (a host left running would keep the process alive: this await would never return and
  // the test fails on its timeout).
  await exited;
});

it('closing the data host while its reader lane is still starting stops the lane, without a warning', async () => {
  const dbPath = join(dir, 'funddesk.db');
  (await openDatabase(dbPath)).close();
  const main = await startWorkerHost({ dbPath, host: 'test', version: 't', readOnly: true });
  const lane = stuckHost();
  const logs: string[] = [];
  const host = withReaderLane(
    main,
    (signal) =>
      connectDataHost(
        lane.ch,
        { kind: 'open', dbPath, host: 'test', version: 't', readOnly: true },
        { signal },
      ),
    (m) => logs.push(m),
  );
  // Answered by the data host itself meanwhile.
  expect((await host.invoke('ledger.list', { entity: 'fund' })).ok).toBe(true);
  await host.close();
  expect(await host.laneReady).toBe(false);
  await lane.exited; // the lane's thread was stopped, not left to load (or the test fails on its timeout)
  expect(logs).toEqual([]);
});
