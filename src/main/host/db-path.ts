import { isAbsolute, join, resolve } from 'node:path';
import { dbTarget } from '../db/target';

export const DB_FILE_NAME = 'funddesk.sqlite';

/**
 * The database path: `--db PATH`, then FUNDDESK_DB, then the server saved in 连接服务器数据库 (`saved`:
 * host/saved-connection.ts), then the default folder (Electron's userData). A postgres:// URL is returned as it
 * is; any other URL scheme throws DbTargetError (db/target.ts).
 */
export function resolveDbPath(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  defaultDir: string,
  saved: string | null = null,
): string {
  const i = argv.indexOf('--db');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--db='))?.slice(5);
  const chosen = fromArg ?? (env.FUNDDESK_DB || undefined) ?? saved ?? undefined;
  if (chosen && dbTarget(chosen).engine === 'postgres') return chosen;
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(chosen);
  return join(defaultDir, DB_FILE_NAME);
}
