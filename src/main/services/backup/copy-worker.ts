import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { getNativeBinding } from './sqlite';

/**
 * The page copy of a backup (SQLite's online backup, from a read-only connection of its own), the switch of
 * the copy to a rollback journal and its quick_check, done in a worker thread: the main thread goes on with
 * other work meanwhile — an import reads and checks its file while the safety copy is made (bench/README.md).
 *
 * The worker is a few lines of plain JavaScript that require better-sqlite3 by its resolved path (the same
 * build the main thread uses, or the Electron-ABI build named by setNativeBinding), so it runs unchanged under
 * Node, the tests and Electron. Any failure to start it is reported to the caller, which then copies in the
 * main thread as before.
 */
const WORKER_JS = `
const { parentPort, workerData: w } = require('node:worker_threads');
const Database = require(w.module);
const opts = (o) => (w.nativeBinding ? Object.assign(o, { nativeBinding: w.nativeBinding }) : o);
(async () => {
  const src = new Database(w.source, opts({ readonly: true, fileMustExist: true }));
  try {
    await src.backup(w.target, { progress: () => w.step });
  } finally {
    src.close();
  }
  const dst = new Database(w.target, opts({ fileMustExist: true }));
  try {
    dst.pragma('journal_mode = DELETE');
    const problems = dst.pragma('quick_check').map((r) => r.quick_check).filter((x) => x !== 'ok');
    parentPort.postMessage({ ok: true, problems });
  } finally {
    dst.close();
  }
})().catch((e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e) }));
`;

let modulePath: string | null | undefined;
function betterSqlitePath(): string | null {
  if (modulePath === undefined) {
    try {
      modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    } catch {
      modulePath = null;
    }
  }
  return modulePath;
}

export interface WorkerCopy {
  /** quick_check's findings on the copy (empty when sound). */
  problems: string[];
}

/** Copies `source` into `target` in a worker thread; rejects if the worker cannot run or the copy fails. */
export function copyInWorker(source: string, target: string, stepPages: number): Promise<WorkerCopy> {
  const module = betterSqlitePath();
  if (!module) return Promise.reject(new Error('better-sqlite3 not found for the worker'));
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_JS, {
        eval: true,
        workerData: { module, nativeBinding: getNativeBinding(), source, target, step: stepPages },
      });
    } catch (e) {
      reject(e);
      return;
    }
    let settled = false;
    worker.once('message', (m: { ok: true; problems: string[] } | { ok: false; message: string }) => {
      settled = true;
      if (m.ok) resolve({ problems: m.problems });
      else reject(new Error(m.message));
    });
    worker.once('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup worker exited with code ${code}`));
    });
  });
}
