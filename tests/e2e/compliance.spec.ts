import { dialogOpened, expect, test } from './fixtures';

test('提醒: alerts by severity and fund; acknowledging one with a note leaves the count, keeps it listed', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}#/alerts?asOf=2025-12-31`);
  const summary = page.getByTestId('alerts-summary');
  await expect(summary).toHaveText('共 12 条提醒，未处理 12 条（高 5 条）');
  const high = page.getByTestId('alerts-high');
  await expect(high).toContainText('返投逾期');
  await expect(high).toContainText('深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）');
  await expect(page.getByTestId('alerts-medium')).toContainText('估值过期');
  await expect(page.getByTestId('alerts-low')).toContainText('融资对接停滞');

  const first = high.getByTestId('alert-item').first();
  await first.getByTestId('alert-ack').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '确认处理提醒' });
  await dialogOpened(dialog);
  await expect(page.getByTestId('ack-ok')).toBeDisabled();
  await page.getByTestId('ack-note').fill('已约谈管理人，承诺2026年二季度补足');
  await page.getByTestId('ack-ok').click();
  await expect(dialog).toBeHidden();
  await expect(summary).toHaveText('共 12 条提醒，未处理 11 条（高 4 条）');

  await page.reload();
  const acked = page.getByTestId('alert-item').filter({ hasText: '已确认' });
  await expect(acked).toHaveCount(1);
  await expect(acked).toContainText('确认说明：已约谈管理人，承诺2026年二季度补足');

  // The link goes to the record behind the alert.
  await page.getByTestId('alerts-medium').getByText('查看基金详情').first().click();
  await expect(page.getByTestId('fund-detail')).toBeVisible();
});

test('设置: editing a 返投 rule set recomputes the fund’s recognised 返投; bad input is refused', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}#/funds/detail?id=1`);
  await page.getByRole('tab', { name: /返投认定/ }).click();
  await expect(page.getByTestId('fund-recognised')).toHaveText('5.3500 亿元');

  await page.goto(`${app.url}#/settings`);
  await page.getByTestId('ruleset-edit-1').click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '修改返投规则集' });
  await dialogOpened(dialog);
  await page.getByTestId('mult-registered').fill('1.5');
  await page.getByTestId('ruleset-name').fill('');
  await page.getByTestId('ruleset-save').click();
  await expect(page.getByTestId('ruleset-error')).toContainText('请填写规则集名称');
  await page.getByTestId('ruleset-name').fill('按基金协议（默认，注册在区内1.5倍）');
  await page.getByTestId('ruleset-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('ruleset-table')).toContainText('注册在区内 1.5倍');

  // Fund 1: 注册在区内 recognitions of 22,500万 now count 1.5× → 53,500 + 11,250 = 64,750万.
  await page.goto(`${app.url}#/funds/detail?id=1`);
  await page.getByRole('tab', { name: /返投认定/ }).click();
  await expect(page.getByTestId('fund-recognised')).toHaveText('6.4750 亿元');
});
