import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChromiumPdfPrinter } from '../host/chromium-pdf';
import { defaultDataDir } from '../host/data-dir';
import { HostOpenError } from '../host/data-host/client';
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
    // takes the automatic backups (on start, every few minutes while data changes, on quit). The URL is
    // printed once it has opened the database: a refused file stops serve with its Chinese message.
    const host = await startWorkerHost(
      { dbPath, host: 'browser', version: VERSION, backups: true },
      { printPdf: pdf.printPdf, onLog: (m) => io.err(`${m}\n`) },
    ).catch(async (e: unknown) => {
      await pdf.close();
      throw e instanceof HostOpenError ? new CliError(e.message) : e;
    });
    try {
      const s = await startPreviewServer((channel, input) => host.invoke(channel, input), {
        rendererDir: join(appRoot, 'out', 'renderer'),
        port,
      });
      io.out(`FundDesk 浏览器预览已启动：${s.url}\n数据库：${dbPath}\n按 Ctrl+C 退出。\n`);
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
