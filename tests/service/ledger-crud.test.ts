import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeUscc } from '../../src/shared/uscc';
import { refusal, tempDb, testClient } from '../helpers/temp-db';

let t: Awaited<ReturnType<typeof tempDb>>;
let api: ReturnType<typeof testClient>;
beforeEach(async () => {
  t = await tempDb();
  api = testClient(t.opened);
});
afterEach(() => t.cleanup());

const M_USCC = completeUscc('91440310MA5GPX101');

async function seed() {
  const manager = await api('ledger.create', {
    entity: 'manager',
    values: { name: '深圳市测试私募股权投资基金管理有限公司', uscc: M_USCC },
  });
  const fund = await api('ledger.create', {
    entity: 'fund',
    values: {
      kind: 'sub',
      name: '深圳坪山测试产业投资基金合伙企业（有限合伙）',
      manager_id: manager.id,
      total_size_fen: 500_000_000_00,
      guidance_commitment_fen: 150_000_000_00,
      established_date: '2021-01-15',
    },
  });
  const ent = await api('ledger.create', {
    entity: 'enterprise',
    values: { name: '深圳市测试储能科技有限公司', industry: 'storage', in_district: 1 },
  });
  return { manager, fund, ent };
}

describe('ledger CRUD', () => {
  it('create returns the stored row with the names of linked records and computed columns', async () => {
    const { manager, fund } = await seed();
    expect(fund).toMatchObject({ manager_id: manager.id, manager_name: manager.name, paid_in_fen: 0 });
    await api('ledger.create', {
      entity: 'cash_flow',
      values: { fund_id: fund.id, date: '2021-03-01', type: 'call', amount_fen: 30_000_000_00 },
    });
    expect((await api('ledger.get', { entity: 'fund', id: fund.id })).paid_in_fen).toBe(30_000_000_00);
    expect((await api('ledger.list', { entity: 'manager' }))[0]).toMatchObject({ fund_count: 1 });
  });

  it('update merges the change into the stored record and validates the whole of it', async () => {
    const { fund } = await seed();
    const r = await api('ledger.update', { entity: 'fund', id: fund.id, values: { status: 'exiting' } });
    expect(r).toMatchObject({ status: 'exiting', total_size_fen: 500_000_000_00 });
    // A change that breaks a rule with the stored values: refused, nothing written.
    const e = await refusal(
      api('ledger.update', { entity: 'fund', id: fund.id, values: { invest_end_date: '2020-12-31' } }),
    );
    expect(e.code).toBe('validation');
    expect(e.issues).toEqual([{ field: 'invest_end_date', message: '投资期结束日应晚于成立日期' }]);
    expect((await api('ledger.get', { entity: 'fund', id: fund.id })).invest_end_date).toBeNull();
  });

  it('list filters by a linked record; unknown columns are refused', async () => {
    const { fund } = await seed();
    for (const d of ['2021-03-01', '2022-03-01'])
      await api('ledger.create', {
        entity: 'cash_flow',
        values: { fund_id: fund.id, date: d, type: 'call', amount_fen: 100 },
      });
    expect(await api('ledger.list', { entity: 'cash_flow', where: { fund_id: fund.id } })).toHaveLength(2);
    expect(await api('ledger.list', { entity: 'cash_flow', where: { fund_id: 999 } })).toHaveLength(0);
    const e = await refusal(api('ledger.list', { entity: 'cash_flow', where: { 'id; drop': 1 } }));
    expect(e.message).toBe('不能按“id; drop”筛选');
  });

  it('delete is refused while other records point at it, saying which', async () => {
    const { manager, fund } = await seed();
    await api('ledger.create', {
      entity: 'cash_flow',
      values: { fund_id: fund.id, date: '2021-03-01', type: 'call', amount_fen: 100 },
    });
    const e = await refusal(api('ledger.delete', { entity: 'fund', id: fund.id }));
    expect(e.code).toBe('in_use');
    expect(e.message).toBe(
      '不能删除基金“深圳坪山测试产业投资基金合伙企业（有限合伙）”：还有 1 条现金流 关联到它，请先处理这些记录',
    );
    const e2 = await refusal(api('ledger.delete', { entity: 'manager', id: manager.id }));
    expect(e2.message).toContain('1 只基金');
  });

  it('delete then restore (undo) brings the record back with its id and values', async () => {
    const { ent } = await seed();
    const gone = await api('ledger.delete', { entity: 'enterprise', id: ent.id });
    expect(await api('ledger.list', { entity: 'enterprise' })).toHaveLength(0);
    const back = await api('ledger.restore', { entity: 'enterprise', row: gone });
    expect(back).toMatchObject({ id: ent.id, name: ent.name, industry: 'storage', in_district: 1 });
    const e = await refusal(api('ledger.restore', { entity: 'enterprise', row: gone }));
    expect(e.message).toBe(`企业（编号 ${ent.id}）已存在，无需恢复`);
  });

  it('a missing record is named in the message', async () => {
    const e = await refusal(api('ledger.update', { entity: 'investment', id: 42, values: { round: 'A轮' } }));
    expect(e.code).toBe('not_found');
    expect(e.message).toBe('投资（编号 42）不存在，可能已被删除');
  });
});

describe('ledger rules that need the stored data', () => {
  it('the same USCC twice is refused, pointing at the record that has it (create and update)', async () => {
    const { manager } = await seed();
    const e = await refusal(
      api('ledger.create', { entity: 'manager', values: { name: '另一家管理人', uscc: M_USCC } }),
    );
    expect(e.code).toBe('conflict');
    expect(e.issues).toEqual([
      {
        field: 'uscc',
        code: 'unique',
        message: `统一社会信用代码“${M_USCC}”已被基金管理人“深圳市测试私募股权投资基金管理有限公司”（编号 ${manager.id}）使用`,
      },
    ]);
    const other = await api('ledger.create', { entity: 'manager', values: { name: '另一家管理人' } });
    const e2 = await refusal(
      api('ledger.update', { entity: 'manager', id: other.id, values: { uscc: M_USCC } }),
    );
    expect(e2.issues[0]!.message).toContain(`（编号 ${manager.id}）使用`);
    // Saving a record with its own USCC is fine.
    await api('ledger.update', { entity: 'manager', id: manager.id, values: { uscc: M_USCC, notes: '无' } });
  });

  it('a wrong check character is refused with the expected one named', async () => {
    const wrong = `${M_USCC.slice(0, 17)}${M_USCC[17] === 'A' ? 'B' : 'A'}`;
    const e = await refusal(
      api('ledger.create', { entity: 'enterprise', values: { name: '某企业', uscc: wrong } }),
    );
    expect(e.issues).toEqual([
      { field: 'uscc', message: `统一社会信用代码：校验位错误：应为“${M_USCC[17]}”，实际为“${wrong[17]}”` },
    ]);
  });

  it('linked records must exist', async () => {
    const e = await refusal(
      api('ledger.create', {
        entity: 'cash_flow',
        values: { fund_id: 77, date: '2021-03-01', type: 'call', amount_fen: 100 },
      }),
    );
    expect(e.issues).toEqual([
      { field: 'fund_id', code: 'missing_link', message: '所选基金（编号 77）不存在' },
    ]);
  });

  it('one valuation per fund and date', async () => {
    const { fund } = await seed();
    const v = { fund_id: fund.id, as_of_date: '2024-12-31', nav_fen: 100 };
    const first = await api('ledger.create', { entity: 'valuation', values: v });
    const e = await refusal(api('ledger.create', { entity: 'valuation', values: { ...v, nav_fen: 200 } }));
    expect(e.issues).toEqual([
      {
        field: 'as_of_date',
        code: 'valuation_date',
        message: `该基金在 2024-12-31 已有估值（编号 ${first.id}），同一估值日只能有一条`,
      },
    ]);
  });

  it('a 返投 recognition is never counted twice for the same fund and enterprise, across ledgers', async () => {
    const { fund, ent } = await seed();
    const inv = await api('ledger.create', {
      entity: 'investment',
      values: {
        fund_id: fund.id,
        enterprise_id: ent.id,
        date: '2022-01-01',
        amount_fen: 1000,
        reinvest_category: 'registered',
        reinvest_recognised_fen: 1000,
      },
    });
    // A second investment in the same enterprise may be recorded, but not recognised again.
    const again = {
      fund_id: fund.id,
      enterprise_id: ent.id,
      date: '2023-01-01',
      amount_fen: 500,
      reinvest_category: 'registered',
      reinvest_recognised_fen: 500,
    };
    const e = await refusal(api('ledger.create', { entity: 'investment', values: again }));
    expect(e.issues).toEqual([
      {
        field: 'reinvest_category',
        code: 'recognition',
        message: `该基金对该企业已有返投认定（投资编号 ${inv.id}），同一基金与企业只能认定一次`,
      },
    ]);
    await api('ledger.create', {
      entity: 'investment',
      values: { ...again, reinvest_category: null, reinvest_recognised_fen: null },
    });
    const e2 = await refusal(
      api('ledger.create', {
        entity: 'landed_project',
        values: {
          enterprise_id: ent.id,
          fund_id: fund.id,
          landed_date: '2023-05-01',
          amount_fen: 100,
          reinvest_category: 'introduced',
          reinvest_recognised_fen: 100,
        },
      }),
    );
    expect(e2.issues[0]!.message).toContain('已有返投认定（投资编号');
    // Editing the recognised record itself is not a second recognition.
    await api('ledger.update', {
      entity: 'investment',
      id: inv.id,
      values: { reinvest_recognised_fen: 900 },
    });
  });
});
