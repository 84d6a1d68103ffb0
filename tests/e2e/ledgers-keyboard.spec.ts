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
