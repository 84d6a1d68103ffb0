import { bodyRows, expect, pinnedCell, test, totalCell } from './fixtures';
import { expectCount, openLedger } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

const FUNDS = [
  '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）',
  '深圳市启航生物医药创业投资合伙企业（有限合伙）',
  '深圳坪山半导体与集成电路产业投资基金合伙企业（有限合伙）',
  '深圳市鹏储新型储能产业投资合伙企业(有限合伙)', // half-width brackets, as some sheets have them
  '深圳坪山天使投资基金合伙企业（有限合伙）',
];
const TYPES = ['实缴出资', '收益分配', '管理费'];
const BAD = new Set([10, 25, 40]);

/** Row i of the block: the amount as text (three spellings) and in fen. */
function amount(i: number): { text: string; fen: number } {
  if (i % 3 === 0) return { text: `${i * 10}万`, fen: i * 10 * 1_000_000 };
  if (i % 3 === 1)
    return { text: `${(1000 + i).toLocaleString('en-US')}.5`, fen: (1000 + i) * 1_000_000 + 500_000 };
  return { text: `0.${String(i).padStart(2, '0')}亿`, fen: i * 100_000_000 };
}

/** 50 rows as Excel copies them (header row, tabs, a quoted cell with a line break); rows 10, 25, 40 are bad. */
function block(): { tsv: string; goodFen: number; goodByType: Record<string, number> } {
  const lines = ['基金\t日期\t类型\t金额（万元）\t通知书/单据编号\t备注'];
  let goodFen = 0;
  const goodByType: Record<string, number> = { 实缴出资: 0, 收益分配: 0, 管理费: 0 };
  for (let i = 1; i <= 50; i++) {
    const a = amount(i);
    let fund = FUNDS[i % FUNDS.length]!;
    let date = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    let type = TYPES[i % 3]!;
    let text = a.text;
    if (i === 10) fund = '深圳不存在的产业投资基金合伙企业（有限合伙）';
    if (i === 25) date = '2026-02-30';
    if (i === 40) {
      // The same flow as one already in the ledger.
      fund = FUNDS[0]!;
      date = '2016/12/20';
      type = '实缴出资';
      text = '8,500';
    }
    const note = i === 5 ? '"第一期缴款\n（补录）"' : `粘贴测试第${i}行`;
    const doc = i === 40 ? 'PSXNY-JK2016-01' : `PASTE-${String(i).padStart(3, '0')}`;
    lines.push([fund, date, type, text, doc, note].join('\t'));
    if (!BAD.has(i)) {
      goodFen += a.fen;
      goodByType[type] = (goodByType[type] ?? 0) + a.fen;
    }
  }
  return { tsv: `${lines.join('\r\n')}\r\n`, goodFen, goodByType };
}

const wan = (fen: number) =>
  (fen / 1_000_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('粘贴 50 行现金流 from Excel (Ctrl+V): preview refuses 3 rows with reasons, the 47 valid ones are added together, undo, audit', async ({
  page,
  app,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { tsv, goodFen, goodByType } = block();
  const grid = await openLedger(page, app.url, '/cash-flows', 'cash-flows');
  await expectCount(grid, 'fund_id', 139, '条');
  // 合计 totals each type apart (their sum means nothing): read them before the paste.
  const typeTotal = (type: string) => pinnedCell(grid, `${type}合计`, 'amount_fen');
  const before: Record<string, number> = {};
  for (const type of Object.keys(goodByType)) {
    await expect(typeTotal(type)).not.toHaveText('');
    before[type] = Math.round(Number((await typeTotal(type).textContent())!.replace(/,/g, '')) * 1_000_000);
  }
  expect(Object.values(before).reduce((x, y) => x + y, 0)).toBe(282_199_000_000);

  // Copy in "Excel", then Ctrl+V on the grid.
  await page.evaluate((t) => navigator.clipboard.writeText(t), tsv);
  await grid.locator('.ag-cell[col-id="date"]').first().click();
  await page.keyboard.press('Control+v');

  const dialog = page.getByRole('dialog', { name: '粘贴导入现金流' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('paste-mapping')).toContainText('已识别表头');
  await expect(dialog.getByTestId('paste-mapping')).toContainText('金额（万元） → 金额（万元）');
  await expect(dialog.getByTestId('paste-unit-note')).toContainText('表头注明单位的按表头读取（金额：万元）');
  await expect(dialog.getByTestId('paste-summary')).toHaveText('共 50 行：47 行可添加，3 行有误');

  // The add-all button says the bad rows block it; the bad rows and why.
  await expect(dialog.getByTestId('paste-add-all')).toBeDisabled();
  await expect(dialog.getByTestId('paste-add-all')).toContainText('3 行有误，会使整批被拒绝');
  await dialog.getByTestId('paste-only-bad').click();
  await expect(dialog.getByTestId('paste-reason-10')).toHaveText(
    '找不到名为“深圳不存在的产业投资基金合伙企业（有限合伙）”的基金',
  );
  await expect(dialog.getByTestId('paste-reason-25')).toHaveText('日期：日期无效：2026年2月没有30日');
  await expect(dialog.getByTestId('paste-reason-40')).toContainText('与已有现金流');
  await expect(dialog.getByTestId('paste-reason-40')).toContainText(
    '重复：基金、日期、类型、金额和单据编号都相同',
  );

  await dialog.getByTestId('paste-add-valid').click();
  await expect(dialog).toBeHidden();
  await expectCount(grid, 'fund_id', 186, '条');
  for (const [type, fen] of Object.entries(goodByType))
    await expect(typeTotal(type)).toHaveText(wan(before[type]! + fen));
  expect(Object.values(goodByType).reduce((x, y) => x + y, 0)).toBe(goodFen);
  // Row 5's quoted cell with a line break arrived whole; half-width brackets found the fund.
  await page.getByPlaceholder('快速搜索（名称、代码、金额…）').fill('PASTE-005');
  await expect(bodyRows(grid)).toHaveCount(1);
  await expect(bodyRows(grid)).toContainText('PASTE-005');
  await expect(bodyRows(grid).locator('[col-id="note"]')).toHaveText('第一期缴款 （补录）');
  await page.getByPlaceholder('快速搜索（名称、代码、金额…）').fill('PASTE-003');
  await expect(bodyRows(grid)).toHaveCount(1);
  await expect(bodyRows(grid)).toContainText('PASTE-003');
  await expect(bodyRows(grid).locator('[col-id="fund_id"]')).toHaveText(
    '深圳市鹏储新型储能产业投资合伙企业（有限合伙）',
  );
  await expect(bodyRows(grid).locator('[col-id="amount_fen"]')).toHaveText('30.00');
  await page.getByPlaceholder('快速搜索（名称、代码、金额…）').fill('PASTE-004');
  await expect(bodyRows(grid)).toHaveCount(1);
  await expect(bodyRows(grid)).toContainText('PASTE-004');
  await expect(bodyRows(grid).locator('[col-id="amount_fen"]')).toHaveText('1,004.50');
  await page.getByPlaceholder('快速搜索（名称、代码、金额…）').fill('');

  // Undo the paste: the 47 rows go again.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect(page.locator('.ant-message')).toContainText('已撤销粘贴导入的 47 行');
  await expectCount(grid, 'fund_id', 139, '条');
  for (const type of Object.keys(goodByType)) await expect(typeTotal(type)).toHaveText(wan(before[type]!));

  // The audit log holds the 47 additions and the 47 deletions of the undo.
  await page.goto(`${app.url}#/audit`);
  await page.getByTestId('audit-entity').click();
  await page.locator('.ant-select-dropdown').getByText('现金流', { exact: true }).click();
  await page.getByTestId('audit-action').click();
  await page.locator('.ant-select-dropdown').last().getByText('新增', { exact: true }).click();
  await expect(page.getByTestId('audit-total')).toHaveText('共 47 条记录');
  await expect(page.getByTestId('audit-table')).toContainText('批量新增现金流');
  await expect(page.getByTestId('audit-table')).toContainText('金额：1,049.50万元');
});

test('粘贴 without a header row: columns follow the grid, money in the grid unit, all valid rows added at once', async ({
  page,
  app,
}) => {
  const grid = await openLedger(page, app.url, '/investments', 'investments');
  await expectCount(grid, 'fund_id', 106, '笔');
  await page.getByTestId('paste-open').click();
  const dialog = page.getByRole('dialog', { name: '粘贴导入投资' });
  // 基金, 被投企业, 投资日期, 投资金额, 轮次, 持股比例 — as the grid shows them.
  const tsv = [
    '深圳坪山天使投资基金合伙企业（有限合伙）\t深圳市铂益动力系统有限公司\t2026-01-05\t1,500\tA轮\t3.5%',
    '深圳坪山天使投资基金合伙企业（有限合伙）\t深圳源迈储能科技有限公司\t2026年1月6日\t0.25亿\tB轮\t2',
  ].join('\n');
  await dialog.getByTestId('paste-text').fill(tsv);
  await expect(dialog.getByTestId('paste-mapping')).toContainText('未识别到表头，按表格当前的列顺序对应');
  await expect(dialog.getByTestId('paste-unit-note')).toContainText('未写单位的金额按当前单位“万元”读取');
  await expect(dialog.getByTestId('paste-summary')).toHaveText('共 2 行：2 行可添加');
  await dialog.getByTestId('paste-add-all').click();
  await expect(dialog).toBeHidden();
  await expectCount(grid, 'fund_id', 108, '笔');
  await page.getByPlaceholder('快速搜索（名称、代码、金额…）').fill('2026-01-0');
  await expect(bodyRows(grid)).toHaveCount(2);
  await expect(totalCell(grid, 'amount_fen')).toHaveText('4,000.00');
});
