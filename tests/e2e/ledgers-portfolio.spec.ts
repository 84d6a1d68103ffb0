import { completeUscc } from '../../src/shared/uscc';
import { test } from './fixtures';
import { roundTrip } from './ledgers-kit';

test.describe.configure({ timeout: 240_000 });

test('企业: add with a valid USCC, edit, a USCC already used refused naming the holder, delete then undo', async ({
  page,
  app,
}) => {
  const uscc = completeUscc('91440310MA5TPX902');
  await roundTrip(page, app.url, {
    route: '/enterprises',
    gridId: 'enterprises',
    noun: '企业',
    first: 'name',
    word: '家',
    choose: { industry: '储能', in_district: '是' },
    type: { name: '深圳市测试新能源科技有限公司', uscc, district: '坪山区', founded_date: '2020/5/6' },
    key: '深圳市测试新能源科技有限公司',
    shows: { uscc, industry: '新型储能', in_district: '是', founded_date: '2020-05-06' },
    edit: { col: 'contact_person', text: '李四', shows: '李四' },
    bad: {
      col: 'uscc',
      text: '91440310692667067D',
      message: '已被企业“深圳市星川储能科技有限公司”（编号 1）使用',
    },
  });
});

test('投资: add with fund and enterprise picked by name, edit the stake, exit before investment refused, delete then undo', async ({
  page,
  app,
}) => {
  await roundTrip(page, app.url, {
    route: '/investments',
    gridId: 'investments',
    noun: '投资',
    first: 'fund_id',
    word: '笔',
    choose: { fund_id: '天使投资基金', enterprise_id: '铂益动力' },
    type: { date: '2025-03-01', amount_fen: '2000万', round: 'A轮', notes: 'E2E-INV-001' },
    key: 'E2E-INV-001',
    shows: { amount_fen: '2,000.00', enterprise_id: '深圳市铂益动力系统有限公司', status: '持有' },
    edit: { col: 'stake_pct', text: '5.5%', shows: '5.5%' },
    bad: { col: 'exit_date', text: '2024-01-01', message: '退出日期不能早于投资日期' },
  });
});

test('落地项目: add, edit the landed amount, an unreadable amount refused, delete then undo', async ({
  page,
  app,
}) => {
  await roundTrip(page, app.url, {
    route: '/landed-projects',
    gridId: 'landed-projects',
    noun: '落地项目',
    first: 'name',
    word: '个',
    choose: { enterprise_id: '铂益动力', kind: '新注册', industry: '智能网联' },
    type: { name: 'E2E测试落地项目', landed_date: '2025-04-01', amount_fen: '5000万' },
    key: 'E2E测试落地项目',
    shows: { amount_fen: '5,000.00', kind: '新注册', industry: '智能网联汽车（新能源汽车）' },
    edit: { col: 'amount_fen', text: '6,000', shows: '6,000.00' },
    bad: { col: 'amount_fen', text: '五千万', message: '无法识别的金额：五千万' },
  });
});
