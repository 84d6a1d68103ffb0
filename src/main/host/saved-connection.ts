import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPostgresUrl } from '../db/target';
import { defaultDataDir } from './data-dir';

/**
 * The server chosen in 连接服务器数据库 (#17), kept for this installation in connection.json of the data folder
 * (FUNDDESK_DATA_DIR, else Electron's userData): the next start opens it (resolveDbPath) unless --db or
 * FUNDDESK_DB name another. The URL is kept with its password, in plain text, readable by this user only
 * (mode 0600): the data host has no access to Electron's safeStorage, so the dialog and docs/TEAM.md say so
 * and recommend leaving the password empty and putting it in a .pgpass file instead.
 */
export const CONNECTION_FILE = 'connection.json';

export function connectionDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.FUNDDESK_DATA_DIR?.trim() || defaultDataDir();
}

/** The saved postgres:// URL, or null (none saved, or a file that is not one: then the local file opens). */
export function readSavedConnection(dir: string): string | null {
  try {
    const v = (JSON.parse(readFileSync(join(dir, CONNECTION_FILE), 'utf8')) as { url?: unknown }).url;
    return typeof v === 'string' && isPostgresUrl(v) ? v : null;
  } catch {
    return null;
  }
}

/** Saves the URL atomically: a whole new file renamed over the old one, never half a file. */
export function writeSavedConnection(dir: string, url: string): void {
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${CONNECTION_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify({ url }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, join(dir, CONNECTION_FILE));
}

export function clearSavedConnection(dir: string): void {
  rmSync(join(dir, CONNECTION_FILE), { force: true });
}
