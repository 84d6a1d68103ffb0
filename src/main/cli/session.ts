import { DbError } from '../db/errors';
import { type OpenOptions, openDatabase } from '../db/open';
import type { HandlerContext } from '../handlers';
import { appVersion } from '../host/app-root';
import { chromiumPrintPdf } from '../host/chromium-pdf';
import { CliError } from './args';

/** Open the database for one command and always close it. */
export async function withDb<T>(
  path: string,
  options: OpenOptions,
  run: (ctx: HandlerContext) => Promise<T>,
): Promise<T> {
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase(path, options);
  } catch (e) {
    if (e instanceof DbError) throw new CliError(e.message);
    throw e;
  }
  try {
    return await run({ opened, host: 'cli', version: appVersion(), printPdf: chromiumPrintPdf });
  } finally {
    await opened.close();
  }
}
