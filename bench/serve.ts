/**
 * The browser preview for the grid rows, in its own process (as Electron's main process is): the real
 * preview server and data host (a worker thread, as `funddesk serve` runs it) on a database (a SQLite file or
 * a postgres:// URL, as the pg suite's grid rows use it), serving a given renderer build. Prints one JSON
 * line { url } when it listens; stops on SIGTERM.
 *
 *   node --import tsx bench/serve.ts DB_FILE_OR_POSTGRES_URL RENDERER_DIR
 */
import { startWorkerHost } from '../src/main/host/data-host/worker';
import { startPreviewServer } from '../src/main/host/preview-server';

const [dbPath, rendererDir] = process.argv.slice(2);
if (!dbPath || !rendererDir) {
  process.stderr.write('usage: bench/serve.ts DB_FILE|postgres://… RENDERER_DIR\n');
  process.exit(2);
}
const host = await startWorkerHost({
  dbPath,
  host: 'browser',
  version: 'bench',
  mustExist: true,
  skipIntegrityCheck: true,
});
const server = await startPreviewServer((channel, input) => host.invoke(channel, input), { rendererDir });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
await new Promise<void>((ok) => {
  process.once('SIGTERM', ok);
  process.once('SIGINT', ok);
});
await server.close();
await host.close();
