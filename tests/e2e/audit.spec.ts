import { bodyRows, expect, test } from './fixtures';
import { confirmDelete, expectCount, openLedger, search, typeInCell } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

const FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';

test('审计日志: a change, an addition and a deletion are logged with before → after and time; filters; the record history', async ({
  page,
  app,
}) => {
  // A change: the sub-fund's size 10亿 → 12亿, in the cell.
  let grid = await openLedger(page, app.url, '/sub-funds', 'sub-funds');
  await search(page, FUND);
  await expectCount(grid, 'name', 1, '只');
  await expect(bodyRows(grid)).toHaveCount(1);
  const size = grid.locator('.ag-grid-scrolling-container .ag-row [col-id="total_size_fen"]');
  await typeInCell(page, size, '12亿');
  await expect(size).toHaveText('12.0000');

  // An addition: an enterprise from the form.
  grid = await openLedger(page, app.url, '/enterprises', 'enterprises');
  await page.getByRole('button', { name: '新增企业' }).click();
  const dialog = page.getByRole('dialog', { name: '新增企业' });
  await dialog.locator('[data-field="name"]').fill('深圳市审计测试科技有限公司');
  await dialog.getByTestId('add-save').click();
  await expect(dialog).toBeHidden();

  // A deletion: one cash flow.
  grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  await search(page, 'PSXNY-GLF2016');
  await expectCount(grid, 'fund_id', 1, '条');
  await expect(bodyRows(grid)).toHaveCount(1);
  await grid.locator('.ag-grid-scrolling-container .ag-row [col-id="doc_no"]').click();
  await page.keyboard.press('Delete');
  await confirmDelete(page);
  // Stored (or the message says why not), then gone from the grid and its totals.
  await expect(page.locator('.ant-message')).toContainText('已删除');
  await expect(bodyRows(grid)).toHaveCount(0);
  await expectCount(grid, 'fund_id', 0, '条');

  // The log: newest first, Chinese labels, money in 万元, local time.
  await page.goto(`${app.url}#/audit`);
  const table = page.getByTestId('audit-table');
  await expect(page.getByTestId('audit-total')).toHaveText('共 3 条记录');
  const rows = table.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('删除');
  await expect(rows.nth(0)).toContainText('删除现金流');
  await expect(rows.nth(0)).toContainText('金额：600.00万元');
  await expect(rows.nth(0)).toContainText('类型：管理费');
  await expect(rows.nth(1)).toContainText('新增企业“深圳市审计测试科技有限公司”');
  await expect(rows.nth(2)).toContainText(`修改基金“${FUND}”`);
  await expect(rows.nth(2)).toContainText('认缴规模：100,000.00万元 → 120,000.00万元');
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await expect(rows.nth(2)).toContainText(today);

  // Filters: action, ledger, text.
  await page.getByTestId('audit-action').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByText('修改', { exact: true })
    .click();
  await expect(page.getByTestId('audit-total')).toHaveText('共 1 条记录');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByTestId('audit-total')).toHaveText('共 3 条记录');
  await page.getByTestId('audit-entity').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByText('企业', { exact: true })
    .click();
  await expect(page.getByTestId('audit-total')).toHaveText('共 1 条记录');
  await expect(rows.first()).toContainText('深圳市审计测试科技有限公司');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByPlaceholder('搜索记录名称').fill('新能源汽车');
  await page.getByPlaceholder('搜索记录名称').press('Enter');
  await expect(page.getByTestId('audit-total')).toHaveText('共 1 条记录');

  // The record's history in its detail view (reached from the log).
  await rows.first().getByRole('link').click();
  await expect(page.getByTestId('detail-title')).toHaveText(FUND);
  await page.getByRole('tab', { name: '修改记录' }).click();
  await expect(page.getByTestId('record-history')).toContainText('认缴规模：100,000.00万元 → 120,000.00万元');
});
