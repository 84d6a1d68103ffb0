import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChromiumPdfPrinter } from '../host/chromium-pdf';
import { defaultDataDir } from '../host/data-dir';
import { resolveDbPath } from '../host/db-path';
import { startPreviewServer } from '../host/preview-server';
import { BackupScheduler } from '../services/backup/scheduler';
import { CliError, parse, portArg } from './args';
import type { Command } from './commands-core';
import { withDb } from './session';

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
    const port = portArg(values.port);
    await withDb(dbPath, {}, async (ctx) => {
      const pdf = createChromiumPdfPrinter();
      const s = await startPreviewServer(
        { ...ctx, host: 'browser', printPdf: pdf.printPdf },
        { rendererDir: join(appRoot, 'out', 'renderer'), port },
      ).catch(async (e: NodeJS.ErrnoException) => {
        await pdf.close();
        if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
          throw new CliError(
            `端口 ${port} ${e.code === 'EADDRINUSE' ? '已被占用' : '无权使用'}：请用 --port 换一个端口，或不写 --port 由系统选择空闲端口`,
          );
        }
        throw e;
      });
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
