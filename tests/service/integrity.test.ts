import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbError } from '../../src/main/db/errors';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import { createBackup } from '../../src/main/services/backup/backup';
import { restoreFile } from '../../src/main/services/backup/restore';
import { countRows, snapshot } from '../fixtures/import/helpers';

/**
 * Integrity: a damaged or foreign file is refused and never modified; a process killed in the middle
 * of an import or an edit leaves the database exactly as it was; a damaged database can be replaced by
 * a verified backup, the damaged file kept aside untouched.
 */

const root = join(import.meta.dirname, '..', '..');
const CLI = join(root, 'bin', 'funddesk.js');
let dir: string;
let dbPath: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-integrity-'));
  dbPath = join(dir, 'funddesk.sqlite');
  const o = await openDatabase(dbPath);
  await loadDemo(o.db, { replace: false });
  await o.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: dir });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Starts a process and SIGKILLs it as soon as its output matches `when`. */
function killWhen(args: string[], when: RegExp): Promise<{ signal: NodeJS.Signals | null; seen: string }> {
  return new Promise((resolve, reject) => {
    const p: ChildProcess = spawn(process.execPath, args, { cwd: root });
    let seen = '';
    let killed = false;
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`never reached ${when}: ${seen}`));
    }, 120_000);
    const watch = (d: Buffer) => {
      seen += d;
      if (!killed && when.test(seen)) {
        killed = true;
        p.kill('SIGKILL');
      }
    };
    p.stdout!.on('data', watch);
    p.stderr!.on('data', watch);
    p.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, seen });
    });
  });
}

/** Scrambles the root pages of two ledgers (sqlite_master and the header stay readable). */
function corrupt(path: string) {
  const d = new Database(path, { readonly: true });
  const pageSize = d.pragma('page_size', { simple: true }) as number;
  const roots = (
    d.prepare(`SELECT rootpage FROM sqlite_master WHERE name IN ('enterprises', 'valuations')`).all() as {
      rootpage: number;
    }[]
  ).map((r) => r.rootpage);
  d.close();
  const b = readFileSync(path);
  for (const root of roots) {
    const start = (root - 1) * pageSize;
    for (let i = start + 8; i < start + 400; i++) b[i] = (b[i]! * 31 + 7) & 0xff;
  }
  writeFileSync(path, b);
}

describe('a damaged or foreign file is refused and never modified', () => {
  it('a damaged FundDesk database', { timeout: 180_000 }, async () => {
    corrupt(dbPath);
    const before = sha(dbPath);
    const err = await openDatabase(dbPath).catch((e) => e);
    expect(err).toBeInstanceOf(DbError);
    expect(err.code).toBe('damaged');
    expect(err.message).toMatch(/已损坏[\s\S]*文件未被改动，请从备份恢复/);
    const cli = await run(['import', 'institution', join(dir, 'x.csv'), '--db', dbPath]);
    expect(cli.code).not.toBe(0);
    writeFileSync(join(dir, 'x.csv'), '机构名称\n深圳市某创投有限公司\n');
    const cli2 = await run(['import', 'institution', join(dir, 'x.csv'), '--db', dbPath]);
    expect(cli2.code).toBe(1);
    expect(cli2.err).toMatch(/已损坏/);
    const cli3 = await run(['backup', '--db', dbPath]);
    expect(cli3.code).toBe(1);
    expect(sha(dbPath)).toBe(before);
  });

  it('a foreign SQLite database and a file that is not a database', { timeout: 180_000 }, async () => {
    const foreign = join(dir, 'other.sqlite');
    const d = new Database(foreign);
    d.exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x')",
    );
    d.close();
    const h = sha(foreign);
    await expect(openDatabase(foreign)).rejects.toThrow(/不是 FundDesk 数据库；文件未被改动/);
    const r = await run(['restore', '--db', foreign, '--from', dbPath]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/不是 FundDesk 数据库/);
    expect(sha(foreign)).toBe(h);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, '这不是数据库'.repeat(1000));
    const ht = sha(text);
    await expect(openDatabase(text)).rejects.toThrow(
      /已损坏，或不是 SQLite 数据库文件（文件头不是 SQLite 数据库的文件头）；文件未被改动/,
    );
    expect(sha(text)).toBe(ht);
  });
});

describe('a crash in the middle of an operation leaves the database as it was', () => {
  it('SIGKILL in the middle of a large import (CLI)', { timeout: 180_000 }, async () => {
    const o = await openDatabase(dbPath);
    const fund = await o.db.selectFrom('funds').select('name').orderBy('id').executeTakeFirstOrThrow();
    const before = await snapshot(o.db);
    const counts = await countRows(o.db);
    await o.close();
    const lines = ['基金,日期,类型,金额（元）,备注'];
    for (let i = 0; i < 60_000; i++) {
      const day = new Date(Date.UTC(2000, 0, 1) + (i % 9000) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${fund.name},${day},实缴出资,${i + 1}.25,批量导入第${i}行`);
    }
    const file = join(dir, 'big.csv');
    writeFileSync(file, lines.join('\n'));
    const r = await killWhen(
      [CLI, 'import', 'cash_flow', file, '--db', dbPath, '--no-backup'],
      /正在写入… [1-9]\d*\/60000/,
    );
    expect(r.seen).not.toMatch(/已导入/);
    expect(r.signal, r.seen.slice(-2000)).toBe('SIGKILL');
    // uncommitted pages may sit in the WAL; opening runs the integrity checks and ignores them
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    const after = await openDatabase(dbPath);
    expect(await countRows(after.db)).toEqual(counts);
    expect(await snapshot(after.db)).toEqual(before);
    expect(after.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await after.close();
  });

  it('SIGKILL in the middle of an edit transaction', { timeout: 120_000 }, async () => {
    const o = await openDatabase(dbPath);
    const before = await snapshot(o.db);
    await o.close();
    const script = join(root, 'tests', 'fixtures', 'import', 'hang-in-transaction.ts');
    const r = await killWhen(['--import', 'tsx', script, dbPath], /IN_TRANSACTION/);
    expect(r.signal).toBe('SIGKILL');
    expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(1024 * 1024); // spilled, uncommitted
    const after = await openDatabase(dbPath);
    expect(await snapshot(after.db)).toEqual(before);
    await after.close();
  });
});

describe('restoring a database that cannot be opened', () => {
  it('the damaged file is kept aside untouched and the verified backup takes its place', async () => {
    const o = await openDatabase(dbPath);
    const before = await snapshot(o.db);
    const b = await createBackup(o, { reason: 'manual' });
    await o.close();
    corrupt(dbPath);
    const damaged = sha(dbPath);
    await expect(openDatabase(dbPath)).rejects.toThrow(/已损坏/);
    const { asidePath } = await restoreFile(dbPath, b.path);
    expect(sha(asidePath!)).toBe(damaged);
    const again = await openDatabase(dbPath);
    expect(await snapshot(again.db)).toEqual(before);
    await again.close();
  });

  it('funddesk restore on a damaged database, and a restore/backup round trip on a sound one', {
    timeout: 300_000,
  }, async () => {
    const backupFile = join(dir, 'mine.sqlite');
    const b = await run(['backup', '--db', dbPath, '--out', backupFile]);
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/已备份并校验通过/);
    expect((await run(['backup', '--db', dbPath, '--out', backupFile])).err).toMatch(/已存在/);
    const o = await openDatabase(dbPath);
    const before = await snapshot(o.db);
    await o.db.deleteFrom('financing_deals').execute();
    await o.close();
    const r = await run(['restore', '--db', dbPath, '--from', backupFile]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/恢复前已备份当前数据 → .*before-restore\.sqlite/);
    const mid = await openDatabase(dbPath);
    expect(await snapshot(mid.db)).toEqual(before);
    await mid.close();
    corrupt(dbPath);
    const r2 = await run(['restore', '--db', dbPath, '--from', backupFile]);
    expect(r2.code).toBe(0);
    expect(r2.out).toMatch(/数据库已损坏，原文件已另存为 .*damaged-/);
    const after = await openDatabase(dbPath);
    expect(await snapshot(after.db)).toEqual(before);
    await after.close();
    // a backup that is itself damaged is refused before anything changes
    const bad = join(dir, 'bad.sqlite');
    copyFileSync(backupFile, bad);
    corrupt(bad);
    const h = sha(dbPath);
    const r3 = await run(['restore', '--db', dbPath, '--from', bad]);
    expect(r3.code).toBe(1);
    expect(r3.err).toMatch(/备份文件“bad\.sqlite”不能用于恢复/);
    expect(sha(dbPath)).toBe(h);
  });
});
