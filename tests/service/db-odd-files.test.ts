import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbError, explainDbError } from '../../src/main/db/errors';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import { backupNow } from '../../src/main/services/backup';
import { listRows } from '../../src/main/services/ledger/service';
import { getOverview } from '../../src/main/services/overview';
import { snapshot } from '../fixtures/import/helpers';
import { funddesk } from '../helpers/cli';
import { bindReadOnly, mountTmpfs, unmount } from '../helpers/faults';
import { testClient } from '../helpers/temp-db';

/** Issue #19 items 7–9: read-only, missing and empty files, a full disk, SQLite's errors in Chinese. */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-odd-'));
});
afterEach(() => {
  unmount(join(dir, 'ro'));
  unmount(join(dir, 'small'));
  rmSync(dir, { recursive: true, force: true });
});

async function demoDb(path: string) {
  const o = await openDatabase(path);
  await loadDemo(o.db, { replace: false });
  await o.close();
}

/** SQL or English words in a message (the product's name and SQLite's aside). */
const english = (m: string) => /[A-Za-z]{4,}/.test(m.replace(/FundDesk|SQLite/g, ''));

describe('a read-only database (#19.7)', () => {
  it('opens read-only: every read works, edits are refused in Chinese, nothing is written beside it', async () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    const path = join(ro, 'fd.sqlite');
    await demoDb(path);
    const files = readdirSync(ro);
    const mounted = bindReadOnly(ro);
    if (!mounted) {
      // No mount here: the same facts as another user on a read-only folder (chmod), through the CLI.
      console.warn('不能挂载只读目录（需要 root 与 mount）：改用 chmod + nobody 用户复现');
      chmodSync(path, 0o444);
      chmodSync(ro, 0o555);
      const out = execFileSync(
        'runuser',
        ['-u', 'nobody', '--', process.execPath, 'bin/funddesk.js', 'report', 'overview', '--db', path],
        { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' },
      );
      expect(out).toMatch(/引导基金总览/);
      expect(readdirSync(ro)).toEqual(files);
      return;
    }
    const o = await openDatabase(path, { mustExist: true });
    try {
      expect(o.readOnly).toBe('数据库文件只读');
      expect((await listRows(o.db, 'fund')).length).toBe(15);
      expect((await getOverview(o.db, '2025-12-31')).subFunds.count).toBeGreaterThan(0);
      const api = testClient(o);
      expect(await api('app.info')).toMatchObject({ readOnly: '数据库文件只读' });
      const fund = (await listRows(o.db, 'fund'))[0]!;
      const err = await api('ledger.update', { entity: 'fund', id: fund.id, values: { name: '改名' } }).catch(
        (e) => e,
      );
      expect(err.message).toMatch(/^数据库文件只读，不能修改；本次操作没有写入任何内容/);
      await expect(backupNow(o)).rejects.toThrow(
        /无法创建备份文件夹.*（该位置只读或没有写入权限），未做备份，当前数据未受影响/,
      );
    } finally {
      await o.close();
    }
    // the CLI's read commands
    const overview = await funddesk(['report', 'overview', '--db', path]);
    expect(overview.err).toBe('');
    expect(overview.out).toMatch(/引导基金总览/);
    const out = join(dir, 'funds.xlsx');
    const exp = await funddesk(['export-ledger', 'fund', '--db', path, '--out', out]);
    expect(exp.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
    expect(readdirSync(ro)).toEqual(files); // no -wal, -shm or backups folder
  }, 120_000);
});

describe('a missing or empty file is not silently a new ledger (#19.8)', () => {
  it('the CLI refuses with an explanation and creates nothing, unless asked to create', async () => {
    const typo = join(dir, 'no-such-folder', 'fd.sqlite');
    const csv = join(dir, 'x.csv');
    writeFileSync(csv, '机构名称\n深圳市某创投有限公司\n');
    const r = await funddesk(['import', 'institution', csv, '--db', typo]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /数据库文件“.*”不存在；没有创建任何文件。请检查 --db 的路径；如确实要在这里新建一个空数据库，请加 --create/,
    );
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const r2 = await funddesk(['report', 'overview', '--db', empty]);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/是空文件（0 字节）/);
    expect(statSync(empty).size).toBe(0);
    await expect(openDatabase(empty, { mustExist: true })).rejects.toMatchObject({ code: 'empty' });
    const r3 = await funddesk(['import', 'institution', csv, '--db', typo, '--create']);
    expect(r3.code).toBe(0);
    expect(r3.out).toMatch(/已导入 1 条/);
    const r4 = await funddesk(['serve', '--db', join(dir, 'typo.sqlite')]);
    expect(r4.code).toBe(1);
    expect(r4.err).toMatch(/不存在；没有创建任何文件/);
    expect(existsSync(join(dir, 'typo.sqlite'))).toBe(false);
  }, 120_000);
});

describe('a full disk and SQLite errors, in Chinese (#19.9)', () => {
  it('writes on a full disk say so, nothing is half-written, a rollback never masks the error', async () => {
    const small = join(dir, 'small');
    mkdirSync(small);
    if (!mountTmpfs(small, '3m')) {
      throw new Error(
        '不能挂载 tmpfs（需要 root 与 mount）：无法真实复现磁盘已满，此测试需在允许挂载的环境运行',
      );
    }
    const path = join(small, 'fd.sqlite');
    await demoDb(path);
    const o = await openDatabase(path);
    const before = await snapshot(o.db);
    // fill the disk
    let n = 0;
    try {
      for (; ; n++) writeFileSync(join(small, `fill-${n}`), Buffer.alloc(64 * 1024, 1));
    } catch {
      // full
    }
    const api = testClient(o);
    const messages: string[] = [];
    for (let i = 0; i < 6; i++) {
      const rows = Array.from({ length: 200 }, (_, k) => ({
        name: `深圳市磁盘已满测试${i}-${k}创投有限公司`,
      }));
      const err = await api('ledger.createMany', { entity: 'institution', rows }).catch((e) => e);
      messages.push(String(err?.message ?? 'ok'));
    }
    await expect(backupNow(o)).rejects.toThrow(/备份失败，当前数据未受影响：磁盘空间已满/);
    expect(readdirSync(join(small, 'backups')).filter((f) => !f.startsWith('.'))).toEqual([]);
    await o.close();
    for (const m of messages) {
      expect(m).toMatch(/^磁盘空间已满，本次操作没有写入任何内容/);
      expect(m).not.toMatch(/rollback|transaction/);
    }
    for (let i = 0; i < n; i++) rmSync(join(small, `fill-${i}`), { force: true });
    const again = await openDatabase(path);
    expect(await snapshot(again.db)).toEqual(before);
    await again.close();
  }, 120_000);

  it('each SQLite error code reads as what happened, that nothing was written and what to do', () => {
    for (const code of [
      'FULL',
      'READONLY',
      'BUSY',
      'LOCKED',
      'CORRUPT',
      'NOTADB',
      'CANTOPEN',
      'IOERR',
      'PERM',
    ]) {
      const e = Object.assign(new Error('database or disk is full'), { code: `SQLITE_${code}` });
      const m = explainDbError(e).message;
      expect(m).toMatch(/没有写入任何内容/);
      expect(m).toMatch(/请/);
      expect(english(m)).toBe(false);
    }
    const check = Object.assign(
      new Error(
        "CHECK constraint failed: date IS NULL OR (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')",
      ),
      { code: 'SQLITE_CONSTRAINT_CHECK' },
    );
    expect(explainDbError(check).message).toMatch(/^数据不符合数据库的规则（涉及：日期），未保存/);
    expect(english(explainDbError(check).message)).toBe(false);
    expect(explainDbError(new DbError('damaged', '已损坏')).message).toBe('已损坏');
  });

  it('a date in 9999 is refused in Chinese, no SQL, and nothing is stored', async () => {
    const path = join(dir, 'fd.sqlite');
    await demoDb(path);
    const o = await openDatabase(path);
    const api = testClient(o);
    const fund = (await listRows(o.db, 'fund'))[0]!;
    const err = await api('ledger.create', {
      entity: 'cash_flow',
      values: { fund_id: fund.id, date: '9999-12-31', type: 'call', amount_fen: 100 },
    }).catch((e) => e);
    const flows = await listRows(o.db, 'cash_flow');
    await o.close();
    // The one date rule (shared/dates.ts) refuses it before the database's CHECK would (the test above reads
    // that CHECK's own message).
    expect(err.message).toMatch(/日期的年份应在1900–2100之间，实际为9999年/);
    expect(english(err.message)).toBe(false);
    expect(flows.some((f) => f.date === '9999-12-31')).toBe(false);
  });
});
