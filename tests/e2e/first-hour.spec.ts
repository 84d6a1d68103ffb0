// A fund manager's first hour (issue #14): what a new user tripped over, walked through as that user.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { bodyRows, expect, openSection, pinnedCell, runCli, test, totalCell } from './fixtures';
import { openLedger } from './ledgers-kit';

test.describe.configure({ timeout: 300_000 });

/** English words of a framework or the OS that a user must not meet. */
const ENGLISH = /\b(Error|undefined|null|NaN|Unknown|Invalid|failed|Cannot)\b/;

test('a refused cell edit says why at the cell, keeps the typed text, and Esc restores the old value', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/direct-funds', 'direct-funds');
  const first = bodyRows(grid).first();
  const id = await first.getAttribute('row-id');
  const at = (col: string) =>
    grid.locator(`.ag-grid-scrolling-container .ag-row[row-id="${id}"] [col-id="${col}"]`);

  // Typing checks: amounts, dates. The message is visible (not clipped by the cell), the input marked.
  for (const [col, text] of [
    ['total_size_fen', 'abc'],
    ['total_size_fen', '-2亿'],
    ['invest_end_date', '2023-02-30'],
  ] as const) {
    const before = (await at(col).textContent()) ?? '';
    await at(col).click();
    await page.keyboard.press('Enter');
    const input = at(col).locator('input');
    await input.fill(text);
    await input.press('Enter');
    const msg = page.getByTestId('cell-editor-error');
    await expect(msg).toBeVisible();
    await expect(msg).toHaveText(/[\u4e00-\u9fff]/);
    await expect(msg).not.toHaveText(ENGLISH);
    // Really on screen: its box has a size and lies inside the window.
    const box = await msg.boundingBox();
    expect(box && box.height > 10 && box.width > 50).toBe(true);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveValue(text);
    await input.press('Escape');
    await expect(at(col).locator('input')).toHaveCount(0);
    await expect(at(col)).toHaveText(before);
    await expect(msg).toHaveCount(0);
  }

  // A value the database refuses (a rule across fields): toast, and the cell opens again with the text.
  const before = (await at('invest_end_date').textContent()) ?? '';
  await at('invest_end_date').click();
  await page.keyboard.press('Enter');
  await at('invest_end_date').locator('input').fill('1990-01-01');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-message')).toContainText('未保存');
  const again = at('invest_end_date').locator('input');
  await expect(again).toHaveValue('1990-01-01');
  await expect(again).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('cell-editor-error')).toContainText('投资期结束日应晚于成立日期');
  await again.press('Escape');
  await expect(at('invest_end_date')).toHaveText(before);
  await expect(at('invest_end_date')).not.toHaveClass(/fd-cell-error/);
});

test('the add form warns when 其他LP认缴 is left empty (it still changes a figure), and saves', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/direct-funds', 'direct-funds');
  await page.getByRole('button', { name: '新增直投基金' }).click();
  const dialog = page.getByRole('dialog', { name: '新增直投基金' });
  await dialog.locator('[data-field="name"]').fill('深圳坪山首小时测试直投基金合伙企业（有限合伙）');
  await dialog.locator('[data-field="total_size_fen"]').fill('1亿');
  await dialog.locator('[data-field="guidance_commitment_fen"]').fill('3000万');
  // Said under the fields before saving, and again when saved with them empty.
  await expect(dialog.getByText('留空按 0 计入出资结构与放大倍数')).toBeVisible();
  await expect(dialog.getByText('留空按 0 计入“撬动集体资产”')).toBeVisible();
  await dialog.getByTestId('add-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('其他LP认缴、集体资产出资未填写，已按 0 计');
  await expect(bodyRows(grid).filter({ hasText: '首小时测试直投基金' })).toHaveCount(1);
});

test('the cash-flow ledger totals each type apart, and the net', async ({ page, app }) => {
  const grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  // The sum of calls, distributions and fees together is not shown.
  await expect(totalCell(grid, 'amount_fen')).toHaveText('');
  for (const label of ['实缴出资合计', '收益分配合计', '管理费合计']) {
    await expect(pinnedCell(grid, label, 'amount_fen')).toHaveText(/^[\d,]+\.\d{2}$/);
  }
  const num = async (label: string) =>
    Number(((await pinnedCell(grid, label, 'amount_fen').textContent()) ?? '').replace(/,/g, ''));
  const net = await num('净额');
  const expected = (await num('收益分配合计')) - (await num('实缴出资合计')) - (await num('管理费合计'));
  expect(Math.abs(net - expected)).toBeLessThan(0.011);
});

test('数据库信息 names the structure version in Chinese; the menu keeps its logo in view', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 480 });
  await page.goto(app.url);
  await openSection(page, '数据库信息');
  await expect(page.getByTestId('schema-version')).toHaveText(/^第 \d+ 版：[\u4e00-\u9fff]/);
  await expect(page.getByTestId('schema-version')).not.toContainText('_');

  // Scroll the menu to its end: the logo is still on screen.
  await page.locator('.fd-sider .ant-menu').evaluate((m) => {
    m.scrollTop = m.scrollHeight;
  });
  await page.locator('.ant-menu-item', { hasText: '数据库信息' }).scrollIntoViewIfNeeded();
  await expect(page.locator('.fd-brand')).toBeInViewport();
  await expect(page.locator('.ant-menu-item', { hasText: '数据库信息' })).toBeInViewport();
});

test('a port in use is said in Chinese with the fix', async ({ app }) => {
  const busy = createServer();
  await new Promise<void>((ok) => busy.listen(0, '127.0.0.1', ok));
  const port = (busy.address() as { port: number }).port;
  try {
    const r = await runCli(['serve', '--db', app.dbPath, '--port', String(port)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`端口 ${port} 已被占用`);
    expect(r.err).toContain('--port');
    expect(r.err).not.toMatch(/EADDRINUSE|listen/);
  } finally {
    busy.close();
  }
});

test('walk: every menu entry opens without an error; each report exports', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  const entries = await page.locator('.fd-sider .ant-menu-item').allTextContents();
  expect(entries.length).toBeGreaterThan(15);
  for (const label of entries) {
    await openSection(page, label);
    await expect(page.locator('.fd-header')).toContainText(label);
    await expect(page.locator('.ant-alert-error')).toHaveCount(0);
    const text = (await page.locator('.ant-layout-content').first().textContent()) ?? '';
    expect(text, label).not.toMatch(/\b(undefined|NaN|\[object Object\])\b/);
    // Reports export as a user would: each format downloads a file.
    if (await page.getByTestId('export-csv').isVisible()) {
      if (await page.getByTestId('export-csv').isDisabled()) continue;
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByTestId('export-csv').click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.length, label).toBeGreaterThan(50);
      // No section twice (the overview had 核心指标 twice).
      expect(csv.split(/\r?\n/).filter((l) => l.replace(/"/g, '') === '核心指标').length).toBeLessThanOrEqual(
        1,
      );
    }
  }
  expect(errors).toEqual([]);
});
