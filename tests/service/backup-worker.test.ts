import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo/index';
import { verifyDatabaseFile } from '../../src/main/services/backup/backup';
import { copyInWorker } from '../../src/main/services/backup/copy-worker';
import { listRows } from '../../src/main/services/ledger/service';
import { tempDb, testClient } from '../helpers/temp-db';

/**
 * The safety copy before an import that was not previewed is made in a worker thread while the file is
 * checked: the copy is the database as it was, sound, and an import refused after it leaves no copy behind.
 */

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
});
afterEach(() => t.cleanup());

const count = (file: string, table: string) => {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backup copy in a worker thread', () => {
  it('copies the open database page for page, switches it to a rollback journal and quick-checks it', async () => {
    const target = join(t.dir, 'copy.sqlite');
    const r = await copyInWorker(t.path, target, 64);
    expect(r.problems).toEqual([]);
    expect(count(target, 'cash_flows')).toBe(count(t.path, 'cash_flows'));
    expect(count(target, 'cash_flows')).toBeGreaterThan(100);
    const db = new SqliteDatabase(target, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(verifyDatabaseFile(target)).toMatchObject({ ok: true });
  });

  it('rejects when the copy cannot be made (the caller then copies in its own thread)', async () => {
    await expect(copyInWorker(t.path, join(t.dir, 'no-such-folder', 'x.sqlite'), 64)).rejects.toThrow();
  });

  it('an import not previewed: one verified before-import backup holding the data before the import', async () => {
    const api = testClient(t.opened);
    const fund = (await listRows(t.db, 'fund')).find((f) => f.kind === 'sub')!;
    const before = count(t.path, 'cash_flows');
    const csv = `基金,日期,类型,金额（万元）\r\n${fund.name},2025-03-01,实缴出资,100\r\n`;
    const r = await api('import.commit', {
      ledger: 'cash_flow',
      fileName: 'a.csv',
      bytes: Buffer.from(csv).toString('base64'),
      duplicates: 'refuse',
      remember: false,
    });
    expect(r.created).toBe(1);
    const backups = readdirSync(join(t.dir, 'backups')).filter((f) => f.endsWith('before-import.sqlite'));
    expect(backups).toEqual([r.backupFile]);
    const file = join(t.dir, 'backups', backups[0]!);
    expect(verifyDatabaseFile(file)).toMatchObject({ ok: true });
    expect(count(file, 'cash_flows')).toBe(before);
    expect(count(t.path, 'cash_flows')).toBe(before + 1);
  });

  it('an import refused for a bad row leaves no backup behind and writes nothing', async () => {
    const api = testClient(t.opened);
    const before = count(t.path, 'cash_flows');
    const csv = `基金,日期,类型,金额（万元）\r\n不存在的基金,2025-03-01,实缴出资,100\r\n`;
    await expect(
      api('import.commit', {
        ledger: 'cash_flow',
        fileName: 'a.csv',
        bytes: Buffer.from(csv).toString('base64'),
        duplicates: 'refuse',
        remember: false,
      }),
    ).rejects.toThrow(/全部未写入/);
    const left = (() => {
      try {
        return readdirSync(join(t.dir, 'backups'));
      } catch {
        return [];
      }
    })();
    expect(left.filter((f) => f.includes('before-import'))).toEqual([]);
    expect(count(t.path, 'cash_flows')).toBe(before);
  });
});
