import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { countRows, snapshot } from '../fixtures/import/helpers';
import { cli } from '../helpers/cli-main';

/** `funddesk import|export-ledger|template|backup|restore`, run in-process through the CLI's main(). */

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-cli-'));
  db = join(dir, 'funddesk.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function counts() {
  const o = await openDatabase(db);
  try {
    return await countRows(o.db);
  } finally {
    await o.close();
  }
}

const FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';

describe('funddesk import', () => {
  it('prints a summary and imports a GBK CSV; a backup is taken first', async () => {
    const file = join(dir, '现金流.csv');
    writeFileSync(
      file,
      iconv.encode(
        `基金,日期,类型,金额（万元）\r\n${FUND},2025年3月1日,实缴出资,"1,000"\r\n${FUND},2025/3/2,管理费,12.5\r\n`,
        'gbk',
      ),
    );
    const before = await counts();
    const r = await cli('import', '现金流', file, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('文件：现金流.csv（CSV，GB18030，表头在第 1 行）');
    expect(r.out).toContain('列对应：基金 → 基金；日期 → 日期；类型 → 类型；金额（万元） → 金额（万元）');
    expect(r.out).toContain('共 2 行：可导入 2 行，有错误 0 行，重复 0 行，跳过 0 行');
    expect(r.out).toMatch(/已导入 2 条现金流\n导入前备份：.*before-import\.sqlite/);
    expect((await counts()).cash_flows).toBe(before.cash_flows! + 2);
    expect(readdirSync(join(dir, 'backups')).some((f) => f.endsWith('before-import.sqlite'))).toBe(true);
  });

  it('row errors go to stderr, the exit code is non-zero and nothing is written', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      `基金,日期,类型,金额（元）\n${FUND},2025-03-01,实缴出资,100\n${FUND},2025-13-01,实缴出资,100\n不存在的基金,2025-03-02,实缴出资,abc\n`,
    );
    const before = await counts();
    const r = await cli('import', 'cash_flow', file, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('第 3 行：日期：日期无效：月份应为1–12，实际为13月');
    expect(r.err).toContain('第 4 行：基金：找不到基金“不存在的基金”');
    expect(r.err).toContain('第 4 行：金额：无法识别的金额：abc');
    expect(r.err).toContain('有 2 行不能导入，未写入任何记录。');
    expect(await counts()).toEqual(before);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('--dry-run checks without writing; duplicates are skipped (as in the app) unless allowed', async () => {
    const file = join(dir, 'cf.csv');
    expect((await cli('export-ledger', 'cash_flow', '--db', db, '--out', file)).code).toBe(0);
    const o = await openDatabase(db);
    const before = await snapshot(o.db);
    await o.close();
    const dry = await cli('import', 'cash_flow', file, '--db', db, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('检查未通过（--dry-run，未写入）');
    expect(dry.err).toMatch(/跳过 第 2 行：与已有现金流“.*”（编号 \d+）重复/);
    expect(dry.err).toContain('没有可导入的行');
    const skip = await cli('import', 'cash_flow', file, '--db', db, '--skip-duplicates');
    expect(skip.code).toBe(1);
    expect(skip.err).toContain('没有可导入的行');
    const o2 = await openDatabase(db);
    expect(await snapshot(o2.db)).toEqual(before);
    await o2.close();
    const ok = await cli('import', '现金流', join(dir, 'missing.csv'), '--db', db, '--dry-run');
    expect(ok.code).toBe(1);
    expect(ok.err).toContain('文件不存在');
  });

  it('usage errors exit 2 with a Chinese message', async () => {
    expect(await cli('import')).toMatchObject({ code: 2, err: expect.stringContaining('缺少台账名称') });
    expect(await cli('import', 'cash_flow')).toMatchObject({
      code: 2,
      err: expect.stringContaining('缺少要导入的文件'),
    });
    expect(await cli('import', 'cash_flow', 'x.csv')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--db'),
    });
    expect(await cli('import', 'cash_flow', 'x.csv', '--db', db, '--unit', '千元')).toMatchObject({
      code: 2,
      err: expect.stringContaining('金额单位无效'),
    });
    expect(await cli('import', 'cash_flow', 'x.csv', '--db', db, '--bogus')).toMatchObject({ code: 2 });
  });

  it('子基金 sets the kind of funds whose file has no 基金类型 column; --unit sets money columns without one', async () => {
    const file = join(dir, '子基金.csv');
    writeFileSync(file, '基金名称,认缴规模,引导基金认缴\n深圳坪山命令行测试基金,5,1\n');
    const r = await cli('import', '子基金', file, '--db', db, '--unit', '亿元');
    expect(r.code).toBe(0);
    const o = await openDatabase(db);
    const f = await o.db
      .selectFrom('funds')
      .selectAll()
      .where('name', '=', '深圳坪山命令行测试基金')
      .executeTakeFirstOrThrow();
    await o.close();
    expect(f).toMatchObject({
      kind: 'sub',
      total_size_fen: 50_000_000_000,
      guidance_commitment_fen: 10_000_000_000,
    });
  });
});

describe('funddesk export-ledger, template, backup', () => {
  it('exports a ledger as xlsx and csv, writes a template, lists backups', async () => {
    const x = await cli(
      'export-ledger',
      '基金',
      '--db',
      db,
      '--out',
      join(dir, 'funds.xlsx'),
      '--unit',
      '亿元',
    );
    expect(x).toMatchObject({ code: 0, out: expect.stringMatching(/已导出 15 条基金/) });
    const t = await cli('template', 'investment', '--out', join(dir, 't.xlsx'));
    expect(t).toMatchObject({ code: 0, out: expect.stringContaining('已生成投资导入模板') });
    const b = await cli('backup', '--db', db);
    expect(b.code).toBe(0);
    const into = await cli('backup', '--db', db, '--out', dir);
    expect(into.out).toMatch(/已备份并校验通过 → .*-cli\.sqlite/);
    const list = await cli('backup', '--db', db, '--list');
    expect(list.out).toMatch(/备份文件夹：.*（1 份）/);
    expect(list.out).toContain('命令行');
  });
});
