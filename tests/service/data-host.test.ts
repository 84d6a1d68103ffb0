import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import { type DataHost, HostOpenError } from '../../src/main/host/data-host/client';
import { startWorkerHost } from '../../src/main/host/data-host/worker';
import { createClient } from '../../src/shared/contract/client';
import { ApiError } from '../../src/shared/contract/define';
import { cashFlowCsv } from '../helpers/cash-flow-file';

/**
 * The data host as the desktop app and the preview run it: the real module in a worker thread, on a real
 * SQLite file, called through its message channel.
 */

const ROWS = 40_000;

let dir: string;
let dbPath: string;
let host: DataHost;

const importInput = (seed: number) => ({
  ledger: 'cash_flow',
  fileName: `现金流-${seed}.csv`,
  bytes: Buffer.from(cashFlowCsv(ROWS, seed)).toString('base64'),
  duplicates: 'refuse',
  remember: false,
});

/** Counts straight from the file, through a connection of this test (what is committed, nothing else). */
function committed() {
  const raw = new SqliteDatabase(dbPath, { readonly: true });
  try {
    const n = (sql: string) => raw.prepare(sql).pluck().get() as number;
    return {
      cashFlows: n('SELECT count(*) FROM cash_flows'),
      audit: n('SELECT count(*) FROM audit_log'),
      lastFlow: n('SELECT max(id) FROM cash_flows'),
    };
  } finally {
    raw.close();
  }
}

async function ok<T = unknown>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const e = await p;
  if (!e.ok) throw new Error(JSON.stringify(e.error));
  return e.data as T;
}

/**
 * Starts an import and follows its progress as the window's bar does (the host posts it even while it
 * writes): `converted` resolves once every row is checked (the first pass reaches the total), `writing` once
 * the write has begun (the second pass, in parts of 2,000 rows inside the one transaction).
 */
function startImport(seed: number) {
  let passes = 0;
  let last = 0;
  let onConverting: () => void = () => {};
  let onWriting: () => void = () => {};
  const converting = new Promise<void>((r) => {
    onConverting = r;
  });
  const writing = new Promise<void>((r) => {
    onWriting = r;
  });
  const running = host.invoke('import.commit', importInput(seed), (p) => {
    if (p.done < last) passes++;
    last = p.done;
    if (passes === 0 && p.done > 0 && p.done < p.total) onConverting();
    if (passes >= 1 && p.done > 0) onWriting();
  });
  return { running, converting, writing };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-host-'));
  dbPath = join(dir, 'funddesk.sqlite');
  const o = await openDatabase(dbPath);
  await loadDemo(o.db, { replace: false });
  await o.close();
  host = await startWorkerHost({ dbPath, host: 'test', version: 'test' });
}, 60_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the data host (worker thread)', () => {
  it('answers a page of grid rows and the overview while a 40,000-row import commits, never half of it', async () => {
    const before = committed();
    let importDone = false;
    const started = startImport(1);
    const running = started.running.then((e) => {
      importDone = true;
      return e;
    });
    await started.writing;
    const page = await ok<{ rows: unknown[] }>(
      host.invoke('ledger.table', { entity: 'investment', where: {}, limit: 100 }),
    );
    const flows = await ok<{ rows: unknown[] }>(
      host.invoke('ledger.table', { entity: 'cash_flow', where: {}, limit: 100_000 }),
    );
    const overview = await ok<{ subFunds: { count: number } }>(host.invoke('overview.get', {}));
    expect(importDone).toBe(false);
    expect(page.rows).toHaveLength(100);
    expect(overview.subFunds.count).toBeGreaterThan(0);
    // The reader sees the last committed state: none of the rows being written.
    expect(flows.rows).toHaveLength(before.cashFlows);

    const result = await ok<{ created: number }>(running);
    expect(result.created).toBe(ROWS);
    expect(committed().cashFlows).toBe(before.cashFlows + ROWS);
    const after = await ok<{ rows: unknown[] }>(
      host.invoke('ledger.table', { entity: 'cash_flow', where: {}, limit: 100_000 }),
    );
    expect(after.rows).toHaveLength(before.cashFlows + ROWS);
  }, 180_000);

  it('a cancelled import says so in Chinese and leaves the database exactly as before', async () => {
    const before = committed();
    // Cancelled while its rows are checked: it stops before the write (the write itself is one synchronous
    // transaction, import/commit.ts).
    const { running, converting } = startImport(1_000_000);
    await converting;
    const c = await ok<{ cancelled: number }>(host.invoke('task.cancel', { channel: 'import.commit' }));
    expect(c.cancelled).toBe(1);
    const e = await running;
    expect(e.ok).toBe(false);
    expect(!e.ok && e.error.code).toBe('cancelled');
    expect(!e.ok && e.error.message).toBe('已取消导入，数据库没有改动');
    expect(committed()).toEqual(before);
    // Nothing is left running: a second cancel finds nothing to cancel.
    expect((await ok<{ cancelled: number }>(host.invoke('task.cancel', {}))).cancelled).toBe(0);
  }, 180_000);

  it('a write that waits for a running import is done after it, never refused as busy', async () => {
    const { running, writing } = startImport(2_000_000);
    await writing;
    const api = createClient((c, i) => host.invoke(c, i));
    const created = await api('ledger.create', {
      entity: 'institution',
      values: { name: '导入期间新增的投资机构', kind: 'vc' },
    });
    expect(created.name).toBe('导入期间新增的投资机构');
    expect((await running).ok).toBe(true);
  }, 180_000);

  it('errors cross the boundary as ApiErrors with Chinese messages', async () => {
    const api = createClient((c, i) => host.invoke(c, i));
    const bad = await api('ledger.create', { entity: 'institution', values: { kind: 'vc' } }).catch((e) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad.message).toContain('机构名称');
    const unknown = await host.invoke('no.such.channel', {});
    expect(!unknown.ok && unknown.error.message).toContain('未知的调用');
    const missing = await api('ledger.get', { entity: 'fund', id: 999_999 }).catch((e) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a file that is not a FundDesk database is refused in Chinese, untouched', async () => {
    const foreign = join(dir, 'notes.sqlite');
    const content = 'these are not the ledgers you are looking for'.repeat(100);
    writeFileSync(foreign, content);
    const e = await startWorkerHost({ dbPath: foreign, host: 'test', version: 'test' }).catch((x) => x);
    expect(e).toBeInstanceOf(HostOpenError);
    expect(e.message).toContain('不是 SQLite 数据库文件');
    expect(readFileSync(foreign, 'utf8')).toBe(content);
  }, 60_000);
});
