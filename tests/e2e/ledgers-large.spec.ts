import { apiCall, bodyRows, expect, test } from './fixtures';
import { expectCount, openLedger, roundTrip, search, totalCount } from './ledgers-kit';

// A large ledger's grid (#13): AG Grid's Infinite Row Model, blocks read from ledger.page. The demo's 投资 has
// 106 rows; lowering the threshold (localStorage funddesk:largeLedgerRows) makes it a large ledger here.
test.describe.configure({ timeout: 240_000 });
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('funddesk:largeLedgerRows', '10'));
});

test('投资 as a large ledger: count, sort, quick search and totals come from SQL', async ({ page, app }) => {
  const grid = await openLedger(page, app.url, '/investments', 'investments');
  // The grid knows every row without holding them.
  expect(await totalCount(grid, 'fund_id')).toBe(106);

  // Sort by 投资金额: row 0 holds the smallest amount going up, the largest going down (in 万元).
  const list = (
    (await apiCall(page, 'ledger.list', { entity: 'investment' })) as {
      data: Record<
        'amount_fen' | 'post_money_fen' | 'exit_proceeds_fen' | 'current_value_fen',
        number | null
      >[];
    }
  ).data;
  const amounts = list.map((r) => r.amount_fen as number);
  const wan = (fen: number) =>
    (fen / 1_000_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const header = grid.locator('.ag-header-cell[col-id="amount_fen"] .ag-header-cell-label');
  const row0 = grid.locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="amount_fen"]');
  await header.click();
  await expect(row0).toHaveText(wan(Math.min(...amounts)));
  await header.click();
  await expect(row0).toHaveText(wan(Math.max(...amounts)));

  // Quick search on an enterprise's name: the count and totals follow.
  await search(page, '铂益动力');
  await expect(bodyRows(grid).first()).toContainText('铂益动力');
  const found = await totalCount(grid, 'fund_id');
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(106);
  await expect(bodyRows(grid)).toHaveCount(found);
  await search(page, '');
  await expectCount(grid, 'fund_id', 106, '笔');

  // Quick search on an amount as the cells show it (万元, with its comma): found in SQL too.
  const typed = wan(Math.max(...amounts));
  await search(page, typed);
  await expect(
    bodyRows(grid)
      .locator('[col-id="amount_fen"]')
      .filter({ hasText: new RegExp(`^${typed.replace(/[.]/g, '\\.')}$`) }),
  ).toHaveCount(1);
  // Every money cell shown is searched: a valuation's text may hold the amount too.
  const money = ['amount_fen', 'post_money_fen', 'exit_proceeds_fen', 'current_value_fen'] as const;
  const byAmount = list.filter((r) =>
    money.some((f) => {
      const v = r[f];
      return typeof v === 'number' && wan(v).includes(typed);
    }),
  ).length;
  await expectCount(grid, 'fund_id', byAmount, '笔');
  await search(page, '');
  await expectCount(grid, 'fund_id', 106, '笔');
});

test('投资 as a large ledger: add, edit, refuse, delete then undo', async ({ page, app }) => {
  await roundTrip(page, app.url, {
    route: '/investments',
    gridId: 'investments',
    noun: '投资',
    first: 'fund_id',
    word: '笔',
    choose: { fund_id: '天使投资基金', enterprise_id: '铂益动力' },
    type: { date: '2025-03-01', amount_fen: '2000万', round: 'A轮', notes: 'E2E-INV-LARGE' },
    key: 'E2E-INV-LARGE',
    shows: { amount_fen: '2,000.00', enterprise_id: '深圳市铂益动力系统有限公司', status: '持有' },
    edit: { col: 'stake_pct', text: '5.5%', shows: '5.5%' },
    bad: { col: 'exit_date', text: '2024-01-01', message: '退出日期不能早于投资日期' },
  });
});
