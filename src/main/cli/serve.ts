import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChromiumPdfPrinter } from '../host/chromium-pdf';
import { defaultDataDir } from '../host/data-dir';
import { type DataHost, HostOpenError } from '../host/data-host/client';
import { startWorkerHost } from '../host/data-host/worker';
import { resolveDbPath } from '../host/db-path';
import { startPreviewServer } from '../host/preview-server';
import { CliError, parse } from './args';
import type { Command } from './commands-core';
import { VERSION } from './session';

const appRoot = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');

export const serveCommand: Command = {
  summary: 'serve [--db FILE] [--port N]            在浏览器中使用（仅本机 127.0.0.1）',
  run: async (argv, io) => {
    const { values } = parse(argv, { db: { type: 'string' }, port: { type: 'string' } });
    const dbPath = resolveDbPath(
      typeof values.db === 'string' ? ['--db', values.db] : [],
      process.env,
      defaultDataDir(),
    );
    const port = values.port ? Number(values.port) : 0;
    const pdf = createChromiumPdfPrinter();
    // The database is the data host's, in a worker thread (as in the desktop app's utility process); it also
    // takes the automatic backups (on start, every few minutes while data changes, on quit). The page is
    // served at once; API calls wait for the host while it opens the database.
    const starting = startWorkerHost(
      { dbPath, host: 'browser', version: VERSION, backups: true },
      { printPdf: pdf.printPdf, onLog: (m) => io.err(`${m}\n`) },
    );
    starting.catch(() => {});
    const s = await startPreviewServer(async (channel, input) => (await starting).invoke(channel, input), {
      rendererDir: join(appRoot, 'out', 'renderer'),
      port,
    });
    let host: DataHost;
    try {
      io.out(`FundDesk 浏览器预览已启动：${s.url}\n数据库：${dbPath}\n按 Ctrl+C 退出。\n`);
      host = await starting;
    } catch (e) {
      await s.close();
      await pdf.close();
      throw e instanceof HostOpenError ? new CliError(`${e.message}\n浏览器预览已停止。`) : e;
    }
    try {
      await new Promise<void>((ok) => {
        const stop = () => ok();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await s.close();
    } finally {
      await host.close();
      await pdf.close();
    }
    return 0;
  },
};
