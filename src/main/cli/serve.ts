import { join } from 'node:path';
import { appRoot, appVersion } from '../host/app-root';
import { createChromiumPdfPrinter } from '../host/chromium-pdf';
import { defaultDataDir } from '../host/data-dir';
import { type DataHost, HostOpenError } from '../host/data-host/client';
import { startWorkerHost } from '../host/data-host/worker';
import { resolveDbPath } from '../host/db-path';
import { startPreviewServer } from '../host/preview-server';
import { connectionDir, readSavedConnection } from '../host/saved-connection';
import { finishPendingRestore } from '../services/backup/restore';
import { CliError, notOpenedAdvice, parse, portArg } from './args';
import type { Command } from './commands-core';
import { serveRecoveryPage } from './serve-recovery';

export const serveCommand: Command = {
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
      readSavedConnection(connectionDir()),
    );
    let port = portArg(values.port);
    const pdf = createChromiumPdfPrinter();
    // A missing file at the default place is the first start; a named one is created only with --create.
    const create = values.create === true || (typeof values.db !== 'string' && !process.env.FUNDDESK_DB);
    finishPendingRestore(dbPath);
    // The database is the data host's, in a worker thread (as in the desktop app's utility process); it also
    // takes the automatic backups (on start, every few minutes while data changes, on quit). The URL is
    // printed once it has opened the database: a refused file stops serve with its Chinese message.
    let host: DataHost | null = null;
    for (let attempt = 0, fullCheck = false; !host; attempt++) {
      try {
        host = await startWorkerHost(
          { dbPath, host: 'browser', version: appVersion(), backups: true, mustExist: !create, fullCheck },
          { printPdf: pdf.printPdf, onLog: (m) => io.err(`${m}\n`) },
        );
      } catch (e) {
        // A damaged database: the preview's error screen offers the backups that verify (serve-recovery.ts);
        // once one is in place the host opens it again, with the full check.
        if (e instanceof HostOpenError && e.code === 'damaged' && attempt < 3) {
          const r = await serveRecoveryPage(dbPath, e.message, port, (url) =>
            io.out(`FundDesk 数据库已损坏，请在浏览器中打开恢复页面：${url}\n`),
          );
          port = r.port;
          if (r.restored) {
            fullCheck = true;
            continue;
          }
        }
        await pdf.close();
        if (e instanceof HostOpenError && (e.code === 'missing' || e.code === 'empty')) {
          throw new CliError(`${e.message}；${notOpenedAdvice(dbPath, '--create')}`);
        }
        if (e instanceof HostOpenError && e.code === 'damaged') {
          throw new CliError(`${e.message}（funddesk restore --db 数据库 --from 备份文件）`);
        }
        throw e instanceof HostOpenError ? new CliError(e.message) : e;
      }
    }
    const opened = host;
    try {
      const s = await startPreviewServer((channel, input) => opened.invoke(channel, input), {
        rendererDir: join(appRoot(), 'out', 'renderer'),
        port,
      }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
          throw new CliError(
            `端口 ${port} ${e.code === 'EADDRINUSE' ? '已被占用' : '无权使用'}：请用 --port 换一个端口，或不写 --port 由系统选择空闲端口`,
          );
        }
        throw e;
      });
      io.out(`FundDesk 浏览器预览已启动：${s.url}\n数据库：${dbPath}\n按 Ctrl+C 退出。\n`);
      await new Promise<void>((ok) => {
        const stop = () => ok();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await s.close();
    } finally {
      await opened.close();
      await pdf.close();
    }
    return 0;
  },
};
