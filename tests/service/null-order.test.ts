import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, testClient } from '../helpers/temp-db';

/**
 * A fund without a 成立日期 is listed in the same place on both engines (#17): PostgreSQL sorts NULLs last
 * ascending, SQLite first; FundDesk keeps SQLite's order (NULLS FIRST) in its report and compliance reads.
 * Runs on both engines (scripts/test-pg.mjs BOTH_ENGINES).
 */
let t: Awaited<ReturnType<typeof tempDb>>;
let api: ReturnType<typeof testClient>;
beforeEach(async () => {
  t = await tempDb();
  api = testClient(t.opened);
  const fund = (name: string, established_date: string | null) =>
    api('ledger.create', {
      entity: 'fund',
      values: {
        kind: 'sub',
        name,
        established_date,
        total_size_fen: 100_000_00,
        guidance_commitment_fen: 20_000_00,
        reinvest_multiple: 1.5,
      },
    });
  await fund('乙基金（2020年成立）', '2020-03-01');
  await fund('甲基金（成立日期未填）', null);
  await fund('丙基金（2018年成立）', '2018-06-30');
});
afterEach(() => t.cleanup());

const ORDER = ['甲基金（成立日期未填）', '丙基金（2018年成立）', '乙基金（2020年成立）'];

describe('a fund without 成立日期 comes first on both engines', () => {
  it('子基金台账 lists it before the dated funds, then by date', async () => {
    const report = await api('report.get', { name: 'sub-funds', asOf: '2025-12-31' });
    const names = report.tables[0]!.rows.map((r) => r.name);
    expect(names).toEqual(ORDER);
    expect(report.tables[0]!.rows.map((r) => r.established ?? null)).toEqual([
      null,
      '2018-06-30',
      '2020-03-01',
    ]);
  });

  it('返投 compliance lists the funds in the same order', async () => {
    const rows = await api('compliance.reinvestment', { asOf: '2025-12-31' });
    expect(rows.map((r) => r.fundName)).toEqual(ORDER);
  });
});
