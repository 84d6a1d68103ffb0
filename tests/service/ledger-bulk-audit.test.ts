import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/shared/contract/define';
import { completeUscc } from '../../src/shared/uscc';
import { tempDb, testClient } from '../helpers/temp-db';

let t: Awaited<ReturnType<typeof tempDb>>;
let api: ReturnType<typeof testClient>;
beforeEach(async () => {
  t = await tempDb();
  api = testClient(t.opened);
});
afterEach(() => t.cleanup());

const uscc = (n: number) => completeUscc(`91440310MA5GPX${String(n).padStart(3, '0')}`);

async function fundAndEnterprise() {
  const fund = await api('ledger.create', {
    entity: 'fund',
    values: {
      kind: 'direct',
      name: '深圳坪山测试直投基金',
      total_size_fen: 10_000,
      guidance_commitment_fen: 5_000,
    },
  });
  const ent = await api('ledger.create', {
    entity: 'enterprise',
    values: { name: '深圳市测试科技有限公司', uscc: uscc(1) },
  });
  return { fund, ent };
}

describe('checkMany / createMany (paste and import)', () => {
  it('checks every row without writing: field errors, stored duplicates naming the holder, repeats in the batch', async () => {
    const { ent } = await fundAndEnterprise();
    const res = await api('ledger.checkMany', {
      entity: 'enterprise',
      rows: [
        { name: '甲公司', uscc: uscc(2) },
        { name: '', uscc: uscc(3) },
        { name: '乙公司', uscc: uscc(1) },
        { name: '丙公司', uscc: uscc(2) },
        { name: '丁公司', industry: 'steel' },
      ],
    });
    expect(res.map((r) => r.ok)).toEqual([true, false, false, false, false]);
    expect(res[1]!.issues).toEqual([{ field: 'name', message: '企业名称不能为空' }]);
    expect(res[2]!.issues).toEqual([
      {
        field: 'uscc',
        code: 'duplicate',
        message: `与已有企业“深圳市测试科技有限公司”（编号 ${ent.id}）重复：统一社会信用代码相同`,
      },
    ]);
    expect(res[3]!.issues).toEqual([
      { field: 'uscc', code: 'duplicate', message: '与本批第 1 行重复：统一社会信用代码相同' },
    ]);
    expect(res[4]!.issues).toEqual([{ field: 'industry', message: '所属产业不在可选范围内' }]);
    expect(await api('ledger.list', { entity: 'enterprise' })).toHaveLength(1);
  });

  it('a 返投 recognition repeated within one batch is refused on the later row', async () => {
    const { fund, ent } = await fundAndEnterprise();
    const row = (date: string) => ({
      fund_id: fund.id,
      enterprise_id: ent.id,
      date,
      amount_fen: 100,
      reinvest_category: 'registered',
      reinvest_recognised_fen: 100,
    });
    const res = await api('ledger.checkMany', {
      entity: 'investment',
      rows: [row('2024-01-01'), row('2024-06-01')],
    });
    expect(res[0]!.ok).toBe(true);
    expect(res[1]!.issues).toEqual([
      {
        field: 'reinvest_category',
        code: 'recognition',
        message: '与本批第 1 行是同一基金对同一企业的返投认定，同一基金与企业只能认定一次',
      },
    ]);
  });

  it('createMany adds all rows or none', async () => {
    const { fund } = await fundAndEnterprise();
    const flows = Array.from({ length: 50 }, (_, i) => ({
      fund_id: fund.id,
      date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      type: i % 2 ? 'call' : 'fee',
      amount_fen: 1000 + i,
    }));
    const bad = flows.map((f, i) => (i === 9 || i === 30 ? { ...f, amount_fen: -1 } : f));
    const e = await api('ledger.createMany', { entity: 'cash_flow', rows: bad }).catch((x: ApiError) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).message).toBe('有 2 行不能添加，全部未写入（第 10、31 行）');
    expect([...new Set((e as ApiError).issues.map((i) => i.row))]).toEqual([10, 31]);
    expect(await api('ledger.list', { entity: 'cash_flow' })).toHaveLength(0);
    expect((await api('audit.list', { entity: 'cash_flow' })).total).toBe(0);

    const ok = await api('ledger.createMany', { entity: 'cash_flow', rows: flows });
    expect(ok.created).toBe(50);
    expect(ok.ids).toHaveLength(50);
    expect(await api('ledger.list', { entity: 'cash_flow' })).toHaveLength(50);
    const audit = await api('audit.list', { entity: 'cash_flow', action: 'create' });
    expect(audit.total).toBe(50);
    expect(audit.entries[0]!.summary).toContain('批量新增现金流');
    expect(audit.entries[0]!.after).toMatchObject({ fund_id: fund.id, amount_fen: 1049 });
  });
});

describe('audit log', () => {
  it('records create, change (only the changed fields, before and after) and delete, with the time', async () => {
    const { fund } = await fundAndEnterprise();
    const before = Date.now();
    await api('ledger.update', {
      entity: 'fund',
      id: fund.id,
      values: { total_size_fen: 12_000, notes: '扩募' },
    });
    // Saving the same values again changes nothing and logs nothing.
    await api('ledger.update', { entity: 'fund', id: fund.id, values: { total_size_fen: 12_000 } });
    await api('ledger.delete', { entity: 'fund', id: fund.id });

    const all = await api('audit.list', { entity: 'fund', entityId: fund.id });
    expect(all.entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    const [del, upd, cre] = all.entries;
    expect(upd!.before).toEqual({ total_size_fen: 10_000, notes: null });
    expect(upd!.after).toEqual({ total_size_fen: 12_000, notes: '扩募' });
    expect(upd!.summary).toBe('修改基金“深圳坪山测试直投基金”');
    expect(cre!.after).toMatchObject({ name: '深圳坪山测试直投基金', total_size_fen: 10_000 });
    expect(cre!.before).toBeNull();
    expect(del!.before).toMatchObject({ total_size_fen: 12_000, notes: '扩募' });
    expect(del!.after).toBeNull();
    expect(Date.parse(upd!.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(upd!.source).toBe('ui');
  });

  it('an undo of a delete is logged as a restore', async () => {
    const { ent } = await fundAndEnterprise();
    const gone = await api('ledger.delete', { entity: 'enterprise', id: ent.id });
    await api('ledger.restore', { entity: 'enterprise', row: gone });
    const log = await api('audit.list', { entity: 'enterprise', entityId: ent.id });
    expect(log.entries[0]).toMatchObject({ action: 'create', source: 'undo' });
    expect(log.entries[0]!.summary).toBe('撤销删除，恢复企业“深圳市测试科技有限公司”');
  });

  it('filters by ledger, action, text and page', async () => {
    await fundAndEnterprise();
    for (let i = 0; i < 5; i++)
      await api('ledger.create', { entity: 'institution', values: { name: `测试创投${i}号有限公司` } });
    expect((await api('audit.list', {})).total).toBe(7);
    expect((await api('audit.list', { entity: 'institution' })).total).toBe(5);
    expect((await api('audit.list', { action: 'delete' })).total).toBe(0);
    expect((await api('audit.list', { text: '3号' })).entries.map((e) => e.summary)).toEqual([
      '新增投资机构“测试创投3号有限公司”',
    ]);
    const page2 = await api('audit.list', { limit: 3, offset: 3 });
    expect(page2.total).toBe(7);
    expect(page2.entries).toHaveLength(3);
  });
});
