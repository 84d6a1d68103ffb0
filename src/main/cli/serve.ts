import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChromiumPdfPrinter } from '../host/chromium-pdf';
import { defaultDataDir } from '../host/data-dir';
import { resolveDbPath } from '../host/db-path';
import { startPreviewServer } from '../host/preview-server';
import { checkInBackground } from '../services/backup/recover';
import { BackupScheduler } from '../services/backup/scheduler';
import { parse } from './args';
import type { Command } from './commands-core';
import { serveRecoveryPage } from './serve-recovery';
import { withDb } from './session';

const appRoot = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');

export const serveCommand: Command = {
  summary: 'serve [--db FILE] [--create] [--port N]  在浏览器中使用（仅本机 127.0.0.1；--create 新建数据库）',
  run: async (argv, io) => {
    const { values } = parse(argv, {
      db: { type: 'string' },
      port: { type: 'string' },
      create: { type: 'boolean' },
    });
    const dbPath = resolveDbPath(
      typeof values.db === 'string' ? ['--db', values.db] : [],
      process.env,
      defaultDataDir(),
    );
    let port = values.port ? Number(values.port) : 0;
    // A damaged database: the preview's error screen offers the backups that verify (serve-recovery.ts).
    const onDamaged = async (problem: string) => {
      const r = await serveRecoveryPage(dbPath, problem, port, (url) =>
        io.out(`FundDesk 数据库已损坏，请在浏览器中打开恢复页面：${url}\n`),
      );
      port = r.port;
      return r.restored;
    };
    // A missing file at the default place is the first start; a named one is created only with --create.
    const create = values.create === true || (typeof values.db !== 'string' && !process.env.FUNDDESK_DB);
    await withDb(dbPath, { mustExist: !create, createFlag: '--create', onDamaged }, async (ctx) => {
      const pdf = createChromiumPdfPrinter();
      const s = await startPreviewServer(
        { ...ctx, host: 'browser', printPdf: pdf.printPdf },
        { rendererDir: join(appRoot, 'out', 'renderer'), port },
      );
      io.out(`FundDesk 浏览器预览已启动：${s.url}\n数据库：${dbPath}\n按 Ctrl+C 退出。\n`);
      // Automatic backups as in the desktop app: on start, every few minutes while data changes, on quit.
      const backups = new BackupScheduler(
        () => ctx.opened,
        (m) => io.err(`${m}\n`),
      );
      void backups.start();
      // The check a clean open leaves for later (db/open.ts); damage found shows in the page (app.info).
      void checkInBackground(ctx.opened).then((damage) => {
        if (damage) io.err(`${damage}\n`);
      });
      if (ctx.opened.readOnly) io.out(`${ctx.opened.readOnly}：已以只读方式打开，不能编辑。\n`);
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
