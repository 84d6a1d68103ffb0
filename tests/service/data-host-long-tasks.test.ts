import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import type { DataHost } from '../../src/main/host/data-host/client';
import { startWorkerHost } from '../../src/main/host/data-host/worker';
import { cashFlowCsv } from '../helpers/cash-flow-file';

/**
 * Other calls answer while a backup or a restore runs in the data host (issue #12): a page of 投资 rows, the
 * overview and the audit log are asked after the long task started and answered before it ended, from the
 * reader lane (data-host/readers.ts), on a real file of the demo plus 40,000 cash flows.
 */

let dir: string;
let host: DataHost;

async function ok<T = unknown>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const e = await p;
  if (!e.ok) throw new Error(JSON.stringify(e.error));
  return e.data as T;
}

/** Starts a long call and asks the quick reads meanwhile; returns whether each answered before it ended. */
async function readsDuring(channel: string, input: unknown) {
  let ended = false;
  const running = host.invoke(channel, input).finally(() => {
    ended = true;
  });
  const page = await ok<{ rows: unknown[] }>(
    host.invoke('ledger.table', { entity: 'investment', where: {}, limit: 100 }),
  );
  const pageBeforeEnd = !ended;
  const overview = await ok<{ subFunds: { count: number } }>(host.invoke('overview.get', {}));
  const audit = await ok<{ total: number }>(host.invoke('audit.list', {}));
  const allBeforeEnd = !ended;
  return { running, page, overview, audit, pageBeforeEnd, allBeforeEnd };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-long-'));
  const dbPath = join(dir, 'funddesk.sqlite');
  const o = await openDatabase(dbPath);
  await loadDemo(o.db, { replace: false });
  await o.close();
  host = await startWorkerHost({ dbPath, host: 'test', version: 'test' });
  await ok(
    host.invoke('import.commit', {
      ledger: 'cash_flow',
      fileName: '现金流.csv',
      bytes: Buffer.from(cashFlowCsv(40_000, 8_000_000)).toString('base64'),
      duplicates: 'refuse',
      remember: false,
    }),
  );
}, 180_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('while a long task runs in the data host', () => {
  let backupFile = '';

  it('a backup: a grid page, the overview and the audit log answer before it ends', async () => {
    const r = await readsDuring('backup.now', {});
    expect(r.page.rows).toHaveLength(100);
    expect(r.overview.subFunds.count).toBeGreaterThan(0);
    expect(r.audit.total).toBeGreaterThanOrEqual(40_000);
    expect(r.pageBeforeEnd).toBe(true);
    expect(r.allBeforeEnd).toBe(true);
    backupFile = (await ok<{ file: string }>(r.running)).file;
    expect(backupFile).toMatch(/\.sqlite$/);
  }, 120_000);

  it('a restore: the same calls answer before it ends, then show the restored data', async () => {
    const created = await ok<{ id: number }>(
      host.invoke('ledger.create', { entity: 'institution', values: { name: '备份之后的机构', kind: 'vc' } }),
    );
    const r = await readsDuring('backup.restore', { file: backupFile });
    expect(r.page.rows).toHaveLength(100);
    expect(r.pageBeforeEnd).toBe(true);
    expect(r.allBeforeEnd).toBe(true);
    await ok(r.running);
    const gone = await host.invoke('ledger.get', { entity: 'institution', id: created.id });
    expect(gone.ok).toBe(false);
  }, 120_000);
});
