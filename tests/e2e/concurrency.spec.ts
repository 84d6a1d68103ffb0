import { expect, startServer, test } from './fixtures';
import { expectCount, openLedger, search, typeInCell } from './ledgers-kit';

test.describe.configure({ timeout: 300_000 });

const FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';

/**
 * Two people at once (#17): 张三 in this app, 李四 in a second `funddesk serve` (its own data host and
 * connection) on the same database file. 张三's edit of a row 李四 has changed meanwhile is refused, naming
 * 李四, and the grid shows 李四's value; the change notice waits while 张三 edits, then names 李四;
 * 操作记录 shows and filters by user.
 */
test('a stale edit is refused naming who changed the row; the audit log filters by user', async ({
  page,
  context,
  app,
}) => {
  // 设置 › 用户: 张三 (kept by this installation, not in the database).
  await page.goto(`${app.url}#/settings?tab=user`);
  await page.getByTestId('user-name-input').fill('张三');
  await page.getByTestId('user-name-save').click();
  await expect(page.locator('.ant-message')).toContainText('操作记录将以“张三”记录您的修改');

  const grid = await openLedger(page, app.url, '/sub-funds', 'sub-funds');
  await search(page, FUND);
  await expectCount(grid, 'name', 1, '只');
  const size = grid.locator('.ag-grid-scrolling-container .ag-row [col-id="total_size_fen"]');

  // 张三 starts typing 15亿 into the size (10亿 on screen); meanwhile 李四, in another app on the same file,
  // changes it to 12亿.
  await size.click();
  await page.keyboard.press('Enter');
  const input = size.locator('input').first();
  await input.fill('15亿');
  process.env.FUNDDESK_USER = '李四';
  const other = await startServer(app.dbPath).finally(() => {
    delete process.env.FUNDDESK_USER;
  });
  try {
    const page2 = await context.newPage();
    const grid2 = await openLedger(page2, other.url, '/sub-funds', 'sub-funds');
    await search(page2, FUND);
    await expectCount(grid2, 'name', 1, '只');
    const size2 = grid2.locator('.ag-grid-scrolling-container .ag-row [col-id="total_size_fen"]');
    await typeInCell(page2, size2, '12亿');
    await expect(size2).toHaveText('12.0000');
    await page2.close();
  } finally {
    other.proc.kill('SIGTERM');
  }

  // The change notice looks every 5 s; it waits while 张三 edits: the cell keeps what he typed.
  await page.waitForTimeout(7_000);
  await expect(input).toHaveValue('15亿');
  await input.press('Enter');
  await expect(page.locator('.ant-message')).toContainText(
    /该记录已被 李四 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改，已显示最新内容；您的修改未保存/,
  );
  await expect(size).toHaveText('12.0000');
  // After the edit, the refresh: other people's changes are named.
  await expect(page.locator('.ant-notification')).toContainText('李四 修改了 基金 1 条', { timeout: 20_000 });
  // Now on the current row, 张三's edit is saved.
  await typeInCell(page, size, '15亿');
  await expect(size).toHaveText('15.0000');

  // 操作记录: who made each change, and a filter by user.
  await page.goto(`${app.url}#/audit`);
  await expect(page.getByTestId('audit-total')).toHaveText('共 2 条记录');
  const rows = page.getByTestId('audit-table').locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.nth(0)).toContainText('张三');
  await expect(rows.nth(0)).toContainText('120,000.00万元 → 150,000.00万元');
  await expect(rows.nth(1)).toContainText('李四');
  await page.getByTestId('audit-user').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '李四' }).click();
  await expect(page.getByTestId('audit-total')).toHaveText('共 1 条记录');
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('100,000.00万元 → 120,000.00万元');
  // The name stays this installation's choice.
  await page.goto(`${app.url}#/settings?tab=user`);
  await expect(page.getByTestId('user-name-input')).toHaveValue('张三');
});

test('设置 › 用户: a name typed before the current one has arrived is kept and saved', async ({
  page,
  app,
}) => {
  // The current name (session.user) arrives late, after the user has already typed.
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route('**/api/session.user', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${app.url}#/settings?tab=user`);
  const input = page.getByTestId('user-name-input');
  await input.fill('王五');
  const arrived = page.waitForResponse('**/api/session.user');
  release();
  await arrived;
  await expect(input).toHaveValue('王五');
  await page.getByTestId('user-name-save').click();
  await expect(page.locator('.ant-message')).toContainText('操作记录将以“王五”记录您的修改');
  await expect(input).toHaveValue('王五');
});
