import { expect, test } from './fixtures';
import { roundTrip, typeInCell } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

test('现金流: add a distribution, edit the amount, a negative amount refused, delete then undo', async ({
  page,
  app,
}) => {
  await roundTrip(page, app.url, {
    route: '/cash-flows',
    gridId: 'cash-flows',
    noun: '现金流',
    first: 'fund_id',
    word: '条',
    choose: { fund_id: '天使投资基金', type: '分配' },
    type: { date: '2025-05-20', amount_fen: '300万', doc_no: 'E2E-CF-001' },
    key: 'E2E-CF-001',
    shows: { amount_fen: '300.00', type: '收益分配', date: '2025-05-20' },
    edit: { col: 'amount_fen', text: '450', shows: '450.00' },
    bad: { col: 'amount_fen', text: '-100', message: '金额不能为负数' },
  });
});

test('估值: add a NAV, edit it, an impossible date refused, the same fund and date twice refused, delete then undo', async ({
  page,
  app,
}) => {
  const { at } = await roundTrip(page, app.url, {
    route: '/valuations',
    gridId: 'valuations',
    noun: '估值',
    first: 'fund_id',
    word: '条',
    choose: { fund_id: '天使投资基金', source: '审计' },
    type: { as_of_date: '2026-03-31', nav_fen: '6,500万', note: 'E2E-NAV-001' },
    key: 'E2E-NAV-001',
    shows: { nav_fen: '6,500.00', source: '审计报告', as_of_date: '2026-03-31' },
    edit: { col: 'nav_fen', text: '0.7亿', shows: '7,000.00' },
    bad: { col: 'as_of_date', text: '2026-02-30', message: '日期无效：2026年2月没有30日' },
  });
  // A second NAV of the same fund on a date it already has: refused at the cell, naming the record.
  await typeInCell(page, await at('as_of_date'), '2025-09-30');
  await expect(
    page.getByText(/该基金在 2025-09-30 已有估值（编号 \d+），同一估值日只能有一条/).first(),
  ).toBeVisible();
});
