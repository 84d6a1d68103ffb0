import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import type { DataHost } from '../../src/main/host/data-host/client';
import { startWorkerHost } from '../../src/main/host/data-host/worker';
import { cashFlowCsv } from '../helpers/cash-flow-file';

/**
 * The data host's thread dies (stopped from outside, as a crash or a kill would): the parent notices, the
 * calls waiting fail with a Chinese message instead of hanging, nothing half-written stays in the file, and
 * the next call is answered by a new thread on the same file (supervisor.ts, which the desktop app's
 * utility process goes through too).
 */

let dir: string;
let dbPath: string;
let host: DataHost | null = null;
let workers: Worker[] = [];

function cashFlowCount(): number {
  const raw = new SqliteDatabase(dbPath, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM cash_flows').pluck().get() as number;
  } finally {
    raw.close();
  }
}

/** Stops the host's thread from outside and waits until it is gone. */
async function kill(w: Worker) {
  const exited = new Promise((ok) => w.once('exit', ok));
  await w.terminate();
  await exited;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-restart-'));
  dbPath = join(dir, 'funddesk.sqlite');
  const o = await openDatabase(dbPath);
  await loadDemo(o.db, { replace: false });
  await o.close();
  workers = [];
  host = await startWorkerHost(
    { dbPath, host: 'test', version: 'test' },
    { onWorker: (w) => workers.push(w) },
  );
}, 60_000);

afterEach(async () => {
  await host?.close();
  host = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('when the data host dies', () => {
  it('an import that was running fails in Chinese, the file keeps none of it, and the next call answers', async () => {
    const before = cashFlowCount();
    const h = host!;
    let progressed: () => void = () => {};
    const started = new Promise<void>((ok) => {
      progressed = ok;
    });
    const running = h.invoke(
      'import.commit',
      {
        ledger: 'cash_flow',
        fileName: '现金流.csv',
        bytes: Buffer.from(cashFlowCsv(30_000, 7_000_000)).toString('base64'),
        duplicates: 'refuse',
        remember: false,
      },
      (p) => {
        if (p.done > 0) progressed();
      },
    );
    await started;
    const stops: string[] = [];
    h.onStop((reason) => stops.push(reason));
    await kill(workers[0]!);

    const failed = await running;
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.message).toContain('数据服务意外停止');
    expect(!failed.ok && failed.error.message).toContain('这次操作未能完成');
    expect(stops).toHaveLength(1);
    expect(cashFlowCount()).toBe(before);

    // The next call is answered (by the reader lane or a new host thread, whichever is up).
    const overview = await h.invoke('overview.get', {});
    expect(overview.ok).toBe(true);
    expect(overview.ok && (overview.data as { subFunds: { count: number } }).subFunds.count).toBeGreaterThan(
      0,
    );

    // And it writes again, on a new host thread (a write always goes to the host, never to the reader lane).
    const created = await h.invoke('ledger.create', {
      entity: 'institution',
      values: { name: '重启后新增的投资机构', kind: 'vc' },
    });
    expect(created.ok).toBe(true);
    expect(workers).toHaveLength(2);
  }, 120_000);

  it('is started again after a second death too, and a call made meanwhile does not hang', async () => {
    const h = host!;
    // app.info and backup.list are answered by the host itself (quick reads such as overview.get may go to
    // the reader lane, whichever is up first), so each of them needs a live host thread.
    await kill(workers[0]!);
    expect((await h.invoke('app.info', {})).ok).toBe(true);
    await kill(workers[1]!);
    // Asked right after the death: answered by the third thread.
    const [a, b] = await Promise.all([h.invoke('app.info', {}), h.invoke('backup.list', {})]);
    expect(a.ok && b.ok).toBe(true);
    expect(workers).toHaveLength(3);
  }, 120_000);

  it('never creates an empty database in place of one that went away; says so in Chinese', async () => {
    const h = host!;
    await kill(workers[0]!);
    renameSync(dbPath, `${dbPath}.moved`);
    const r = await h.invoke('overview.get', {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('数据服务未能重新启动');
    expect(!r.ok && r.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(existsSync(dbPath)).toBe(false);
    // Once the file is back, the next call is answered again.
    renameSync(`${dbPath}.moved`, dbPath);
    expect((await h.invoke('overview.get', {})).ok).toBe(true);
  }, 120_000);
});
