import { expect, rowWith, test } from './fixtures';
import { expectCount, openLedger, rowCell } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

test('a cash flow is keyed in with the keyboard alone (Ctrl+N, type, Tab, Enter)', async ({ page, app }) => {
  const grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  await expectCount(grid, 'fund_id', 139, '条');
  await grid.locator('.ag-cell').first().focus();

  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: '新增现金流' });
  await expect(dialog).toBeVisible();
  // 基金: type part of the name, Enter picks it.
  await expect(dialog.locator('[data-field="fund_id"] input')).toBeFocused();
  await page.keyboard.type('鹏储新型储能');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2025/6/30');
  await page.keyboard.press('Tab');
  // 类型: type to filter, Enter picks.
  await page.keyboard.type('实缴');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1,234.5万');
  await page.keyboard.press('Tab');
  await page.keyboard.type('PSXC-KB-001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('键盘录入');
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expectCount(grid, 'fund_id', 140, '条');
  await expect(await rowCell(grid, 'PSXC-KB-001', 'amount_fen')).toHaveText('1,234.50');
  await expect(await rowCell(grid, 'PSXC-KB-001', 'fund_id')).toContainText('鹏储新型储能');
  await expect(await rowCell(grid, 'PSXC-KB-001', 'type')).toHaveText('实缴出资');
  await expect(await rowCell(grid, 'PSXC-KB-001', 'date')).toHaveText('2025-06-30');

  // Ctrl+Enter saves and starts the next one, keeping the fund.
  await page.keyboard.press('Control+n');
  await expect(dialog.locator('[data-field="fund_id"] input')).toBeFocused();
  await page.keyboard.type('鹏储新型储能');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2025-07-01');
  await page.keyboard.press('Tab');
  await page.keyboard.type('管理费');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('50');
  await page.keyboard.press('Tab');
  await page.keyboard.type('PSXC-KB-002');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByText('本次已连续保存 1 条')).toBeVisible();
  await expect(dialog.locator('[data-field="fund_id"]')).toContainText('鹏储新型储能');
  await expect(dialog.locator('[data-field="fund_id"] input')).toBeFocused();
  await expect(dialog.locator('[data-field="date"]')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expectCount(grid, 'fund_id', 141, '条');
  await expect(rowWith(grid, 'PSXC-KB-002')).toBeVisible();
});

test('keys typed on a cell, all at once, edit it: none is lost while the editor opens', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  const amount = await rowCell(grid, 'PSXNY-JK2018-02', 'amount_fen');
  await expect(amount).toHaveText('4,500.00');

  // The first key opens the editor with it, and the editor is there and holds the focus before that key's
  // handling ends: keys typed right after it (a busy page may take them before it draws again) land in it.
  await amount.click();
  await page.evaluate(() => {
    window.addEventListener(
      'keydown',
      () => {
        const a = document.activeElement as HTMLInputElement | null;
        (window as { afterFirstKey?: string }).afterFirstKey =
          a?.tagName === 'INPUT' ? a.value : a?.className;
      },
      { once: true },
    );
  });
  await page.keyboard.type('4321');
  expect(await page.evaluate(() => (window as { afterFirstKey?: string }).afterFirstKey)).toBe('4');
  await expect(amount.locator('input')).toHaveValue('4321');
  await page.keyboard.press('Enter');
  await expect(amount).toHaveText('4,321.00');

  // A double click opens it with the old value; select-all and a bad amount typed right away are both in it.
  await amount.dblclick();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('12abc');
  await expect(amount.locator('input')).toHaveValue('12abc');
  await expect(page.getByTestId('cell-editor-error')).toContainText('无法识别的金额：12abc');
  await page.keyboard.press('Escape');
  await expect(amount).toHaveText('4,321.00');
});

test('a cash flow moved to another fund in the grid: Enter opens the picker, a typed name and Enter pick it', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  await (await rowCell(grid, 'PSXNY-JK2018-02', 'date')).click();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const picker = grid.locator('.ag-popup-editor').getByRole('combobox');
  await expect(picker).toBeFocused();
  await page.keyboard.type('鹏储');
  await expect(page.locator('.ant-select-item-option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(grid.locator('.ag-popup-editor')).toHaveCount(0);
  await expect(await rowCell(grid, 'PSXNY-JK2018-02', 'fund_id')).toContainText('深圳市鹏储新型储能');
  await page.reload();
  await expect(await rowCell(grid, 'PSXNY-JK2018-02', 'fund_id')).toContainText('深圳市鹏储新型储能');
});
