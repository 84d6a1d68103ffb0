import type { Locator, Page } from '@playwright/test';
import { bodyRows, cell, expect, rowWith, totalCell } from './fixtures';

/** Open a ledger page by its route and wait for its rows. */
export async function openLedger(page: Page, url: string, route: string, gridId: string, empty = false) {
  await page.goto(`${url}#${route}`);
  const grid = page.getByTestId(`grid-${gridId}`);
  if (!empty) await expect(bodyRows(grid).first()).toBeVisible();
  return grid;
}

/** The count in the totals row, e.g. 合计（139 条） → 139. */
export async function totalCount(grid: Locator, firstCol: string): Promise<number> {
  const t = (await totalCell(grid, firstCol).textContent()) ?? '';
  const m = /合计（(\d+)/.exec(t);
  if (!m) throw new Error(`合计行读不出数量：${t}`);
  return Number(m[1]);
}

export async function expectCount(grid: Locator, firstCol: string, n: number, word: string) {
  await expect(totalCell(grid, firstCol)).toHaveText(new RegExp(`^合计（${n} ${word}）`));
}

/** The body row holding `text`, and one of its cells. */
export async function rowCell(grid: Locator, text: string, colId: string) {
  const row = rowWith(grid, text);
  await expect(row).toBeVisible();
  const idx = Number(await row.getAttribute('row-index'));
  return cell(grid, idx, colId);
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

/** Select a row (click a read-only spot of it: its first cell), press Delete, confirm; then Ctrl+Z. */
export async function deleteThenUndo(page: Page, grid: Locator, text: string, firstCol: string) {
  const c = await rowCell(grid, text, firstCol);
  await c.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '删除', exact: true }).first().click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.locator('.ant-message')).toContainText('可按 Ctrl+Z 撤销');
  await expect(rowWith(grid, text)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.ant-message')).toContainText('已撤销删除');
  await expect(rowWith(grid, text)).toBeVisible();
}
