// A page left from the menu (App.tsx PageView, lib/leavingPages.ts): it leaves the screen and the document at
// once, while its teardown waits until the app is idle. What a user sees must not change: no text of the
// page left is found any more, a page opened again right away is whole (rows, charts), and keys act on the
// grid on screen only.
import { bodyRows, expect, openSection, test } from './fixtures';
import { expectCount, openLedger } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

test('总览 left for 现金流 is gone at once, and whole again when opened right back', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByTestId('brief')).toBeVisible({ timeout: 60_000 });
  const charts = page.locator('[data-testid^="chart-"] canvas');
  await expect(charts.first()).toBeVisible();
  const chartCount = await charts.count();

  await openSection(page, '现金流');
  const grid = page.getByTestId('grid-cash-flows');
  await expect(bodyRows(grid).first()).toBeVisible({ timeout: 60_000 });
  // The moment its rows show, nothing of 总览 is left in the page for a user (or a strict locator) to find,
  // hidden or not: counted at once, not waited for.
  expect(await page.getByTestId('brief').count()).toBe(0);
  expect(await page.locator('[data-testid^="chart-"]').count()).toBe(0);
  expect(await page.getByText('情况简报').count()).toBe(0);

  // Straight back: its brief and every chart, drawn at their size.
  await openSection(page, '引导基金总览');
  await expect(page.getByTestId('brief')).toBeVisible();
  await expect(charts).toHaveCount(chartCount);
  const box = await charts.first().boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(100);
  expect(box?.height ?? 0).toBeGreaterThan(100);
  // 现金流, the ledger last used, may stay prepared beside it (App.tsx PageView): hidden, never on screen.
  await expect(page.getByTestId('grid-cash-flows')).not.toBeVisible();
});

test('a ledger left for another: its grid is gone at once and Ctrl+N adds to the one on screen', async ({
  page,
  app,
}) => {
  await openLedger(page, app.url, '/investments', 'investments');
  await openSection(page, '现金流');
  const grid = page.getByTestId('grid-cash-flows');
  await expect(bodyRows(grid).first()).toBeVisible({ timeout: 60_000 });
  expect(await page.getByTestId('grid-investments').count()).toBe(0);
  await expectCount(grid, 'fund_id', 139, '条');

  await grid.locator('.ag-cell').first().focus();
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('dialog', { name: '新增现金流' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // 投资 again right away: its rows, its grid alone.
  await openSection(page, '投资');
  await expect(bodyRows(page.getByTestId('grid-investments')).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('grid-cash-flows')).toHaveCount(0);
  await expectCount(page.getByTestId('grid-investments'), 'fund_id', 106, '笔');
});

test('a dialog open as its page is left (the window menu navigates) closes with the page', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  await grid.locator('.ag-cell').first().focus();
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('dialog', { name: '新增现金流' })).toBeVisible();
  // The Electron menu's routes arrive as a route change, whatever is open (lib/router.ts).
  await page.evaluate(() => {
    location.hash = '#/investments';
  });
  await expect(bodyRows(page.getByTestId('grid-investments')).first()).toBeVisible({ timeout: 60_000 });
  expect(await page.getByRole('dialog', { name: '新增现金流' }).count()).toBe(0);
});

test('a page taken out of the document is not told its size is 0; put back, its size is reported', async ({
  page,
  app,
}) => {
  // lib/detachedResizes.ts: the grids of a page left reacted to that 0 inside the next page's first frames.
  await page.goto(app.url);
  await expect(page.getByTestId('brief')).toBeVisible({ timeout: 60_000 });
  const widths = await page.evaluate(async () => {
    const box = document.createElement('div');
    box.style.width = '120px';
    box.style.height = '30px';
    document.body.appendChild(box);
    const seen: number[] = [];
    const observer = new ResizeObserver((entries) => {
      for (const e of entries) seen.push(Math.round(e.contentRect.width));
    });
    observer.observe(box);
    const frames = () =>
      new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0))));
    await frames();
    box.remove();
    await frames();
    box.style.width = '200px';
    document.body.appendChild(box);
    await frames();
    observer.disconnect();
    box.remove();
    return seen;
  });
  expect(widths).toEqual([120, 200]);
});
