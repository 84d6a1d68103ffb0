import { expect, test } from './fixtures';
import { roundTrip } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

test('投资机构: add, edit, a name already used refused, delete then undo', async ({ page, app }) => {
  await roundTrip(page, app.url, {
    route: '/institutions',
    gridId: 'institutions',
    noun: '投资机构',
    first: 'name',
    word: '家',
    choose: { kind: '创业投资' },
    type: { name: '深圳测试创业投资有限公司', contact_phone: '0755-12345678' },
    key: '深圳测试创业投资有限公司',
    shows: { kind: '创业投资机构', contact_phone: '0755-12345678' },
    edit: { col: 'contact_person', text: '王五', shows: '王五' },
    bad: { col: 'name', text: '勤擎创投（深圳）有限公司', message: '已被投资机构“勤擎创投（深圳）有限公司”' },
  });
});

test('融资对接: add, edit, closing before first contact refused, 已完成 without an amount refused, delete then undo', async ({
  page,
  app,
}) => {
  const { at } = await roundTrip(page, app.url, {
    route: '/financing-deals',
    gridId: 'financing-deals',
    noun: '融资对接',
    first: 'enterprise_id',
    word: '条',
    choose: { enterprise_id: '铂益动力', institution_id: '勤擎创投', stage: '对接中' },
    type: {
      first_contact_date: '2025-02-01',
      amount_sought_fen: '3000万',
      round: 'A轮',
      notes: 'E2E-DEAL-001',
    },
    key: 'E2E-DEAL-001',
    shows: { amount_sought_fen: '3,000.00', stage: '对接中', institution_id: '勤擎创投（深圳）有限公司' },
    edit: { col: 'amount_sought_fen', text: '3500万', shows: '3,500.00' },
    bad: { col: 'closed_date', text: '2025-01-01', message: '完成日期不能早于首次对接日期' },
  });
  // Stage 已完成 needs a closed amount and date: refused at the cell.
  const stage = await at('stage');
  await stage.click();
  await page.keyboard.press('Enter');
  await page.locator('.ag-list-item', { hasText: '已完成' }).click();
  await expect(page.getByText('阶段为“已完成”时须填写完成融资金额').first()).toBeVisible();
  await expect(stage).toHaveText('对接中');
});
