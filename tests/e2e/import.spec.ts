import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readImportFile } from '../../src/main/services/import/read';
import { expect, openSection, test } from './fixtures';

/** 导入台账 in the browser preview: a messy GBK ledger, row errors in red, a fix, an all-or-nothing import. */

const FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';

function gbkCsv(dir: string, name: string, rows: string[][]) {
  const p = join(dir, name);
  writeFileSync(p, iconv.encode(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'gbk'));
  return p;
}

test('a messy GBK ledger: errors shown per row in Chinese, then fixed and imported all at once', async ({
  page,
  app,
}) => {
  const bad = gbkCsv(app.dir, '出资台账.csv', [
    ['子基金名称', '缴款日期', '款项类型', '金额（万元）', '缴款通知书编号'],
    [FUND, '2025年3月1日', '实缴出资', '"1,000"', 'E2E-2025-01'],
    [FUND, '2025-02-30', '实缴出资', '500', 'E2E-2025-02'],
    ['坪山不存在基金', '2025/3/3', '实缴出资', '１２０', 'E2E-2025-03'],
    ['合计', '', '', '1620', ''],
  ]);
  await page.goto(app.url);
  await openSection(page, '导入台账');
  await page.getByTestId('ledger-picker').getByText('现金流').click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('pick-file').click(),
  ]);
  await chooser.setFiles(bad);
  await expect(page.getByTestId('file-name')).toContainText('CSV，GB18030');
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('共 4 行');
  await expect(counts).toContainText('可导入 1');
  await expect(counts).toContainText('有错误 2');
  await expect(counts).toContainText('跳过 1');
  const table = page.getByTestId('preview-table');
  const row3 = table.locator('tr.fd-import-row-error', { hasText: '2025-02-30' });
  await expect(row3).toContainText('日期：日期无效：2025年2月没有30日');
  await expect(row3.locator('td.fd-import-cell-error')).toHaveText('2025-02-30');
  await expect(table.locator('tr.fd-import-row-error', { hasText: '坪山不存在基金' })).toContainText(
    '找不到基金“坪山不存在基金”',
  );
  await expect(page.getByTestId('commit-import')).toBeDisabled();
  await expect(page.getByText('有 2 行有错误，请修改文件后重新选择')).toBeVisible();

  // The user fixes the file and picks it again.
  const good = gbkCsv(app.dir, '出资台账（修改后）.csv', [
    ['子基金名称', '缴款日期', '款项类型', '金额（万元）', '缴款通知书编号'],
    [FUND, '2025年3月1日', '实缴出资', '"1,000"', 'E2E-2025-01'],
    [FUND, '2025-02-28', '实缴出资', '500', 'E2E-2025-02'],
    [FUND, '2025/3/3', '收益分配', '１２０', 'E2E-2025-03'],
  ]);
  const [chooser2] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('pick-file').click(),
  ]);
  await chooser2.setFiles(good);
  await expect(counts).toContainText('可导入 3');
  await expect(page.getByTestId('commit-import')).toHaveText('导入 3 行');
  await page.getByTestId('commit-import').click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('已导入 3 条现金流');
  // A file database is copied first; a server is not (one transaction; its backups are pg_dump's).
  if (app.dbPath.startsWith('postgres://')) await expect(result).not.toContainText('备份');
  else await expect(result).toContainText('导入前已自动备份');

  // The rows are in the ledger, in the right unit.
  await result.getByRole('button', { name: '查看现金流台账' }).click();
  await page.getByPlaceholder('快速搜索（名称、代码、金额…）').fill('E2E-2025');
  const grid = page.getByTestId('grid-cash-flows');
  await expect(grid).toContainText('E2E-2025-03');
  await expect(grid).toContainText('1,000.00');

  // Importing the same file again: every row is flagged as already stored.
  await openSection(page, '导入台账');
  await page.getByTestId('ledger-picker').getByText('现金流').click();
  const [chooser3] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('pick-file').click(),
  ]);
  await chooser3.setFiles(good);
  await expect(counts).toContainText('重复 3');
  await expect(page.getByTestId('preview-table')).toContainText('与已有现金流');
});

test('another layout: a missing column is mapped by hand; the template has the export headers', async ({
  page,
  app,
}) => {
  const file = join(app.dir, 'institutions.csv');
  writeFileSync(
    file,
    '\ufeff名称,类别,联系人\n深圳市端到端创投有限公司,创业投资机构,王五\n深圳市端到端银行,银行,赵六\n',
  );
  await page.goto(`${app.url}#/import?ledger=institution`);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('pick-file').click(),
  ]);
  await chooser.setFiles(file);
  await expect(page.getByTestId('missing-required')).toContainText('机构名称');
  await page.getByTestId('map-0').click();
  await page.locator('.ant-select-dropdown:visible').getByText('机构名称 *', { exact: true }).click();
  await expect(page.getByTestId('missing-required')).toBeHidden();
  await expect(page.getByTestId('import-counts')).toContainText('可导入 2');
  await page.getByTestId('commit-import').click();
  await expect(page.getByTestId('import-result')).toContainText('已导入 2 条投资机构');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('template-xlsx').click(),
  ]);
  expect(download.suggestedFilename()).toBe('投资机构台账导入模板.xlsx');
  const path = join(app.dir, 'template.xlsx');
  await download.saveAs(path);
  const t = readImportFile('template.xlsx', readFileSync(path));
  expect(t.rows[0]!.cells).toEqual(['机构名称', '机构类型', '联系人', '联系电话', '备注']);
});
