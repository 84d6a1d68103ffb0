import { expect, type Locator } from '@playwright/test';
import { test } from './fixtures';
import { choose, expectCount, openLedger, totalCount } from './ledgers-kit';

test.describe.configure({ timeout: 180_000 });

/** The message shown under one field of the add form. */
const errorUnder = (dialog: Locator, field: string) =>
  dialog
    .locator('.ant-form-item')
    .filter({ has: dialog.page().locator(`[data-field="${field}"]`) })
    .locator('.ant-form-item-explain');

test('投资: the add form shows every mistake at once under its field; fixing them saves', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/investments', 'investments');
  const n = await totalCount(grid, 'fund_id');

  await page.getByRole('button', { name: '新增投资' }).click();
  const dialog = page.getByRole('dialog', { name: '新增投资' });
  await expect(dialog).toBeVisible();
  await choose(dialog, 'fund_id', '天使投资基金');
  await choose(dialog, 'enterprise_id', '铂益动力');
  // Three independent mistakes: an unreadable amount, an exit before the investment, and an exit date
  // while the status is still 持有.
  await dialog.locator('[data-field="date"]').fill('2025-03-01');
  await dialog.locator('[data-field="amount_fen"]').fill('两千万');
  await dialog.locator('[data-field="exit_date"]').fill('2024-01-01');
  await dialog.locator('[data-field="notes"]').fill('E2E-FORMERR-001');
  await dialog.getByTestId('add-save').click();

  await expect(errorUnder(dialog, 'amount_fen')).toContainText('无法识别的金额：两千万');
  await expect(errorUnder(dialog, 'exit_date')).toHaveText('退出日期不能早于投资日期');
  await expect(errorUnder(dialog, 'status')).toHaveText('已填写退出日期，状态应为“已退出”');
  await expect(dialog).toBeVisible();
  await expectCount(grid, 'fund_id', n, '笔');

  // Fix all three, save once: the record is stored and the form closes.
  await dialog.locator('[data-field="amount_fen"]').fill('2000万');
  await dialog.locator('[data-field="exit_date"]').fill('2025-06-30');
  await choose(dialog, 'status', '已退出');
  await dialog.getByTestId('add-save').click();
  await expect(dialog).toBeHidden();
  await expectCount(grid, 'fund_id', n + 1, '笔');
});
