import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImportFile } from '../../src/main/services/import/read';
import { expect, pickCashFlowFile, test } from './fixtures';

/** 仅导入有效行 on the import page, the refused rows as a file with 错误原因, and 未注明金额单位. */

const FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';

function csv(dir: string, name: string, rows: string[][]) {
  const p = join(dir, name);
  writeFileSync(p, `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
  return p;
}

test('one bad row: 仅导入有效行 imports the rest and hands back the bad row with its reason', async ({
  page,
  app,
}) => {
  const file = csv(app.dir, '出资台账.csv', [
    ['子基金名称', '缴款日期', '款项类型', '金额（万元）', '缴款通知书编号'],
    [FUND, '2025-03-01', '实缴出资', '1000', 'SKIP-2025-01'],
    [FUND, '2025-02-30', '实缴出资', '500', 'SKIP-2025-02'],
    [FUND, '2025-03-03', '收益分配', '120', 'SKIP-2025-03'],
  ]);
  await pickCashFlowFile(page, app.url, file);
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('可导入 2');
  await expect(counts).toContainText('有错误 1');
  await expect(page.getByTestId('commit-import')).toBeDisabled();
  await expect(page.getByTestId('commit-valid')).toContainText('仅导入有效行（2 行）');
  await page.getByTestId('commit-valid').click();

  const result = page.getByTestId('import-result');
  await expect(result).toContainText('已导入 2 条现金流');
  await expect(result).toContainText('未导入 1 行');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-rejects').click(),
  ]);
  expect(download.suggestedFilename()).toBe('出资台账-未导入的行.csv');
  const saved = join(app.dir, 'rejects.csv');
  await download.saveAs(saved);
  const back = readImportFile('rejects.csv', readFileSync(saved));
  expect(back.rows[0]!.cells).toEqual([
    '子基金名称',
    '缴款日期',
    '款项类型',
    '金额（万元）',
    '缴款通知书编号',
    '错误原因',
  ]);
  expect(back.rows).toHaveLength(2);
  expect(back.rows[1]!.cells[4]).toBe('SKIP-2025-02');
  expect(back.rows[1]!.cells[5]).toContain('2025年2月没有30日');

  // The two good rows are in the ledger; the bad one is not.
  await result.getByRole('button', { name: '查看现金流台账' }).click();
  await page.getByPlaceholder('快速搜索（名称、代码、金额…）').fill('SKIP-2025');
  const grid = page.getByTestId('grid-cash-flows');
  await expect(grid).toContainText('SKIP-2025-01');
  await expect(grid).toContainText('SKIP-2025-03');
  await expect(grid).not.toContainText('SKIP-2025-02');
});

test('a file whose amounts carry no unit is flagged 未注明金额单位 before anything is written', async ({
  page,
  app,
}) => {
  const file = csv(app.dir, '无单位.csv', [
    ['子基金名称', '缴款日期', '款项类型', '金额', '缴款通知书编号'],
    [FUND, '2025-04-01', '实缴出资', '1000', 'NOUNIT-01'],
  ]);
  await pickCashFlowFile(page, app.url, file);
  await expect(page.getByTestId('import-counts')).toContainText('可导入 1');
  const warning = page.getByTestId('unit-warning');
  await expect(warning).toContainText('未注明金额单位');
  await expect(warning).toContainText('“金额”按元读取');
  await expect(page.getByTestId('unit-notice')).toContainText('金额：元');
  // 1000 read as 元 is far below 0.1 % of the fund's size: flagged as a likely wrong unit.
  await expect(page.getByTestId('implausible-amounts')).toContainText('第 2 行');
  await expect(page.getByTestId('implausible-amounts')).toContainText('金额单位可能有误');
});
