import { completeUscc } from '../../src/shared/uscc';
import { expect, test } from './fixtures';
import { roundTrip, typeInCell } from './ledgers-kit';

const USCC = completeUscc('91440310MA5TPX901');

test.describe.configure({ timeout: 240_000 });

test('基金管理人: add, edit, wrong USCC check character refused naming the right one, delete then undo', async ({
  page,
  app,
}) => {
  const wrong = `${USCC.slice(0, 17)}${USCC[17] === 'A' ? 'B' : 'A'}`;
  const { at } = await roundTrip(page, app.url, {
    route: '/managers',
    gridId: 'managers',
    noun: '基金管理人',
    first: 'name',
    word: '家',
    type: { name: '深圳市测试私募股权投资基金管理有限公司', uscc: USCC, amac_code: 'P1099999' },
    key: '深圳市测试私募股权投资基金管理有限公司',
    shows: { uscc: USCC, amac_code: 'P1099999' },
    edit: { col: 'contact_person', text: '张三', shows: '张三' },
    bad: { col: 'uscc', text: wrong, message: `校验位错误：应为“${USCC[17]}”，实际为“${wrong[17]}”` },
  });
  // The same USCC as another manager: refused, naming the manager that has it.
  await typeInCell(page, await at('uscc'), '91440306558189826D');
  await expect(
    page.getByText('已被基金管理人“深圳市乾芯私募股权投资基金管理有限公司”（编号 1）使用').first(),
  ).toBeVisible();
});
