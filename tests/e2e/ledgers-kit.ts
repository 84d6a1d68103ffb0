import type { Locator, Page } from '@playwright/test';
import { bodyRows, dialogOpened, expect, rowWith, totalCell } from './fixtures';

/** Widen a column by dragging its header's right edge `dx` pixels, as a user does. */
export async function dragColumnEdge(page: Page, header: Locator, dx: number) {
  const h = (await header.locator('.ag-header-cell-resize').boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2 + dx, h.y + h.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Open a ledger page by its route and wait for its rows. */
export async function openLedger(page: Page, url: string, route: string, gridId: string, empty = false) {
  await page.goto(`${url}#${route}`);
  const grid = page.getByTestId(`grid-${gridId}`);
  if (!empty) await expect(bodyRows(grid).first()).toBeVisible({ timeout: 60_000 });
  // A long ledger shows its first rows at once and the rest right after, the totals row saying
  // 合计（正在载入全部行…） meanwhile: wait, as a user would, until every row is there.
  await expect(grid.locator('.ag-grid-pinned-bottom-rows-container')).not.toContainText('正在载入', {
    timeout: 60_000,
  });
  return grid;
}

/** The count in the totals row, e.g. 合计（139 条） → 139. */
export async function totalCount(grid: Locator, firstCol: string): Promise<number> {
  await expect(totalCell(grid, firstCol)).toHaveText(/^合计（\d+/, { timeout: 60_000 });
  const t = (await totalCell(grid, firstCol).textContent()) ?? '';
  const m = /合计（(\d+)/.exec(t);
  if (!m) throw new Error(`合计行读不出数量：${t}`);
  return Number(m[1]);
}

export async function expectCount(grid: Locator, firstCol: string, n: number, word: string) {
  await expect(totalCell(grid, firstCol)).toHaveText(new RegExp(`^合计（${n} ${word}）`));
}

/**
 * Scroll a grid sideways until the column `colId` is drawn, as a user drags the grid's scrollbar: the grid
 * draws only the columns in view (column virtualisation), so a cell of a column off to the right is not in
 * the page until then.
 */
export async function showColumn(grid: Locator, colId: string) {
  const header = grid.locator(`.ag-header-cell[col-id="${colId}"]`);
  const viewport = grid.locator('.ag-grid-viewport').first();
  for (let step = 0; step < 40 && (await header.count()) === 0; step++) {
    const moved = await viewport.evaluate((el, fromStart) => {
      const before = el.scrollLeft;
      el.scrollLeft = fromStart ? 0 : before + el.clientWidth / 2;
      return fromStart || el.scrollLeft !== before;
    }, step === 0);
    // The grid draws the columns scrolled into view in its next frames.
    await viewport.evaluate(
      () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))),
    );
    if (!moved) break;
  }
  await expect(header).toHaveCount(1);
}

/** The body row holding `text`, and one of its cells (its column scrolled into view). */
export async function rowCell(grid: Locator, text: string, colId: string) {
  const row = rowWith(grid, text);
  await expect(row).toBeVisible();
  const id = await row.getAttribute('row-id');
  await showColumn(grid, colId);
  return grid.locator(`.ag-grid-scrolling-container .ag-row[row-id="${id}"] [col-id="${colId}"]`);
}

/** Edit a cell by typing (Enter starts and ends the edit, as a keyboard user does). */
export async function typeInCell(page: Page, target: Locator, text: string) {
  await target.click();
  await page.keyboard.press('Enter');
  const input = target.locator('input, textarea').first();
  await expect(input).toBeVisible();
  await input.fill(text);
  await input.press('Enter');
}

/** Pick an option of an antd Select in the add form by typing part of its label and pressing Enter. */
export async function choose(dialog: Locator, field: string, text: string) {
  const sel = dialog.locator(`[data-field="${field}"]`).first();
  await sel.click();
  await sel.page().keyboard.type(text);
  await sel.page().keyboard.press('Enter');
}

/**
 * Press 删除 in the delete confirm once it has finished opening (dialogOpened), and wait until it has closed
 * (the record stored as deleted).
 */
export async function confirmDelete(page: Page) {
  const confirm = page.locator('.ant-modal-confirm');
  await dialogOpened(confirm);
  await confirm.getByRole('button', { name: /删\s*除/ }).click();
  await expect(confirm).toBeHidden();
}

/** Select a row (click a read-only spot of it: its first cell), press Delete, confirm; then Ctrl+Z. */
export async function deleteThenUndo(page: Page, grid: Locator, text: string, firstCol: string) {
  const c = await rowCell(grid, text, firstCol);
  await c.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '删除', exact: true }).first().click();
  await confirmDelete(page);
  await expect(page.locator('.ant-message')).toContainText('可按 Ctrl+Z 撤销');
  await expect(rowWith(grid, text)).toHaveCount(0);
  // Ctrl+Z belongs to the grid when the caret is not in a text box (where it undoes typing).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect(page.locator('.ant-message')).toContainText('已撤销删除');
  await expect(rowWith(grid, text)).toBeVisible();
}

export interface LedgerCase {
  route: string;
  gridId: string;
  /** The noun of the 新增… button. */
  noun: string;
  /** Column holding the totals row label, and its measure word. */
  first: string;
  word: string;
  /** Add form: text typed into inputs, and options picked by typing part of their label. */
  type: Record<string, string>;
  choose?: Record<string, string>;
  /** Unique text of the new row (to find it), and cells to check after adding. */
  key: string;
  shows: Record<string, string>;
  edit: { col: string; text: string; shows: string };
  /** A bad value typed into a cell, and the Chinese message that refuses it. */
  bad: { col: string; text: string; message: string | RegExp };
}

/** Narrow the grid to the rows holding `text` with the quick search. */
export async function search(page: Page, text: string) {
  const box = page.getByPlaceholder('快速搜索（名称、代码、金额…）');
  await box.fill(text);
  await expect(box).toHaveValue(text);
}

/**
 * Open a ledger, note its count, open 新增… and fill the form (options picked first, then the typed fields);
 * returns the grid, the count before, and the dialog, not yet saved.
 */
export async function openAddForm(
  page: Page,
  url: string,
  c: Pick<LedgerCase, 'route' | 'gridId' | 'noun' | 'first' | 'type' | 'choose'>,
) {
  const grid = await openLedger(page, url, c.route, c.gridId);
  const n = await totalCount(grid, c.first);
  await page.getByRole('button', { name: `新增${c.noun}` }).click();
  const dialog = page.getByRole('dialog', { name: `新增${c.noun}` });
  await expect(dialog).toBeVisible();
  for (const [field, text] of Object.entries(c.choose ?? {})) await choose(dialog, field, text);
  for (const [field, text] of Object.entries(c.type))
    await dialog.locator(`[data-field="${field}"]`).fill(text);
  return { grid, n, dialog };
}

/** Add with the form, edit in a cell, refuse a bad value, survive a reload, delete then undo. */
export async function roundTrip(page: Page, url: string, c: LedgerCase) {
  // Add.
  const { grid, n, dialog } = await openAddForm(page, url, c);
  await dialog.getByTestId('add-save').click();
  await expect(dialog).toBeHidden();
  await expectCount(grid, c.first, n + 1, c.word);

  // The quick search finds it; its cells show what was keyed in.
  await search(page, c.key);
  await expectCount(grid, c.first, 1, c.word);
  await expect(bodyRows(grid)).toHaveCount(1);
  const id = await bodyRows(grid).first().getAttribute('row-id');
  // A cell of that row, its column scrolled into view first (the grid draws only the columns in view).
  const at = async (col: string) => {
    await showColumn(grid, col);
    return grid.locator(`.ag-grid-scrolling-container .ag-row[row-id="${id}"] [col-id="${col}"]`);
  };
  for (const [col, text] of Object.entries(c.shows)) await expect(await at(col)).toHaveText(text);

  // Edit in the cell.
  await typeInCell(page, await at(c.edit.col), c.edit.text);
  await expect(await at(c.edit.col)).toHaveText(c.edit.shows);

  // A bad value is refused with a Chinese message; the stored value stays.
  await typeInCell(page, await at(c.bad.col), c.bad.text);
  await expect(page.getByText(c.bad.message).first()).toBeVisible();
  await page.keyboard.press('Escape');

  // After a reload (the quick search is remembered), the edit is there and the bad value is not.
  await page.reload();
  await expect(page.getByPlaceholder('快速搜索（名称、代码、金额…）')).toHaveValue(c.key);
  await expectCount(grid, c.first, 1, c.word);
  await expect(await at(c.edit.col)).toHaveText(c.edit.shows);
  await expect(await at(c.bad.col)).not.toHaveText(c.bad.text);

  // Delete with the keyboard, then undo with Ctrl+Z: the record comes back whole.
  const kept = (await (await at(c.bad.col)).textContent()) ?? '';
  await (await at(c.bad.col)).click({ position: { x: 3, y: 3 } });
  await page.keyboard.press('Delete');
  await confirmDelete(page);
  await expectCount(grid, c.first, 0, c.word);
  // Ctrl+Z belongs to the grid when the caret is not in a text box (where it undoes typing).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect(page.locator('.ant-message')).toContainText('已撤销删除');
  await expectCount(grid, c.first, 1, c.word);
  await expect(await at(c.bad.col)).toHaveText(kept);
  await expect(await at(c.edit.col)).toHaveText(c.edit.shows);
  return { grid, at };
}
