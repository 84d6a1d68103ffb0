import { describe, expect, it } from 'vitest';
import {
  type FundLedger,
  fundMetrics,
  leverage,
  moic,
  paidInProgress,
  portfolioMetrics,
  reinvestCompletion,
  reinvestRequirementFen,
} from '../../src/shared/metrics/fund';
import { xirr } from '../../src/shared/metrics/xirr';

const WAN = 1_000_000; // fen in 1万元

const ledger: FundLedger = {
  calls: [
    { date: '2019-03-01', amountFen: 2000 * WAN },
    { date: '2020-03-02', amountFen: 3000 * WAN },
    { date: '2021-03-01', amountFen: 5000 * WAN },
    { date: '2025-09-01', amountFen: 1000 * WAN }, // after the as-of date
  ],
  distributions: [
    { date: '2023-06-30', amountFen: 1500 * WAN },
    { date: '2024-12-20', amountFen: 2500 * WAN },
    { date: '2025-07-01', amountFen: 9999 * WAN }, // after the as-of date
  ],
  valuations: [
    { date: '2024-12-31', navFen: 9000 * WAN },
    { date: '2025-03-31', navFen: 9600 * WAN },
    { date: '2025-06-30', navFen: 12345 * WAN }, // after the as-of date
  ],
};

describe('fundMetrics', () => {
  const m = fundMetrics(ledger, '2025-06-29');

  it('counts only flows dated on or before the as-of date', () => {
    expect(m.asOf).toBe('2025-06-29');
    expect(m.paidInFen).toBe(10000 * WAN);
    expect(m.distributedFen).toBe(4000 * WAN);
  });

  it('starts NAV from the latest valuation on or before the as-of date', () => {
    expect(m.navFen).toBe(9600 * WAN);
    expect(m.navDate).toBe('2025-03-31');
    expect(m.navValuationFen).toBe(9600 * WAN);
    expect(m.navNote).toBeNull();
    const onTheDay = fundMetrics(ledger, '2025-06-30');
    expect(onTheDay.navFen).toBe(12345 * WAN);
    expect(onTheDay.navDate).toBe('2025-06-30');
  });

  it('adjusts it by the calls and distributions dated after the valuation (adjusted NAV)', () => {
    // 2025-07-01: valuation of 06-30 12345万, minus the 9999万 distributed on 07-01 → 2346万.
    const july = fundMetrics(ledger, '2025-07-01');
    expect(july).toMatchObject({
      navDate: '2025-06-30',
      navValuationFen: 12345 * WAN,
      navCallsAfterFen: 0,
      navDistributionsAfterFen: 9999 * WAN,
      navFen: 2346 * WAN,
    });
    // 2025-09-01: plus the 1000万 called that day → 3346万.
    const sept = fundMetrics(ledger, '2025-09-01');
    expect(sept.navCallsAfterFen).toBe(1000 * WAN);
    expect(sept.navFen).toBe(3346 * WAN);
    // RVPI and TVPI use it: paid-in 11000万, distributed 13999万.
    expect(sept.rvpi).toBe(3346 / 11000);
    expect(sept.tvpi).toBe(13999 / 11000 + 3346 / 11000);
    // A flow on the valuation's own date is in the valuation: 2024-12-20's distribution is before
    // 2024-12-31's valuation, so at 2025-01-15 nothing is adjusted.
    const jan = fundMetrics(ledger, '2025-01-15');
    expect(jan.navFen).toBe(9000 * WAN);
    expect(jan.navDistributionsAfterFen).toBe(0);
  });

  it('a distribution on the valuation date is not taken off again; one the day after is', () => {
    const l: FundLedger = {
      calls: [{ date: '2024-01-01', amountFen: 1000 }],
      distributions: [{ date: '2024-06-30', amountFen: 300 }],
      valuations: [{ date: '2024-06-30', navFen: 900 }],
    };
    expect(fundMetrics(l, '2024-12-31').navFen).toBe(900);
    const dayAfter = { ...l, distributions: [{ date: '2024-07-01', amountFen: 300 }] };
    expect(fundMetrics(dayAfter, '2024-06-30').navFen).toBe(900); // not yet paid on D
    expect(fundMetrics(dayAfter, '2024-07-01').navFen).toBe(600);
  });

  it('never goes below 0, and says so', () => {
    const l: FundLedger = {
      calls: [{ date: '2024-01-01', amountFen: 1000 }],
      distributions: [{ date: '2024-09-30', amountFen: 1500 }],
      valuations: [{ date: '2024-06-30', navFen: 1200 }],
    };
    const r = fundMetrics(l, '2024-12-31');
    expect(r.navFen).toBe(0);
    expect(r.navValuationFen).toBe(1200);
    expect(r.navNote).toMatch(/按0计/);
    expect(r.tvpi).toBe(1.5);
  });

  it('a fund with no valuation on or before D keeps a NAV of 0, with a note', () => {
    const before = fundMetrics(ledger, '2024-12-30');
    expect(before.navFen).toBe(0);
    expect(before.navDate).toBeNull();
    expect(before.navCallsAfterFen).toBe(0);
    expect(before.navNote).toBe('截至日期前尚无估值，净值按0计，不作调整');
  });

  it('IRR uses the adjusted NAV as the flow on D', () => {
    const july = fundMetrics(ledger, '2025-07-01');
    const expected = xirr([
      { date: '2019-03-01', amount: -2000 },
      { date: '2020-03-02', amount: -3000 },
      { date: '2021-03-01', amount: -5000 },
      { date: '2023-06-30', amount: 1500 },
      { date: '2024-12-20', amount: 2500 },
      { date: '2025-07-01', amount: 9999 },
      { date: '2025-07-01', amount: 2346 }, // 12345 − 9999, not 12345
    ]);
    if (!expected.ok) throw new Error(expected.reason);
    expect(july.irr).toBeCloseTo(expected.rate, 14);
  });

  it('uses the last listed valuation when two share the latest date', () => {
    const l: FundLedger = {
      ...ledger,
      valuations: [
        { date: '2025-03-31', navFen: 1 },
        { date: '2025-03-31', navFen: 2 },
        { date: '2024-03-31', navFen: 3 },
      ],
    };
    expect(fundMetrics(l, '2025-06-29').navFen).toBe(2);
  });

  it('computes DPI, RVPI and TVPI = DPI + RVPI', () => {
    expect(m.dpi).toBe(0.4);
    expect(m.rvpi).toBe(0.96);
    expect(m.tvpi).toBe(0.4 + 0.96);
  });

  it('IRR is the XIRR of calls (−), distributions (+) and NAV (+) dated as of D', () => {
    const expected = xirr([
      { date: '2019-03-01', amount: -2000 },
      { date: '2020-03-02', amount: -3000 },
      { date: '2021-03-01', amount: -5000 },
      { date: '2023-06-30', amount: 1500 },
      { date: '2024-12-20', amount: 2500 },
      { date: '2025-06-29', amount: 9600 }, // the NAV of 2025-03-31, dated D
    ]);
    if (!expected.ok) throw new Error(expected.reason);
    expect(m.irr).toBeCloseTo(expected.rate, 14);
    expect(m.irr).toBeGreaterThan(0.06);
    expect(m.irr).toBeLessThan(0.07);
    expect(m.irrNote).toBeNull();
  });

  it('paid-in only (no distribution, no NAV): ratios are 0, IRR is null with the reason', () => {
    const r = fundMetrics({ calls: ledger.calls, distributions: [], valuations: [] }, '2022-01-01');
    expect(r.paidInFen).toBe(10000 * WAN);
    expect(r.dpi).toBe(0);
    expect(r.rvpi).toBe(0);
    expect(r.tvpi).toBe(0);
    expect(r.irr).toBeNull();
    expect(r.irrNote).toBe('现金流没有正负变化，无法计算IRR');
  });

  it('a NAV of 0 is not a flow', () => {
    const r = fundMetrics(
      { ...ledger, distributions: [], valuations: [{ date: '2024-01-01', navFen: 0 }] },
      '2025-01-01',
    );
    expect(r.navFen).toBe(0);
    expect(r.navDate).toBe('2024-01-01');
    expect(r.irr).toBeNull();
  });

  it('before the first call: no paid-in, null ratios, no flows', () => {
    const r = fundMetrics(ledger, '2018-12-31');
    expect(r).toEqual({
      asOf: '2018-12-31',
      paidInFen: 0,
      distributedFen: 0,
      navFen: 0,
      navDate: null,
      navValuationFen: 0,
      navCallsAfterFen: 0,
      navDistributionsAfterFen: 0,
      navNote: null,
      dpi: null,
      rvpi: null,
      tvpi: null,
      irr: null,
      irrNote: '没有现金流，无法计算IRR',
    });
  });

  it('a total loss: calls and a NAV of 1 fen give a rate near −100%, never NaN', () => {
    const r = fundMetrics(
      {
        calls: [{ date: '2024-01-01', amountFen: 100 * WAN }],
        distributions: [],
        valuations: [{ date: '2024-12-31', navFen: 1 }],
      },
      '2024-12-31',
    );
    expect(r.irr).not.toBeNaN();
    expect(r.irr).toBeLessThan(-0.9999);
  });

  it('throws on a malformed date', () => {
    expect(() => fundMetrics(ledger, '2025/06/30')).toThrow(RangeError);
    expect(() =>
      fundMetrics({ ...ledger, calls: [{ date: '2019-02-30', amountFen: 1 }] }, '2025-06-30'),
    ).toThrow(new RangeError('出资日期无效：2019-02-30（应为YYYY-MM-DD）'));
    expect(() =>
      fundMetrics({ ...ledger, distributions: [{ date: '2019-13-01', amountFen: 1 }] }, '2025-06-30'),
    ).toThrow(new RangeError('分配日期无效：2019-13-01（应为YYYY-MM-DD）'));
  });
});

describe('portfolioMetrics (the total row)', () => {
  const other: FundLedger = {
    calls: [
      { date: '2020-03-02', amountFen: 4000 * WAN },
      { date: '2022-05-10', amountFen: 4000 * WAN },
    ],
    distributions: [{ date: '2024-12-20', amountFen: 500 * WAN }],
    valuations: [{ date: '2024-12-31', navFen: 7000 * WAN }],
  };
  const empty: FundLedger = { calls: [], distributions: [], valuations: [] };
  const asOf = '2025-06-29';
  const rows = [ledger, other, empty].map((l) => fundMetrics(l, asOf));
  const total = portfolioMetrics([ledger, other, empty], asOf);

  it('sums equal the sum of the rows', () => {
    expect(total.paidInFen).toBe(rows.reduce((s, r) => s + r.paidInFen, 0));
    expect(total.distributedFen).toBe(rows.reduce((s, r) => s + r.distributedFen, 0));
    expect(total.navFen).toBe(rows.reduce((s, r) => s + r.navFen, 0));
    expect(total.navDate).toBe('2025-03-31');
  });

  it('ratios are taken on the sums', () => {
    expect(total.dpi).toBe(4500 / 18000);
    expect(total.rvpi).toBe(16600 / 18000);
  });

  it('pooled IRR is the XIRR of all funds’ flows together', () => {
    const pooled = xirr([
      ...[...ledger.calls, ...other.calls]
        .filter((c) => c.date <= asOf)
        .map((c) => ({ date: c.date, amount: -c.amountFen })),
      ...[...ledger.distributions, ...other.distributions]
        .filter((d) => d.date <= asOf)
        .map((d) => ({ date: d.date, amount: d.amountFen })),
      { date: asOf, amount: (9600 + 7000) * WAN },
    ]);
    if (!pooled.ok) throw new Error(pooled.reason);
    expect(total.irr).toBeCloseTo(pooled.rate, 14);
    // between the two funds' own IRRs
    const [a, b] = [rows[0]!.irr!, rows[1]!.irr!].sort((x, y) => x - y);
    expect(total.irr).toBeGreaterThan(a!);
    expect(total.irr).toBeLessThan(b!);
  });

  it('of no funds is empty', () => {
    const r = portfolioMetrics([], asOf);
    expect(r.paidInFen).toBe(0);
    expect(r.irr).toBeNull();
    expect(r.irrNote).toBe('没有现金流，无法计算IRR');
  });
});

describe('ratios', () => {
  it('MOIC = (exit + current value) ÷ invested', () => {
    expect(moic(1000, 500, 1000)).toBe(1.5);
    expect(moic(0, 500, 1000)).toBeNull();
  });

  it('出资进度 and 放大倍数', () => {
    expect(paidInProgress(3000, 10000)).toBe(0.3);
    expect(paidInProgress(3000, 0)).toBeNull();
    expect(leverage(50000, 10000)).toBe(5);
    expect(leverage(50000, 0)).toBeNull();
    expect(leverage(Number.NaN, 10000)).toBeNull();
  });

  it('返投 requirement in whole fen, half away from zero, exact on decimal multiples', () => {
    expect(reinvestRequirementFen(1.5, 100_000_000)).toBe(150_000_000);
    expect(reinvestRequirementFen(1.5, 333)).toBe(500); // 499.5
    expect(reinvestRequirementFen(1.15, 10)).toBe(12); // 11.5 (1.15 * 10 is 11.499… in binary)
    expect(reinvestRequirementFen(1.2, 3)).toBe(4); // 3.6
    expect(reinvestRequirementFen(1.1, 1)).toBe(1); // 1.1
    expect(reinvestRequirementFen(-1.5, 333)).toBe(-500);
    expect(reinvestRequirementFen(0, 333)).toBe(0);
    expect(reinvestRequirementFen(2, 4_952_000_000_000)).toBe(9_904_000_000_000);
    expect(reinvestRequirementFen(1e-7, 5_000_000)).toBe(1); // 0.5
    // products past 2^53 are still exact (1.15 × 2^50 = 1,294,784,892,869,017.6)
    expect(reinvestRequirementFen(1.15, 2 ** 50)).toBe(1_294_784_892_869_018);
    expect(reinvestRequirementFen(0.35, 7)).toBe(2); // 2.45
    expect(reinvestRequirementFen(2.5, -3)).toBe(-8); // -7.5, half away from zero
    expect(() => reinvestRequirementFen(Number.NaN, 1)).toThrow(RangeError);
  });

  it('返投 completion = recognised ÷ requirement', () => {
    expect(reinvestCompletion(75, 100)).toBe(0.75);
    expect(reinvestCompletion(75, 0)).toBeNull();
  });
});
