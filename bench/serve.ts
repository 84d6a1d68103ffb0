/**
 * The browser preview for the grid rows, in its own process (as Electron's main process is): the real
 * preview server and handlers on a database, serving a given renderer build. Prints one JSON line
 * { url } when it listens; stops on SIGTERM.
 *
 *   node --import tsx bench/serve.ts DB_FILE RENDERER_DIR
 */
import { openDatabase } from '../src/main/db/open';
import { startPreviewServer } from '../src/main/host/preview-server';

const [dbPath, rendererDir] = process.argv.slice(2);
if (!dbPath || !rendererDir) {
  process.stderr.write('usage: bench/serve.ts DB_FILE RENDERER_DIR\n');
  process.exit(2);
}
const opened = await openDatabase(dbPath, { mustExist: true, skipIntegrityCheck: true });
const server = await startPreviewServer({ opened, host: 'browser', version: 'bench' }, { rendererDir });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
await new Promise<void>((ok) => {
  process.once('SIGTERM', ok);
  process.once('SIGINT', ok);
});
await server.close();
await opened.close();
