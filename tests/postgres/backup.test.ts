import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { createBackup } from '../../src/main/services/backup/backup';
import { cli } from '../helpers/cli-main';
import { mountTmpfs, unmount } from '../helpers/faults';
import { cliOverview, pgScratch } from '../helpers/pg-scratch';
import { TEST_PG } from '../helpers/temp-db';

const PASSWORD = 'Geheim-42';
// The test server trusts local logins: the password is there to be kept out of every message and file.
const scratch = pgScratch('funddesk-pgbackup-', () =>
  (TEST_PG as string).replace('funddesk@', `funddesk:${PASSWORD}@`),
);
beforeEach(async () => {
  const demo = await cli('demo', '--db', scratch.schema.url);
  expect(demo.code).toBe(0);
  expect(demo.out).toContain('funddesk:***@');
  expect(demo.out).not.toContain(PASSWORD);
});

describe('backup of a PostgreSQL server database (#17)', () => {
  it('funddesk backup writes a verified FundDesk file that restores like any backup, same reports', async () => {
    const file = join(scratch.dir, '服务器备份.sqlite');
    const r = await cli('backup', '--db', scratch.schema.url, '--out', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已备份并校验通过 → ${file}`);
    expect(readdirSync(scratch.dir).sort()).toEqual(['服务器备份.sqlite', '服务器备份.sqlite.json']);
    const manifest = readFileSync(`${file}.json`, 'utf8');
    expect(manifest).toContain('"verified": true');
    expect(manifest + r.out).not.toContain(PASSWORD);

    // Hand-over: the backup restores into a SQLite database as any FundDesk backup does.
    const other = join(scratch.dir, 'other.sqlite');
    const back = await cli('restore', '--db', other, '--from', file);
    expect(back.err).toBe('');
    expect(await cliOverview(other)).toEqual(await cliOverview(scratch.schema.url));
  }, 120_000);

  it('a backup that cannot reach the database says so without the password', async () => {
    const wrong = scratch.schema.url.replace(/\/postgres\?/, '/no_such_db?');
    const r = await cli('backup', '--db', wrong, '--out', join(scratch.dir, 'x.sqlite'));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('没有数据库');
    expect(r.err).toContain('funddesk:***@');
    expect(r.err).not.toContain(PASSWORD);
    expect(readdirSync(scratch.dir)).toEqual([]);
  });

  it('restore into the server is refused, saying how (copy --replace) and why; nothing changes', async () => {
    const file = join(scratch.dir, 'b.sqlite');
    expect(await cli('backup', '--db', scratch.schema.url, '--out', file)).toMatchObject({ code: 0 });
    const fundName = async () => {
      const o = await openDatabase(scratch.schema.url);
      try {
        return (o.raw.prepare('SELECT name FROM funds WHERE id = 1').get() as { name: string }).name;
      } finally {
        await o.close();
      }
    };
    const o = await openDatabase(scratch.schema.url);
    o.raw.prepare(`UPDATE funds SET name = name || '（备份后改名）' WHERE id = 1`).run();
    await o.close();
    const before = await cliOverview(scratch.schema.url);
    const r = await cli('restore', '--db', scratch.schema.url, '--from', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不能在应用内从备份恢复');
    expect(r.err).toContain('funddesk copy --from 备份文件.sqlite --to 服务器地址 --replace');
    expect(r.err).not.toContain(PASSWORD);
    expect(await cliOverview(scratch.schema.url)).toEqual(before);
    expect(await fundName()).toMatch(/（备份后改名）$/);
  }, 120_000);

  it('a cancel or a full disk leaves no file behind', async () => {
    const o = await openDatabase(scratch.schema.url);
    try {
      const cancelled = new AbortController();
      cancelled.abort();
      await expect(
        createBackup(o, { reason: 'manual', dir: scratch.dir, signal: cancelled.signal, rotate: false }),
      ).rejects.toThrow(/已取消备份/);
      expect(readdirSync(scratch.dir)).toEqual([]);

      const small = join(scratch.dir, 'small');
      mkdirSync(small);
      if (!mountTmpfs(small, '256k')) {
        throw new Error(
          '不能挂载 tmpfs（需要 root 与 mount）：无法真实复现磁盘已满，此测试需在允许挂载的环境运行',
        );
      }
      try {
        await expect(createBackup(o, { reason: 'manual', dir: small, rotate: false })).rejects.toThrow(
          /备份失败，当前数据未受影响：.*磁盘空间已满/,
        );
        expect(readdirSync(small)).toEqual([]);
      } finally {
        unmount(small);
      }
    } finally {
      await o.close();
    }
  }, 120_000);
});
