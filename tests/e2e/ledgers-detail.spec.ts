import { bodyRows, expect, pinnedCell, test, totalCell } from './fixtures';
import { expectCount, openLedger, search } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

const FUND = '深圳市鹏储新型储能产业投资合伙企业（有限合伙）';

test('基金详情 from a cash flow row: figures, linked ledgers with their own totals; a call added there moves 实缴', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  await search(page, '鹏储新型储能');
  await expectCount(grid, 'fund_id', 10, '条');
  await bodyRows(grid).first().locator('[col-id="fund_id"] a').click();

  await expect(page.getByTestId('detail-title')).toHaveText(FUND);
  await expect(page.getByTestId('kpi-size')).toContainText('5.0000 亿元');
  await expect(page.getByTestId('kpi-paid-in')).toContainText('1.3500 亿元');
  await expect(page.getByTestId('kpi-paid-in')).toContainText('出资进度 90.0%');
  await expect(page.getByRole('tab', { name: '现金流（10）' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '净值历史（19）' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '投资（7）' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '返投认定（5）' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '引荐落地项目（4）' })).toBeVisible();

  // The fund's own cash flows, with their totals by type.
  const flows = page.getByTestId('grid-fund-detail-cash-flows');
  await expectCount(flows, 'date', 10, '条');
  // Types are totalled apart (their sum means nothing), then the net flow.
  await expect(totalCell(flows, 'amount_fen')).toHaveText('');
  await expect(pinnedCell(flows, '实缴出资合计', 'amount_fen')).toHaveText('1.3500');
  await expect(pinnedCell(flows, '收益分配合计', 'amount_fen')).toHaveText('0.1080');
  await expect(pinnedCell(flows, '管理费合计', 'amount_fen')).toHaveText('0.1500');
  await expect(pinnedCell(flows, '净额', 'amount_fen')).toHaveText('-1.3920');
  // Every label shows whole in the narrow 日期 column: it runs on over the row's empty 类型 cell.
  const labels = await flows
    .locator('.ag-grid-pinned-bottom-rows-container .ag-cell[col-id="date"]')
    .evaluateAll((cells) =>
      cells.map((c) => {
        const v = c.querySelector<HTMLElement>('.ag-cell-value') ?? (c as HTMLElement);
        return `${v.textContent}${v.scrollWidth > v.clientWidth ? ' (cut off)' : ''}`;
      }),
    );
  expect(labels).toEqual([
    '合计（10 条）',
    '实缴出资合计（4 笔）',
    '收益分配合计（1 笔）',
    '管理费合计（5 笔）',
    '净额',
  ]);
  await expect(pinnedCell(flows, '净额', 'note')).toHaveText('收益分配 − 实缴出资 − 管理费');
  await expect(flows.locator('.ag-header-cell[col-id="fund_id"]')).toHaveCount(0);

  // A capital call keyed in here belongs to this fund; 实缴 and 出资进度 follow.
  await flows
    .locator('.ag-cell')
    .first()
    .click({ position: { x: 3, y: 3 } });
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: '新增现金流' });
  await expect(dialog.locator('[data-field="date"]')).toBeFocused();
  await page.keyboard.type('2026-01-10');
  await page.keyboard.press('Tab');
  await page.keyboard.type('实缴');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1500万');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expectCount(flows, 'date', 11, '条');
  await expect(page.getByTestId('kpi-paid-in')).toContainText('1.5000 亿元');
  await expect(page.getByTestId('kpi-paid-in')).toContainText('出资进度 100.0%');

  // 返投 recognitions of the fund, with their total.
  await page.getByRole('tab', { name: '返投认定（5）' }).click();
  await expect(page.getByTestId('reinvest-table').locator('.ant-table-row')).toHaveCount(5);
  await expect(page.getByTestId('kpi-reinvest')).toContainText(
    (await page.getByTestId('reinvest-total').textContent()) ?? 'x',
  );
});

test('企业详情 from an investment row: investments, landed projects, financing deals and 返投 of the enterprise', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/investments', 'investments');
  await search(page, '深圳市星川储能科技有限公司');
  await expectCount(grid, 'fund_id', 1, '笔');
  await bodyRows(grid).first().locator('[col-id="enterprise_id"] a').click();
  await expect(page.getByTestId('detail-title')).toHaveText('深圳市星川储能科技有限公司');
  await expect(page.getByTestId('kpi-invested')).toContainText('7,300.00 万元');
  await expect(page.getByTestId('kpi-invested')).toContainText('1 笔，来自 1 只基金');
  await page.getByRole('tab', { name: '融资对接（3）' }).click();
  const deals = page.getByTestId('grid-enterprise-detail-financing-deals');
  await expectCount(deals, 'institution_id', 3, '条');
  await page.getByRole('tab', { name: '返投认定（1）' }).click();
  await expect(page.getByTestId('reinvest-total')).toHaveText('7,300.00');

  // Back to the ledger, and Alt+Enter opens the selected row's enterprise from the enterprises grid.
  const ents = await openLedger(page, app.url, '/enterprises', 'enterprises');
  await search(page, '铂益动力');
  await expectCount(ents, 'name', 1, '家');
  await bodyRows(ents).first().locator('[col-id="uscc"]').click();
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByTestId('detail-title')).toHaveText('深圳市铂益动力系统有限公司');
});
