/**
 * better-sqlite3 opens "file:" URIs only when SQLITE_USE_URI=1 is set before its native addon loads (the addon
 * reads it once, when the first connection is made). FundDesk needs URIs for one thing: a read-only database is
 * opened with `immutable=1`, so SQLite writes nothing beside it (no -wal, no -shm). Imported first by every
 * module that makes a connection.
 */
import { existsSync, statSync } from 'node:fs';

process.env.SQLITE_USE_URI = '1';

/** The URI that opens `path` read-only; `immutable` when no other writer can exist (no -wal with content). */
export function readOnlyUri(path: string, immutable: boolean): string {
  const p = path.replace(/\\/g, '/');
  const encoded = encodeURI(p.startsWith('/') ? p : `/${p}`)
    .replace(/\?/g, '%3f')
    .replace(/#/g, '%23');
  return `file:${encoded}?mode=ro${immutable ? '&immutable=1' : ''}`;
}

/** The read-only URI for `path`: immutable unless a -wal with committed data lies beside it. */
export function readOnlySource(path: string): string {
  const walSize = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
  return readOnlyUri(path, walSize === 0);
}
