// Money columns show their largest figure whole in every unit (grid/moneyWidths.ts): at 元 a total is three
// digits longer than at 万元, and at the columns' first width it was cut off (the whole text only on hover).
import type { Locator } from '@playwright/test';
import { expect, test, totalCell } from './fixtures';
import { dragColumnEdge, openLedger } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

const MONEY = ['amount_fen', 'post_money_fen', 'exit_proceeds_fen', 'current_value_fen'];

/** The money cells drawn (rows and totals) whose text is cut off by their column's width. */
function cutOff(grid: Locator) {
  return grid.evaluate((box, cols) => {
    const cut: string[] = [];
    for (const c of box.querySelectorAll<HTMLElement>('.ag-cell')) {
      if (!cols.includes(c.getAttribute('col-id') ?? '')) continue;
      const v = c.querySelector<HTMLElement>('.ag-cell-value') ?? c;
      if (v.scrollWidth > v.clientWidth) cut.push(`${c.getAttribute('col-id')}: ${v.textContent}`);
    }
    return cut;
  }, MONEY);
}

test('at 元 the largest figures show whole; a column the user made wider stays so', async ({ page, app }) => {
  const grid = await openLedger(page, app.url, '/investments', 'investments');
  const header = (col: string) => grid.locator(`.ag-header-cell[col-id="${col}"]`);
  expect(await cutOff(grid)).toEqual([]);

  // Widen 投后估值 by dragging its edge: a choice the unit switch must not undo.
  await dragColumnEdge(page, header('post_money_fen'), 160);
  const widened = (await header('post_money_fen').boundingBox())!.width;
  expect(widened).toBeGreaterThan(280);

  await page.getByTestId('unit-switch').getByText('元', { exact: true }).click();
  await expect(totalCell(grid, 'amount_fen')).toHaveText('4,563,000,000.00');
  await expect.poll(() => cutOff(grid)).toEqual([]);
  expect((await header('post_money_fen').boundingBox())!.width).toBeCloseTo(widened, 0);
});

test('a money column hidden while the unit changed shows its figures whole when shown again', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/investments', 'investments');
  const header = grid.locator('.ag-header-cell[col-id="amount_fen"]');
  await page.getByTestId('column-chooser').click();
  await page.getByTestId('show-col-amount_fen').click();
  await expect(header).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.getByTestId('unit-switch').getByText('元', { exact: true }).click();
  await page.getByTestId('column-chooser').click();
  await page.getByTestId('show-col-amount_fen').click();
  await page.keyboard.press('Escape');
  await expect(totalCell(grid, 'amount_fen')).toHaveText('4,563,000,000.00');
  await expect.poll(() => cutOff(grid)).toEqual([]);
});
