import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { APPLICATION_ID, openDatabase } from '../../src/main/db/open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tables = (path: string) => {
  const d = new Database(path, { readonly: true });
  const t = (
    d.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as { name: string }[]
  ).map((r) => r.name);
  d.close();
  return t;
};

describe('openDatabase', () => {
  it('creates every table of the data model from an empty folder, with the pragmas set', async () => {
    const path = join(dir, 'sub', 'funddesk.sqlite');
    const o = await openDatabase(path);
    expect(o.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(o.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(o.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(o.raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(o.preMigrationBackup).toBeNull();
    await o.close();
    expect(tables(path)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'cash_flows',
        'enterprises',
        'financing_deals',
        'funds',
        'institutions',
        'investments',
        'kysely_migration',
        'landed_projects',
        'managers',
        'meta',
        'valuations',
      ]),
    );
  });

  it('opens the same file twice without re-running migrations or losing rows', async () => {
    const path = join(dir, 'f.sqlite');
    const a = await openDatabase(path);
    await a.db.insertInto('institutions').values({ name: '深圳市测试创投有限公司', kind: 'vc' }).execute();
    await a.close();
    const b = await openDatabase(path);
    const rows = await b.db.selectFrom('institutions').selectAll().execute();
    expect(rows.map((r) => r.name)).toEqual(['深圳市测试创投有限公司']);
    const ran = await b.db
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    expect(ran).toHaveLength(Object.keys(migrations).length);
    await b.close();
  });

  it('refuses money stored as a float and negative amounts at the database level', async () => {
    const o = await openDatabase(join(dir, 'c.sqlite'));
    const f = {
      kind: 'sub',
      name: '测试基金',
      total_size_fen: 100,
      guidance_commitment_fen: 10,
    };
    await expect(
      o.db
        .insertInto('funds')
        .values({ ...f, total_size_fen: 1.5 })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      o.db
        .insertInto('funds')
        .values({ ...f, guidance_commitment_fen: -1 })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      o.db
        .insertInto('funds')
        .values({ ...f, established_date: '2023/8/1' })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await o.close();
  });

  it('refuses a SQLite file that is not a FundDesk database and leaves it byte for byte unchanged', async () => {
    const path = join(dir, 'other.sqlite');
    const d = new Database(path);
    d.exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x');",
    );
    d.close();
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toThrow('不是 FundDesk 数据库');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite at all, unchanged', async () => {
    const path = join(dir, 'notes.sqlite');
    writeFileSync(path, '这是一份普通的文本文件，不是数据库。'.repeat(200));
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toThrow(/不是 SQLite 数据库文件|不是 FundDesk|无法打开/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a database written by a newer FundDesk, never modifying it', async () => {
    const path = join(dir, 'newer.sqlite');
    const o = await openDatabase(path);
    await o.close();
    const d = new Database(path);
    d.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run(
      '9999_future',
      new Date().toISOString(),
    );
    d.pragma('wal_checkpoint(TRUNCATE)');
    d.close();
    const before = readFileSync(path);
    await expect(openDatabase(path)).rejects.toThrow('更新版本的 FundDesk');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged file with a restore hint and does not modify it', async () => {
    const path = join(dir, 'damaged.sqlite');
    const o = await openDatabase(path);
    for (let i = 0; i < 300; i++) {
      await o.db
        .insertInto('institutions')
        .values({ name: `机构${i}`.repeat(20), kind: 'vc' })
        .execute();
    }
    await o.close();
    const d = new Database(path);
    d.pragma('wal_checkpoint(TRUNCATE)');
    d.close();
    const bytes = readFileSync(path);
    // Scribble over a page in the middle of the table's b-tree.
    for (let i = 8192; i < 8192 + 1500; i++) bytes[i] = 0x5a;
    writeFileSync(path, bytes);
    await expect(openDatabase(path)).rejects.toThrow(/已损坏|不是 SQLite/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('backs the file up before a pending migration runs', async () => {
    const path = join(dir, 'old.sqlite');
    const o = await openDatabase(path);
    await o.db.insertInto('institutions').values({ name: '旧版数据', kind: 'vc' }).execute();
    await o.close();
    // Pretend a newer app version has one more migration than this file has run.
    migrations['9000_test_extra'] = {
      up: async (db) => {
        await db.schema.createTable('test_extra').addColumn('id', 'integer').execute();
      },
    };
    try {
      const again = await openDatabase(path);
      expect(again.preMigrationBackup).not.toBeNull();
      const backup = again.preMigrationBackup!;
      await again.close();
      expect(existsSync(backup)).toBe(true);
      expect(statSync(backup).size).toBeGreaterThan(0);
      expect(tables(backup)).not.toContain('test_extra');
      expect(tables(path)).toContain('test_extra');
      const b = new Database(backup, { readonly: true });
      expect(b.prepare('SELECT name FROM institutions').all()).toEqual([{ name: '旧版数据' }]);
      b.close();
      expect(readdirSync(dir).some((f) => f.includes('before-9000_test_extra'))).toBe(true);
    } finally {
      delete migrations['9000_test_extra'];
    }
  });
});
