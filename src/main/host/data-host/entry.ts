import { parentPort } from 'node:worker_threads';
import { runDataHost } from './host';
import type { FromHost, Port, ToHost } from './protocol';

/**
 * The data host's process entry. In the desktop app Electron's main process starts it with
 * utilityProcess.fork (its channel is process.parentPort); under plain Node it runs in a worker thread
 * (worker_threads' parentPort). Built, it is out/main/data-host.js; from the sources it runs through tsx.
 */
interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;

function portOf(): Port<ToHost, FromHost> {
  if (parentPort) {
    const p = parentPort;
    return {
      post: (m) => p.postMessage(m),
      onMessage: (fn) => p.on('message', (m: ToHost) => fn(m)),
    };
  }
  if (electronPort) {
    return {
      post: (m) => electronPort.postMessage(m),
      onMessage: (fn) => electronPort.on('message', (e) => fn(e.data as ToHost)),
    };
  }
  throw new Error('数据服务只能由 FundDesk 启动（Electron 工具进程或工作线程）');
}

const port = portOf();
runDataHost(port, () => {
  if (parentPort) parentPort.close();
  else process.exit(0);
});
