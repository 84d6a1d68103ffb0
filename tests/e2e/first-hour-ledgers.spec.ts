// A new user's first hour, ledger by ledger (issue #14): on every ledger of the menu the add form refuses one
// bad value with a Chinese message under its field (nothing stored), stores the corrected record (a reload
// shows it), and lays out inside its dialog on a narrow 1024-pixel window even with long names picked.

import type { Locator } from '@playwright/test';
import { completeUscc } from '../../src/shared/uscc';
import { expect, test } from './fixtures';
import { expectCount, openAddForm, openLedger, search } from './ledgers-kit';

test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1024, height: 800 } });

interface FormCase {
  route: string;
  noun: string;
  /** Column of the totals row's label, and its measure word. */
  first: string;
  word: string;
  choose?: Record<string, string>;
  type: Record<string, string>;
  /** One field typed wrong, the Chinese message under it, and the good value that replaces it. */
  bad: { field: string; text: string; message: string | RegExp; good: string };
  /** Text unique to the new record (found by the quick search), and cells it shows after a reload. */
  key: string;
  shows: Record<string, string>;
}

const CASES: FormCase[] = [
  {
    route: '/sub-funds',
    noun: '子基金',
    first: 'name',
    word: '只',
    choose: { manager_id: '知科' },
    type: { name: '深圳坪山首小时子基金合伙企业（有限合伙）', guidance_commitment_fen: '5000万' },
    bad: { field: 'total_size_fen', text: 'abc', message: '无法识别的金额：abc', good: '2亿' },
    key: '首小时子基金',
    shows: { total_size_fen: '2.0000', guidance_commitment_fen: '0.5000' },
  },
  {
    route: '/direct-funds',
    noun: '直投基金',
    first: 'name',
    word: '只',
    type: {
      name: '深圳坪山首小时直投基金合伙企业（有限合伙）',
      total_size_fen: '1亿',
      guidance_commitment_fen: '3000万',
    },
    bad: {
      field: 'established_date',
      text: '2023-02-30',
      message: '日期无效：2023年2月没有30日',
      good: '2023-02-28',
    },
    key: '首小时直投基金',
    shows: { established_date: '2023-02-28', total_size_fen: '1.0000' },
  },
  {
    route: '/managers',
    noun: '基金管理人',
    first: 'name',
    word: '家',
    type: { name: '深圳市首小时私募股权投资基金管理有限公司' },
    bad: {
      field: 'uscc',
      text: '91440310MA5TPX9030',
      message: /校验位错误/,
      good: completeUscc('91440310MA5TPX903'),
    },
    key: '首小时私募股权',
    shows: { uscc: completeUscc('91440310MA5TPX903') },
  },
  {
    route: '/cash-flows',
    noun: '现金流',
    first: 'fund_id',
    word: '条',
    choose: { fund_id: '天使投资基金', type: '实缴' },
    type: { date: '2025-05-20', doc_no: 'E2E-FH-CF' },
    bad: { field: 'amount_fen', text: '-2亿', message: '金额不能为负数', good: '120万' },
    key: 'E2E-FH-CF',
    shows: { amount_fen: '120.00', date: '2025-05-20' },
  },
  {
    route: '/valuations',
    noun: '估值',
    first: 'fund_id',
    word: '条',
    choose: { fund_id: '天使投资基金' },
    type: { nav_fen: '6,500万', note: 'E2E-FH-NAV' },
    bad: {
      field: 'as_of_date',
      text: '2026-02-30',
      message: '日期无效：2026年2月没有30日',
      good: '2026-03-31',
    },
    key: 'E2E-FH-NAV',
    shows: { as_of_date: '2026-03-31', nav_fen: '6,500.00' },
  },
  {
    route: '/investments',
    noun: '投资',
    first: 'fund_id',
    word: '笔',
    choose: { fund_id: '天使投资基金', enterprise_id: '铂益动力' },
    type: { date: '2025-03-01', notes: 'E2E-FH-INV' },
    bad: { field: 'amount_fen', text: '两千万', message: '无法识别的金额：两千万', good: '2000万' },
    key: 'E2E-FH-INV',
    shows: { amount_fen: '2,000.00', date: '2025-03-01' },
  },
  {
    route: '/enterprises',
    noun: '企业',
    first: 'name',
    word: '家',
    type: { name: '深圳市首小时新能源科技有限公司' },
    // Already the USCC of another enterprise: refused by the database, said under the field.
    bad: {
      field: 'uscc',
      text: '91440310692667067D',
      message: '已被企业“深圳市星川储能科技有限公司”（编号 1）使用',
      good: completeUscc('91440310MA5TPX904'),
    },
    key: '首小时新能源',
    shows: { uscc: completeUscc('91440310MA5TPX904') },
  },
  {
    route: '/landed-projects',
    noun: '落地项目',
    first: 'name',
    word: '个',
    choose: { enterprise_id: '铂益动力', kind: '新注册' },
    type: { name: 'E2E首小时落地项目', amount_fen: '5000万' },
    bad: { field: 'landed_date', text: '2025/13/01', message: /日期/, good: '2025-04-01' },
    key: 'E2E首小时落地项目',
    shows: { landed_date: '2025-04-01', amount_fen: '5,000.00' },
  },
  {
    route: '/institutions',
    noun: '投资机构',
    first: 'name',
    word: '家',
    choose: { kind: '创业投资' },
    type: { contact_phone: '0755-12345678' },
    // A name already in the ledger: refused by the database, said under the field.
    bad: {
      field: 'name',
      text: '勤擎创投（深圳）有限公司',
      message: '已被投资机构“勤擎创投（深圳）有限公司”',
      good: '深圳首小时创业投资有限公司',
    },
    key: '首小时创业投资',
    shows: { contact_phone: '0755-12345678' },
  },
  {
    route: '/financing-deals',
    noun: '融资对接',
    first: 'enterprise_id',
    word: '条',
    choose: { enterprise_id: '铂益动力', institution_id: '勤擎创投', stage: '对接中' },
    type: { first_contact_date: '2025-02-01', notes: 'E2E-FH-DEAL' },
    bad: { field: 'amount_sought_fen', text: '1..5亿', message: /无法识别的金额/, good: '1.5亿' },
    key: 'E2E-FH-DEAL',
    shows: { amount_sought_fen: '15,000.00', first_contact_date: '2025-02-01' },
  },
];

/** The message shown under one field of the add form. */
const errorUnder = (dialog: Locator, field: string) =>
  dialog
    .locator('.ant-form-item')
    .filter({ has: dialog.page().locator(`[data-field="${field}"]`) })
    .locator('.ant-form-item-explain');

/** Every field of the open dialog lies inside its body (none pushed past the right edge). */
async function fieldsInside(dialog: Locator, noun: string) {
  const over = await dialog.evaluate((d) => {
    const body = d.querySelector('.ant-modal-body')?.getBoundingClientRect();
    if (!body) return ['（无对话框内容）'];
    return [...d.querySelectorAll('.ant-form-item')]
      .filter((f) => f.getBoundingClientRect().right > body.right + 0.5)
      .map((f) => f.querySelector('label')?.textContent ?? '?');
  });
  expect(over, `新增${noun}：超出对话框右边的字段`).toEqual([]);
}

for (const c of CASES) {
  test(`${c.noun}: the add form refuses a bad value in Chinese, stores the good one, fits the window`, async ({
    page,
    app,
  }) => {
    const gridId = c.route.slice(1);
    const { grid, n, dialog } = await openAddForm(page, app.url, { ...c, gridId });
    await dialog.locator(`[data-field="${c.bad.field}"]`).fill(c.bad.text);
    await fieldsInside(dialog, c.noun);

    // The bad value: said in Chinese under its field; the dialog stays with the text; nothing stored.
    await dialog.getByTestId('add-save').click();
    await expect(errorUnder(dialog, c.bad.field)).toContainText(c.bad.message);
    await expect(errorUnder(dialog, c.bad.field)).toHaveText(/[\u4e00-\u9fff]/);
    await expect(errorUnder(dialog, c.bad.field)).not.toHaveText(/[A-Za-z]{4,}/);
    await expect(dialog.locator(`[data-field="${c.bad.field}"]`)).toHaveValue(c.bad.text);
    await fieldsInside(dialog, c.noun);
    await expectCount(grid, c.first, n, c.word);

    // Corrected: stored, the dialog closes.
    await dialog.locator(`[data-field="${c.bad.field}"]`).fill(c.bad.good);
    await dialog.getByTestId('add-save').click();
    await expect(dialog).toBeHidden();
    await expectCount(grid, c.first, n + 1, c.word);

    // A reload shows it, with the corrected value.
    await page.reload();
    await openLedger(page, app.url, c.route, gridId);
    await search(page, c.key);
    await expectCount(grid, c.first, 1, c.word);
    const row = grid.locator('.ag-grid-scrolling-container .ag-row').first();
    for (const [col, text] of Object.entries(c.shows))
      await expect(row.locator(`[col-id="${col}"]`)).toHaveText(text);
  });
}
