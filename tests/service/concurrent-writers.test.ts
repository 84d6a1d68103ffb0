import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport } from '../../src/main/services/import/commit';
import { listTable } from '../../src/main/services/ledger/service';
import { tempDb, testClient } from '../helpers/temp-db';

/**
 * Issue #19 items 10–11 and issue #12's "no reader ever sees half an import": real second processes
 * (`funddesk import` through bin/funddesk.js) against the same SQLite file as this process's connection.
 */

const root = join(import.meta.dirname, '..', '..');
let t: Awaited<ReturnType<typeof tempDb>>;
let api: ReturnType<typeof testClient>;
let fundId: number;
beforeEach(async () => {
  t = await tempDb();
  api = testClient(t.opened);
  fundId = (
    await api('ledger.create', {
      entity: 'fund',
      values: { kind: 'sub', name: '测试基金', total_size_fen: 10_000_000_00, guidance_commitment_fen: 1_00 },
    })
  ).id;
});
afterEach(() => t.cleanup());

/** A CSV of `n` different cash flows of 测试基金. */
function flowsCsv(n: number): Buffer {
  const lines = ['基金,日期,类型,金额（元）'];
  for (let i = 0; i < n; i++) lines.push(`测试基金,2024-0${1 + (i % 9)}-15,实缴出资,${i + 1}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

const flowCount = () => t.opened.raw.prepare('SELECT count(*) FROM cash_flows').pluck().get() as number;

/** `funddesk import 现金流 FILE --db DB …` as a user runs it, with its output as it comes. */
function importCli(file: string, ...more: string[]) {
  const p: ChildProcess = spawn(
    process.execPath,
    [join(root, 'bin', 'funddesk.js'), 'import', '现金流', file, '--db', t.path, '--no-backup', ...more],
    { cwd: root },
  );
  const run = { out: '', err: '', code: null as number | null, exited: null as Promise<number> | null };
  p.stdout?.on('data', (d) => {
    run.out += d;
  });
  p.stderr?.on('data', (d) => {
    run.err += d;
  });
  run.exited = new Promise((resolve) =>
    p.on('close', (code) => {
      run.code = code ?? -1;
      resolve(run.code);
    }),
  );
  return run;
}

async function until(what: string, ok: () => boolean, ms = 90_000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`等待超时：${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('concurrent writers', () => {
  it('no reader sees part of an import: reads during it find all the rows or none', async () => {
    const n = 3000;
    const seen: number[] = [];
    let done = false;
    const importing = commitImport(t.opened, {
      ledger: 'cash_flow',
      fileName: 'flows.csv',
      bytes: flowsCsv(n),
      duplicates: 'refuse',
      remember: false,
    }).finally(() => {
      done = true;
    });
    // Grid pages and reports read the raw handle between the import's steps, as other calls do.
    while (!done) {
      seen.push(listTable(t.opened, 'cash_flow').rows.length);
      await new Promise((r) => setImmediate(r));
    }
    expect((await importing).created).toBe(n);
    seen.push(flowCount());
    expect(seen.length).toBeGreaterThan(5);
    expect([...new Set(seen)].filter((c) => c !== 0 && c !== n)).toEqual([]);
    expect(seen.at(-1)).toBe(n);
  });

  it('two imports of the same file at once: one lands, the other finds its rows stored', {
    timeout: 180_000,
  }, async () => {
    const n = 2000;
    const file = join(t.dir, '现金流.csv');
    writeFileSync(file, flowsCsv(n));
    // Hold the write lock until both processes have read and checked the whole file against the empty
    // ledger: the race of the issue (each checked before either wrote).
    const gate = new SqliteDatabase(t.path);
    gate.exec('BEGIN IMMEDIATE');
    const a = importCli(file);
    const b = importCli(file);
    const checked = `共 ${n} 行：可导入 ${n} 行，有错误 0 行，重复 0 行`;
    try {
      await until('两个导入都检查完文件', () => a.out.includes(checked) && b.out.includes(checked));
    } finally {
      gate.exec('ROLLBACK');
      gate.close();
    }
    const codes = [await a.exited, await b.exited];
    expect(codes.sort()).toEqual([0, 1]);
    const loser = a.code === 1 ? a : b;
    // The CLI skips duplicates, as the app does (issue #14.5): checked again inside the write lock, every row
    // of the loser is a duplicate, so nothing is left to write.
    expect(loser.err).toContain('没有可导入的行（全部为重复');
    expect(loser.err).toContain('未写入任何记录');
    expect(loser.err).not.toMatch(/database is locked|SQLITE_BUSY/);
    expect(flowCount()).toBe(n);
  });

  it('an edit made while a CLI import commits waits for it and succeeds', { timeout: 180_000 }, async () => {
    const n = 20_000;
    const file = join(t.dir, '现金流.csv');
    writeFileSync(file, flowsCsv(n));
    const cli = importCli(file);
    // The import says 正在写入 once it holds the write lock, just before its inserts.
    await until('命令行导入开始写入', () => cli.err.includes('正在写入'));
    const probe = new SqliteDatabase(t.path, { timeout: 0 });
    let probeErr: unknown = null;
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
    } catch (e) {
      probeErr = e;
    } finally {
      probe.close();
    }
    // The lock really was the other process's at this moment.
    expect((probeErr as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
    const edited = await api('ledger.update', {
      entity: 'fund',
      id: fundId,
      values: { notes: '导入时修改' },
    });
    expect(edited.notes).toBe('导入时修改');
    expect(await cli.exited).toBe(0);
    expect(cli.err).not.toMatch(/database is locked|SQLITE_BUSY/);
    expect(flowCount()).toBe(n);
    expect((await api('ledger.get', { entity: 'fund', id: fundId })).notes).toBe('导入时修改');
  });
});
