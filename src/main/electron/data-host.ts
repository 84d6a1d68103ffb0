import { utilityProcess } from 'electron';
import { connectDataHost, type DataHost, type HostChannel, type HostOptions } from '../host/data-host/client';
import { withReaderLane } from '../host/data-host/lane';
import { dataHostEntry } from '../host/data-host/locate';
import type { FromHost, OpenRequest } from '../host/data-host/protocol';
import { superviseDataHost } from '../host/data-host/supervisor';

/**
 * The desktop app's data host: the same module as under Node (src/main/host/data-host/), in an Electron
 * utility process, so that no SQLite call runs in the main process (windows, menus and dialogs stay
 * responsive during a 100x export or a 50,000-row import). Calls travel over the utility process's message
 * channel; the host asks main to print PDFs (electronPrintPdf). If the process dies, the supervisor (the
 * same one the Node tests exercise with a worker thread) fails the waiting calls in Chinese and forks a new
 * process on the next call; this file only forks and wires the channel.
 */
export async function startUtilityHost(
  open: Omit<OpenRequest, 'kind' | 'canPrint'>,
  opts: HostOptions = {},
): Promise<DataHost> {
  const main = await superviseDataHost((restart) =>
    forkHost(restart ? { ...open, mustExist: true } : open, opts),
  );
  // The reader lane: a second utility process, read-only, that main routes the quick reads to (lane.ts).
  const lane = { dbPath: main.dbPath, host: open.host, version: open.version, readOnly: true };
  return withReaderLane(
    main,
    (signal) => superviseDataHost(() => forkHost({ ...lane, nativeBinding: open.nativeBinding }, { signal })),
    opts.onLog,
  );
}

function forkHost(open: Omit<OpenRequest, 'kind' | 'canPrint'>, opts: HostOptions): Promise<DataHost> {
  const entry = dataHostEntry();
  const child = utilityProcess.fork(entry.file, [], {
    serviceName: 'FundDesk 数据服务',
    execArgv: entry.execArgv,
    stdio: 'inherit',
  });
  let ended = false;
  const ch: HostChannel = {
    post: (m) => child.postMessage(m),
    onMessage: (fn) => child.on('message', (m: FromHost) => fn(m)),
    onExit: (fn) =>
      child.once('exit', (code) => {
        if (!ended) fn(`数据服务进程退出，代码 ${code}`);
        ended = true;
      }),
    terminate: async () => {
      ended = true;
      child.kill();
    },
  };
  return connectDataHost(ch, { kind: 'open', ...open, canPrint: Boolean(opts.printPdf) }, opts);
}
