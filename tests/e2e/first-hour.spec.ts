// A fund manager's first hour (issue #14): what a new user tripped over, walked through as that user.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { bodyRows, expect, openSection, pinnedCell, runCli, test, totalCell } from './fixtures';
import { openLedger, showColumn } from './ledgers-kit';

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
    await showColumn(grid, col);
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
  await showColumn(grid, 'invest_end_date');
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

test('the quick search shows its whole hint, not cut off', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await openLedger(page, app.url, '/sub-funds', 'sub-funds');
  const box = page.getByPlaceholder('快速搜索（名称、代码、金额…）');
  await expect(box).toBeVisible();
  // The hint's width in the box's own font against the room the box gives it.
  const { need, room } = await box.evaluate((el: HTMLInputElement) => {
    const st = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${st.fontSize} ${st.fontFamily}`;
    const pad = Number.parseFloat(st.paddingLeft) + Number.parseFloat(st.paddingRight);
    return { need: ctx.measureText(el.placeholder).width, room: el.clientWidth - pad };
  });
  expect(need).toBeLessThanOrEqual(room);
});

test('审计日志 on a 1024-pixel window: the 变更内容 column keeps room for its title', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(`${app.url}#/audit`);
  const head = page.locator('.ant-table-thead th', { hasText: '变更内容' });
  await expect(head).toBeVisible();
  // One line of title (a squeezed column wrapped it to one character a line, 12 lines high).
  const box = await head.boundingBox();
  expect(box!.width).toBeGreaterThan(200);
  expect(box!.height).toBeLessThan(80);
});

/** The menu entries whose page offers an export; each is exported in every format it offers (below). */
const EXPORTING = [
  '引导基金总览',
  '子基金台账',
  '直投基金台账',
  '返投台账',
  '落地项目台账',
  '融资对接台账',
  '基金业绩',
  '单只基金报告',
  '年度报送',
  '年度评价',
  '评分表',
];
const FORMATS = ['xlsx', 'pdf', 'csv'] as const;
const ONE_FUND: Record<string, string> = {
  单只基金报告: '/reports/fund?id=15',
  评分表: '/evaluation/fund?id=15',
};

test('walk: every menu entry opens without an error in the page or the console', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(app.url);
  // allTextContents() does not wait: the menu is read once it is drawn.
  await expect(page.locator('.fd-sider .ant-menu-item').nth(15)).toBeVisible();
  const entries = await page.locator('.fd-sider .ant-menu-item').allTextContents();
  expect(entries.length).toBeGreaterThan(15);
  const exporting: string[] = [];
  for (const entry of entries) {
    // 提醒 carries its count in a badge (e.g. 24提醒): the page's title is the words.
    const label = entry.replace(/^\d+/, '');
    await openSection(page, label);
    await expect(page.locator('.fd-header h4')).toHaveText(label);
    await expect(page.locator('.ant-alert-error')).toHaveCount(0);
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 60_000 });
    const text = (await page.locator('.ant-layout-content').first().textContent()) ?? '';
    expect(text, label).not.toMatch(/\b(undefined|NaN|\[object Object\])\b/);
    expect(text, label).not.toMatch(ENGLISH);
    if (await page.getByTestId('export-xlsx').isVisible()) exporting.push(label);
  }
  // A page with an export that the test below does not export would go unchecked.
  expect(exporting).toEqual(EXPORTING);
  expect(errors).toEqual([]);
});

for (const label of EXPORTING) {
  test(`walk: ${label} exports every format it offers as a real file`, async ({ page, app }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    await openSection(page, label);
    // One fund's pages export once a fund is chosen (天使投资基金 here).
    if (ONE_FUND[label]) await page.goto(`${app.url}#${ONE_FUND[label]}`);
    await expect(page.getByTestId('export-xlsx')).toBeEnabled({ timeout: 60_000 });
    for (const format of FORMATS) {
      const button = page.getByTestId(`export-${format}`);
      if ((await button.count()) === 0) continue;
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        button.click(),
      ]);
      const bytes = readFileSync((await download.path())!);
      expect(download.suggestedFilename(), label).toMatch(new RegExp(`\\.${format}$`));
      expect(download.suggestedFilename(), label).toMatch(/[\u4e00-\u9fff]/);
      // Each kind of file as a reader would open it: a zip (xlsx), a PDF, a text with rows.
      if (format === 'xlsx') expect(bytes.subarray(0, 2).toString('latin1'), label).toBe('PK');
      if (format === 'pdf') expect(bytes.subarray(0, 5).toString('latin1'), label).toBe('%PDF-');
      if (format === 'csv') {
        const csv = bytes.toString('utf8');
        expect(csv.split(/\r?\n/).filter((l) => l.trim()).length, label).toBeGreaterThan(2);
        // No section twice (the overview had 核心指标 twice).
        const core = csv.split(/\r?\n/).filter((l) => l.replace(/"/g, '') === '核心指标');
        expect(core.length, label).toBeLessThanOrEqual(1);
      }
      expect(bytes.length, `${label} ${format}`).toBeGreaterThan(500);
      await expect(page.getByTestId('export-progress')).toBeHidden();
    }
    await expect(page.locator('.ant-message')).not.toContainText('导出失败');
    expect(errors).toEqual([]);
  });
}
