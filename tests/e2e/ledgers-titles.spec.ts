import { bodyRows, expect, test } from './fixtures';
import { openLedger } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

// What a cell or header does not show in full is there on hover (the grid's tooltips are title attributes:
// LedgerGrid's enableBrowserTooltips, grid/cellTitles.ts).

test('投资 grid: a cell cut off by its width and a header give their full text on hover', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/investments', 'investments');
  const notes = bodyRows(grid).first().locator('[col-id="round"]');
  // Narrow 轮次 by dragging its edge, as a user would, until its text is cut off.
  const header = grid.locator('.ag-header-cell[col-id="round"]');
  const box = (await header.boundingBox())!;
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 30, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const text = ((await notes.textContent()) ?? '').trim();
  expect(text).not.toBe('');
  await expect
    .poll(() =>
      notes.evaluate((el) => {
        const v = el.querySelector<HTMLElement>('.ag-cell-value') ?? (el as HTMLElement);
        return v.scrollWidth > v.clientWidth;
      }),
    )
    .toBe(true);
  await notes.hover();
  await expect(notes).toHaveAttribute('title', text);
  // A cell shown in full gets no title.
  const date = bodyRows(grid).first().locator('[col-id="date"]');
  await date.hover();
  await expect(date).not.toHaveAttribute('title', /./);
  // A required column's header says so.
  await expect(grid.locator('.ag-header-cell[col-id="amount_fen"]')).toHaveAttribute('title', /（必填）/);
});
