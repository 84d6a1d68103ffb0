import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getNativeBinding } from '../services/backup/sqlite';

/**
 * What a SQLite worker thread (a plain CommonJS file: backup/sqlite-thread.cjs, reports/ledgers-thread.cjs)
 * needs to start. The file is found next to the module asking for it (the sources, as the tests and tsx run
 * them) or one folder up: the build puts shared code in out/main/chunks/ and the thread files in out/main/
 * (electron.vite.config.ts). Looking only next to it, the built app never found its backup thread and did
 * every backup copy and background check on the data host's own thread.
 */
export function threadFile(name: string, from: string): string {
  const here = fileURLToPath(new URL(`./${name}`, from));
  if (existsSync(here)) return here;
  const up = fileURLToPath(new URL(`../${name}`, from));
  return existsSync(up) ? up : here;
}

let modulePath: string | null | undefined;

/** better-sqlite3 as the thread requires it: the path this process resolved, and the Electron-ABI build it uses. */
export function sqliteModule(): { module: string; nativeBinding: string | undefined } | null {
  if (modulePath === undefined) {
    try {
      modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    } catch {
      modulePath = null;
    }
  }
  return modulePath ? { module: modulePath, nativeBinding: getNativeBinding() } : null;
}

const stoppers = new WeakMap<object, Set<() => Promise<void>>>();

/** Registers what stops a thread reading the file of connection `raw` (its own connection must not outlive it). */
export function stopWithConnection(raw: object, stop: () => Promise<void>): void {
  let s = stoppers.get(raw);
  if (!s) {
    s = new Set();
    stoppers.set(raw, s);
  }
  s.add(stop);
}

/** Stops the threads of connection `raw` (openDatabase's close, before the connection closes). */
export async function stopThreadsOf(raw: object): Promise<void> {
  const s = stoppers.get(raw);
  if (!s) return;
  stoppers.delete(raw);
  await Promise.all([...s].map((stop) => stop()));
}
