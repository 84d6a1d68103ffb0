import { join } from 'node:path';
import { appRoot } from '../host/app-root';
import { createChromiumPdfPrinter } from '../host/chromium-pdf';
import { defaultDataDir } from '../host/data-dir';
import { resolveDbPath } from '../host/db-path';
import { startPreviewServer } from '../host/preview-server';
import { BackupScheduler } from '../services/backup/scheduler';
import { parse } from './args';
import type { Command } from './commands-core';
import { withDb } from './session';

export const serveCommand: Command = {
  run: async (argv, io) => {
    const { values } = parse(argv, { db: { type: 'string' }, port: { type: 'string' } });
    const dbPath = resolveDbPath(
      typeof values.db === 'string' ? ['--db', values.db] : [],
      process.env,
      defaultDataDir(),
    );
    const port = values.port ? Number(values.port) : 0;
    await withDb(dbPath, {}, async (ctx) => {
      const pdf = createChromiumPdfPrinter();
      const s = await startPreviewServer(
        { ...ctx, host: 'browser', printPdf: pdf.printPdf },
        { rendererDir: join(appRoot(), 'out', 'renderer'), port },
      );
      io.out(`FundDesk 浏览器预览已启动：${s.url}\n数据库：${dbPath}\n按 Ctrl+C 退出。\n`);
      // Automatic backups as in the desktop app: on start, every few minutes while data changes, on quit.
      const backups = new BackupScheduler(
        () => ctx.opened,
        (m) => io.err(`${m}\n`),
      );
      void backups.start();
      await new Promise<void>((ok) => {
        const stop = () => ok();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await s.close();
      await backups.quit();
      await pdf.close();
    });
    return 0;
  },
};
