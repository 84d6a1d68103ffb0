// Import as a user fixing a file: 仅导入有效行 with the refused rows back as a file, one duplicate rule,
// and the money unit assumed said out loud (「未注明金额单位」) with implausible amounts flagged.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { countRows } from '../fixtures/import/helpers';
import { cli } from '../helpers/cli-main';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-skip-invalid-'));
  db = join(dir, 'funddesk.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cashFlows(): Promise<number> {
  const o = await openDatabase(db);
  try {
    return (await countRows(o.db)).cash_flows!;
  } finally {
    await o.close();
  }
}

const FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';
const FILE = `基金,日期,类型,金额（万元）,备注\n${FUND},2025-03-01,实缴出资,100,甲\n${FUND},2025-13-01,实缴出资,100,乙\n${FUND},2025-03-02,管理费,abc,丙\n${FUND},2025-03-03,管理费,12.5,丁\n`;

describe('--skip-invalid and --rejects', () => {
  it('without it a bad row keeps the whole file out and says how to take the good rows', async () => {
    const file = join(dir, 'cf.csv');
    writeFileSync(file, FILE);
    const before = await cashFlows();
    const r = await cli('import', 'cash_flow', file, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('有 2 行不能导入，未写入任何记录。可用 --skip-invalid 只导入其余 2 行有效行');
    expect(await cashFlows()).toBe(before);
  });

  it('imports the valid rows and writes the refused ones, in the user’s columns, with 错误原因', async () => {
    const file = join(dir, 'cf.csv');
    writeFileSync(file, FILE);
    const before = await cashFlows();
    const rejects = join(dir, '未导入.csv');
    const r = await cli('import', 'cash_flow', file, '--db', db, '--skip-invalid', '--rejects', rejects);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已导入 2 条现金流');
    expect(r.out).toContain('未导入有错误的 2 行');
    expect(await cashFlows()).toBe(before + 2);
    const lines = readFileSync(rejects, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('基金,日期,类型,金额（万元）,备注,错误原因');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${FUND},2025-13-01,实缴出资,100,乙,第 3 行：`);
    expect(lines[1]).toContain('月份应为1–12');
    expect(lines[2]).toContain(`${FUND},2025-03-02,管理费,abc,丙,"第 4 行：`);
    expect(lines[2]).toContain('无法识别的金额：abc');

    // Fixed and imported again: the two rows go in; the rows already in are skipped as duplicates.
    const fixed = join(dir, 'fixed.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('改正');
    ws.addRow(lines[0]!.split(',').slice(0, 5));
    ws.addRow([FUND, '2025-12-01', '实缴出资', 100, '乙']);
    ws.addRow([FUND, '2025-03-02', '管理费', 12, '丙']);
    await wb.xlsx.writeFile(fixed);
    const again = await cli('import', 'cash_flow', fixed, '--db', db);
    expect(again.code, again.err).toBe(0);
    expect(await cashFlows()).toBe(before + 4);
  });

  it('--rejects writes xlsx too', async () => {
    const file = join(dir, 'cf.csv');
    writeFileSync(file, FILE);
    const rejects = join(dir, '未导入.xlsx');
    const r = await cli('import', 'cash_flow', file, '--db', db, '--skip-invalid', '--rejects', rejects);
    expect(r.code, r.err).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rejects);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '基金',
      '日期',
      '类型',
      '金额（万元）',
      '备注',
      '错误原因',
    ]);
    expect(ws.rowCount).toBe(3);
    expect(String(ws.getCell(3, 4).value)).toBe('abc');
  });
});

describe('one duplicate rule for the app and the command line', () => {
  it('duplicates are skipped and listed, as on the import page; --help states it', async () => {
    const file = join(dir, 'twice.csv');
    writeFileSync(
      file,
      `基金,日期,类型,金额（万元）\n${FUND},2025-04-01,实缴出资,100\n${FUND},2025-04-02,管理费,10\n`,
    );
    expect((await cli('import', 'cash_flow', file, '--db', db)).code).toBe(0);
    const before = await cashFlows();
    writeFileSync(
      file,
      `基金,日期,类型,金额（万元）\n${FUND},2025-04-01,实缴出资,100\n${FUND},2025-04-02,管理费,10\n${FUND},2025-04-03,管理费,10\n`,
    );
    const r = await cli('import', 'cash_flow', file, '--db', db);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/跳过 第 2 行：与已有现金流/);
    expect(r.out).toContain('跳过重复 2 行');
    expect(await cashFlows()).toBe(before + 1);
    const help = await cli('import', '--help');
    expect(help.out).toContain(
      '重复的行（与已有记录或文件中前面的行相同）跳过并列出，--allow-duplicates 仍然导入',
    );
  });
});

describe('the money unit assumed', () => {
  it('a file stating no unit: 「未注明金额单位」, and a call tiny for its fund is flagged', async () => {
    const file = join(dir, 'nounit.csv');
    writeFileSync(file, `基金,日期,类型,金额\n${FUND},2025-05-01,实缴出资,500\n`);
    const r = await cli('import', 'cash_flow', file, '--db', db, '--dry-run');
    expect(r.out).toContain('金额单位：“金额”未注明金额单位，按元读取');
    expect(r.err).toContain('【注意】未注明金额单位：“金额”按元读取');
    expect(r.err).toContain('--unit 万元');
    expect(r.err).toMatch(/【注意】第 2 行：实缴出资 0\.05万元 不到“.*”认缴规模的 0\.1%，金额单位可能有误/);
  });

  it('a unit stated in the header, above the table or by --unit: said, no warning', async () => {
    const header = join(dir, 'header.csv');
    writeFileSync(header, `基金,日期,类型,金额（万元）\n${FUND},2025-05-01,实缴出资,500\n`);
    const h = await cli('import', 'cash_flow', header, '--db', db, '--dry-run');
    expect(h.out).toContain('金额单位：“金额（万元）”表头注明万元');
    expect(h.err).not.toContain('未注明金额单位');
    expect(h.err).not.toContain('金额单位可能有误');

    const above = join(dir, 'above.csv');
    writeFileSync(above, `单位：万元\n基金,日期,类型,金额\n${FUND},2025-05-01,实缴出资,500\n`);
    const a = await cli('import', 'cash_flow', above, '--db', db, '--dry-run');
    expect(a.out).toContain('表格上方注明“单位：万元”');
    expect(a.err).not.toContain('未注明金额单位');

    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, `基金,日期,类型,金额\n${FUND},2025-05-01,实缴出资,500\n`);
    const u = await cli('import', 'cash_flow', plain, '--db', db, '--dry-run', '--unit', 'wan');
    expect(u.out).toContain('按指定的金额单位万元');
    expect(u.err).not.toContain('未注明金额单位');
  });
});
