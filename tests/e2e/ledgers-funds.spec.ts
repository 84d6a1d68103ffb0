import { expect, test, totalCell } from './fixtures';
import { roundTrip, search } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

test('直投基金: add with the manager picked by name, edit, period end before establishment refused, delete then undo', async ({
  page,
  app,
}) => {
  await roundTrip(page, app.url, {
    route: '/direct-funds',
    gridId: 'direct-funds',
    noun: '直投基金',
    first: 'name',
    word: '只',
    choose: { manager_id: '知科' },
    type: {
      name: '深圳坪山测试直投基金合伙企业（有限合伙）',
      total_size_fen: '3亿',
      guidance_commitment_fen: '1亿',
      established_date: '2024年1月15日',
      invest_end_date: '2029-01-14',
    },
    key: '深圳坪山测试直投基金合伙企业（有限合伙）',
    shows: {
      total_size_fen: '3.0000',
      guidance_commitment_fen: '1.0000',
      manager_id: '深圳市坪山区知科私募股权投资基金管理有限公司',
      established_date: '2024-01-15',
    },
    edit: { col: 'collective_assets_fen', text: '2,000万', shows: '0.2000' },
    bad: { col: 'invest_end_date', text: '2023-12-31', message: '投资期结束日应晚于成立日期' },
  });
  // Totals row: the 4 demo direct funds (14亿) and the new 3亿.
  await search(page, '');
  await expect(totalCell(page.getByTestId('grid-direct-funds'), 'total_size_fen')).toHaveText('17.0000');
});
