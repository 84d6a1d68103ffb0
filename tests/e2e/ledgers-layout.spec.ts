import type { Page } from '@playwright/test';
import { bodyRows, expect, pinnedCell, test } from './fixtures';
import { dragColumnEdge, expectCount, openLedger } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

/** The layout the app has stored for a grid (as the app reads it on the next start). */
async function stored(page: Page, gridId: string) {
  return page.evaluate(async (key) => {
    const token = document.querySelector('meta[name="funddesk-token"]')?.getAttribute('content') ?? '';
    const r = await fetch('/api/settings.get', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-funddesk-token': token },
      body: JSON.stringify({ key }),
    });
    return ((await r.json()) as { data: Record<string, unknown> | null }).data;
  }, `grid:${gridId}`);
}

test('现金流 grid remembers unit, sort, filter, hidden columns and widths across a restart', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  const header = (col: string) => grid.locator(`.ag-header-cell[col-id="${col}"]`);

  // Unit 元.
  await page.getByTestId('unit-switch').getByText('元', { exact: true }).click();
  await expect(header('amount_fen')).toContainText('金额（元）');
  // Sort by amount, largest first.
  await header('amount_fen').locator('.ag-header-cell-label').click();
  await header('amount_fen').locator('.ag-header-cell-label').click();
  // Filter 类型 = 管理费.
  await header('type').locator('.ag-header-cell-filter-button').click();
  await page.locator('.ag-filter-body input').first().fill('管理费');
  await expectCount(grid, 'fund_id', 75, '条');
  await page.keyboard.press('Escape');
  // Hide 通知书/单据编号.
  await page.getByTestId('column-chooser').click();
  await page.getByTestId('show-col-doc_no').click();
  await expect(header('doc_no')).toHaveCount(0);
  await page.keyboard.press('Escape');
  // Widen 日期 by dragging its edge.
  const before = (await header('date').boundingBox())!;
  await dragColumnEdge(page, header('date'), 80);
  await expect
    .poll(async () => (await header('date').boundingBox())!.width)
    .toBeGreaterThan(before.width + 60);

  // Saved in the database…
  await expect
    .poll(async () => {
      const l = await stored(page, 'cash-flows');
      const cols = (l?.columns ?? []) as { colId: string; sort?: string; hide?: boolean; width?: number }[];
      return [
        l?.unit,
        cols.find((c) => c.colId === 'amount_fen')?.sort,
        cols.find((c) => c.colId === 'doc_no')?.hide,
        Object.keys((l?.filter ?? {}) as object).join(),
        (cols.find((c) => c.colId === 'date')?.width ?? 0) > before.width + 60,
      ].join('|');
    })
    .toBe('yuan|desc|true|type|true');

  // …and there after a restart of the page.
  await page.reload();
  await expect(header('amount_fen')).toContainText('金额（元）');
  await expectCount(grid, 'fund_id', 75, '条');
  // Filtered to 管理费: its own 合计 (types are totalled apart).
  await expect(pinnedCell(grid, '管理费合计', 'amount_fen')).toHaveText('205,190,000.00');
  await expect(bodyRows(grid).first().locator('[col-id="amount_fen"]')).toHaveText('6,000,000.00');
  await expect(header('amount_fen')).toHaveAttribute('aria-sort', 'descending');
  await expect(header('doc_no')).toHaveCount(0);
  expect((await header('date').boundingBox())!.width).toBeGreaterThan(before.width + 60);
});

test('投资 grid sorts names in pinyin order and amounts by value, both ways', async ({ page, app }) => {
  const grid = await openLedger(page, app.url, '/investments', 'investments');
  const header = (col: string) => grid.locator(`.ag-header-cell[col-id="${col}"] .ag-header-cell-label`);
  // The first n rows as shown, top to bottom (the grid moves its row elements, it does not reorder them).
  const column = async (col: string, n = 8) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++)
      out.push(
        (
          (await bodyRows(grid)
            .and(grid.locator(`[row-index="${i}"]`))
            .locator(`[col-id="${col}"]`)
            .textContent()) ?? ''
        ).trim(),
      );
    return out;
  };
  const zh = new Intl.Collator('zh-CN');
  const amount = (t: string) => (t === '' ? Number.NEGATIVE_INFINITY : Number(t.replaceAll(',', '')));

  // 被投企业 ascending: pinyin order, as a Chinese user reads a name list.
  await header('enterprise_id').click();
  await expect(grid.locator('.ag-header-cell[col-id="enterprise_id"]')).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  const up = await column('enterprise_id');
  expect(up.length).toBeGreaterThan(5);
  expect([...up].sort(zh.compare)).toEqual(up);
  // Descending: the reverse order.
  await header('enterprise_id').click();
  await expect(grid.locator('.ag-header-cell[col-id="enterprise_id"]')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const down = await column('enterprise_id');
  expect([...down].sort(zh.compare).reverse()).toEqual(down);

  // 投资金额, largest first then smallest first (the grid's money text, in 万元).
  await header('amount_fen').click();
  const small = (await column('amount_fen')).map(amount);
  expect([...small].sort((a, b) => a - b)).toEqual(small);
  await header('amount_fen').click();
  const large = (await column('amount_fen')).map(amount);
  expect([...large].sort((a, b) => b - a)).toEqual(large);
  expect(large[0]).toBeGreaterThan(small[0]!);
});

test('a search typed just before a reload is still there after it', async ({ page, app }) => {
  const grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  const box = page.getByPlaceholder('快速搜索（名称、代码、金额…）');
  await box.fill('管理费');
  await expectCount(grid, 'fund_id', 75, '条');
  // At once: the layout is written 400 ms after its last change, or as the page goes.
  await page.reload();
  await expect(box).toHaveValue('管理费');
  await expectCount(grid, 'fund_id', 75, '条');
  expect((await stored(page, 'cash-flows'))?.quick).toBe('管理费');
});
