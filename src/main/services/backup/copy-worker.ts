import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { sqliteModule, threadFile } from '../../db/sqlite-threads';

/**
 * Runs sqlite-thread.cjs (a real module: plain CommonJS, run as it is by Node, the tests and Electron) in a
 * worker thread: the page copy of a backup, or a quick_check, while the main thread goes on with other work (an
 * import reads and checks its file while its safety copy is made; the app answers while the file it opened is
 * quick-checked). Any failure to start it is reported to the caller, which then does the work itself.
 */

const THREAD_FILE = threadFile('sqlite-thread.cjs', import.meta.url);

export interface WorkerCopy {
  /** quick_check's findings (empty when sound). */
  problems: string[];
}

function runThread(data: Record<string, unknown>): Promise<WorkerCopy> {
  const sqlite = sqliteModule();
  if (!sqlite) return Promise.reject(new Error('better-sqlite3 not found for the worker'));
  if (!existsSync(THREAD_FILE)) return Promise.reject(new Error(`${THREAD_FILE} is missing`));
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(THREAD_FILE, {
        workerData: { ...sqlite, ...data },
      });
    } catch (e) {
      reject(e);
      return;
    }
    let settled = false;
    worker.once(
      'message',
      (m: { ok: true; problems: string[] } | { ok: false; code?: string; message: string }) => {
        settled = true;
        if (m.ok) resolve({ problems: m.problems });
        else reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}));
      },
    );
    worker.once('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup worker exited with code ${code}`));
    });
  });
}

/**
 * Copies `source` into `target` in a worker thread, every page inside one read transaction (complete under
 * concurrent writers); rejects if the worker cannot run or the copy fails.
 */
export function copyInWorker(source: string, target: string, stepPages: number): Promise<WorkerCopy> {
  return runThread({ job: 'copy', source, target, step: stepPages });
}

/** quick_check of a database file (a URI for a read-only one) in a worker thread. */
export function quickCheckInWorker(source: string): Promise<WorkerCopy> {
  return runThread({ job: 'check', source });
}
