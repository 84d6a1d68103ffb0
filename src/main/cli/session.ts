import { existsSync } from 'node:fs';
import { DbError } from '../db/errors';
import { type OpenOptions, openDatabase } from '../db/open';
import { defaultUserName, setSessionUser } from '../db/session-user';
import type { HandlerContext } from '../handlers';
import { appVersion } from '../host/app-root';
import { chromiumPrintPdf } from '../host/chromium-pdf';
import { CliError, notOpenedAdvice } from './args';

/**
 * Open the database for one command and always close it. `mustExist`: a missing or empty file is refused
 * with an explanation (a mistyped --db creates nothing); `createFlag` names the option that would create it.
 */
export async function withDb<T>(
  path: string,
  options: OpenOptions & {
    createFlag?: string;
    /** A damaged file: may put a backup in place (resolves true), then the open is tried again. */
    onDamaged?: (message: string) => Promise<boolean>;
  },
  run: (ctx: HandlerContext) => Promise<T>,
): Promise<T> {
  const { createFlag, onDamaged, ...open } = options;
  if (existsSync(`${path}.restoring`))
    (await import('../services/backup/restore')).finishPendingRestore(path);
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase(path, open);
  } catch (e) {
    if (e instanceof DbError && e.code === 'damaged' && onDamaged && (await onDamaged(e.message))) {
      return withDb(path, { ...open, fullCheck: true }, run);
    }
    if (e instanceof DbError && (e.code === 'missing' || e.code === 'empty')) {
      throw new CliError(`${e.message}；${notOpenedAdvice(path, createFlag)}`);
    }
    if (e instanceof DbError && e.code === 'damaged') {
      throw new CliError(`${e.message}（funddesk restore --db 数据库 --from 备份文件）`);
    }
    if (e instanceof DbError) throw new CliError(e.message);
    throw e;
  }
  try {
    setSessionUser(opened, defaultUserName());
    return await run({ opened, host: 'cli', version: appVersion(), printPdf: chromiumPrintPdf });
  } finally {
    await opened.close();
  }
}
