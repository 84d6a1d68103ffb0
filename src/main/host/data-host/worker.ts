import { Worker } from 'node:worker_threads';
import { connectDataHost, type DataHost, type HostChannel, type HostOptions } from './client';
import { withReaderLane } from './lane';
import { dataHostEntry, workerSpec } from './locate';
import type { FromHost, OpenRequest } from './protocol';
import { superviseDataHost } from './supervisor';

/**
 * The data host under plain Node (the browser preview, tests, benchmarks): the same module the desktop app
 * runs in its utility process, here in a worker thread, with its reader lane in a second one (lane.ts).
 * Supervised (supervisor.ts): if a thread dies, the calls waiting fail with a Chinese message and the next
 * call starts a new thread.
 */
export async function startWorkerHost(
  open: Omit<OpenRequest, 'kind' | 'canPrint'>,
  opts: HostOptions & {
    /** Each thread started (tests stop one for real to check the restart). */
    onWorker?: (worker: Worker) => void;
  } = {},
): Promise<DataHost> {
  const main = await superviseDataHost((restart) =>
    startWorker(restart ? { ...open, mustExist: true } : open, opts, opts.onWorker),
  );
  if (open.readOnly) return main;
  const lane = { dbPath: main.dbPath, host: open.host, version: open.version, readOnly: true };
  return withReaderLane(
    main,
    (signal) =>
      superviseDataHost(() => startWorker({ ...lane, nativeBinding: open.nativeBinding }, { signal })),
    opts.onLog,
  );
}

function startWorker(
  open: Omit<OpenRequest, 'kind' | 'canPrint'>,
  opts: HostOptions,
  onWorker?: (worker: Worker) => void,
): Promise<DataHost> {
  const spec = workerSpec(dataHostEntry());
  const worker = new Worker(spec.code, { eval: spec.eval });
  onWorker?.(worker);
  let ended = false;
  const ch: HostChannel = {
    post: (m) => worker.postMessage(m),
    onMessage: (fn) => worker.on('message', (m: FromHost) => fn(m)),
    onExit: (fn) => {
      worker.once('error', (e) => {
        if (!ended) fn(e.message);
        ended = true;
      });
      worker.once('exit', (code) => {
        if (!ended) fn(`工作线程退出，代码 ${code}`);
        ended = true;
      });
    },
    terminate: async () => {
      ended = true;
      await worker.terminate();
    },
  };
  return connectDataHost(ch, { kind: 'open', ...open, canPrint: Boolean(opts.printPdf) }, opts);
}
