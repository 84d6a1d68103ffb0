// 绩效评价 as a user goes through it: the year's list, a fund's scorecard, a hand score saved, the total,
// the audit trail, and a refused score.
import { expect, test } from './fixtures';

test('evaluate a fund: enter a hand score, save, see the total and who changed what', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}#/evaluation?year=2024`);
  const table = page.getByTestId('evaluation-table');
  await expect(table.locator('tbody tr')).toHaveCount(14);
  await expect(page.getByTestId('export-xlsx')).toBeEnabled();
  await table.locator('tbody tr', { hasText: '深圳坪山新能源汽车产业投资基金' }).click();

  await expect(page.getByText('2024年度绩效评价').first()).toBeVisible();
  const total = page.getByTestId('total');
  await expect(total).toBeVisible();
  const before = Number((await total.textContent())!.match(/[\d.]+/)![0]);
  await page.getByTestId('score-A3').fill('4.5');
  await page.getByTestId('comment-A3').fill('投向全部为本区重点产业');
  await expect(total).toContainText((before + 4.5).toFixed(2));
  await page.getByTestId('save').click();
  await expect(page.getByText('评分已保存')).toBeVisible();
  await expect(page.getByText('尚未保存')).toHaveCount(0);

  await page.getByRole('tab', { name: /修改记录/ }).click();
  await expect(page.getByText(/投向符合产业政策：未评分 → 4\.5（投向全部为本区重点产业）/)).toBeVisible();

  await page.goto(`${app.url}#/evaluation?year=2024`);
  const row = page
    .getByTestId('evaluation-table')
    .locator('tbody tr', { hasText: '深圳坪山新能源汽车产业投资基金' });
  await expect(row).toContainText((before + 4.5).toFixed(2));
  await expect(row).toContainText('待评分2项');
});
