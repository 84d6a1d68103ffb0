import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLedgers } from '../../src/main/services/reports/load';
import type { Flow, Flows, FundLedger, LedgerColumns } from '../../src/shared/metrics/fund';
import { tempDb } from '../helpers/temp-db';

/**
 * loadLedgers reads the calls and distributions of each fund packed by SQLite into two BLOBs (one index
 * range per fund and type) and the latest NAV. Here it is checked against a plain row-by-row read (one row
 * per flow, in the covering index's order: fund, type, date, amount, id), on a database with the awkward
 * cases: a fund without flows, one with a NAV only, one with fees and other flows only, one with
 * distributions only, amounts of 0, above 2^31 and up to 2^53 − 1, several flows on one day, a day that
 * matches the GLOB of the schema but is no calendar day, flows dated exactly on the as-of date, and flows of
 * a fund id that is not in funds.
 */

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type FlowRow = [number, string, string, number];

/** The ledgers the plain way: every flow as a row, the latest valuation by a correlated max. */
function plainLedgers(asOf: string, ids?: ReadonlySet<number>): Map<number, FundLedger> {
  const { raw } = t.opened;
  const out = new Map<number, FundLedger>();
  const get = (id: number) => {
    let l = out.get(id);
    if (!l) {
      l = { calls: [], distributions: [], valuations: [] };
      out.set(id, l);
    }
    return l;
  };
  const flows = raw
    .prepare(
      `SELECT fund_id, type, date, amount_fen FROM cash_flows
       WHERE type IN ('call', 'distribution') AND date <= ? ORDER BY fund_id, type, date, amount_fen, id`,
    )
    .raw(true)
    .all(asOf) as FlowRow[];
  for (const [id, type, date, amountFen] of flows) {
    if (ids && !ids.has(id)) continue;
    (type === 'call' ? get(id).calls : get(id).distributions).push({ date, amountFen });
  }
  const navs = raw
    .prepare(
      `SELECT fund_id, as_of_date, nav_fen FROM valuations v WHERE as_of_date = (
         SELECT max(as_of_date) FROM valuations w WHERE w.fund_id = v.fund_id AND w.as_of_date <= ?)`,
    )
    .raw(true)
    .all(asOf) as [number, string, number][];
  for (const [id, date, navFen] of navs) {
    if (ids && !ids.has(id)) continue;
    get(id).valuations.push({ date, navFen });
  }
  return out;
}

const sorted = (m: Map<number, FundLedger>) => [...m.entries()].sort((a, b) => a[0] - b[0]);

/** loadLedgers's columns (dates as yyyymmdd) read back as dated amounts. */
const listOf = (f: Flows): Flow[] =>
  Array.from(f.dates, (key, i) => ({
    date: `${String(key).slice(0, 4)}-${String(key).slice(4, 6)}-${String(key).slice(6)}`,
    amountFen: f.fens[i]!,
  }));
const asLists = (l: LedgerColumns): FundLedger => ({
  calls: listOf(l.calls),
  distributions: listOf(l.distributions),
  valuations: l.valuations,
});
const load = (asOf: string, ids?: ReadonlySet<number>) =>
  new Map([...loadLedgers(t.opened.raw, asOf, ids)].map(([id, l]) => [id, asLists(l)]));

/** Funds 1–40 with random flows and valuations, plus the hand-made cases of funds 41–46 and fund 99. */
function seed() {
  const { raw } = t.opened;
  const random = rng(20261127);
  const addFund = raw.prepare(`INSERT INTO funds (id, kind, name) VALUES (?, ?, ?)`);
  const addFlow = raw.prepare(`INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (?, ?, ?, ?)`);
  const addNav = raw.prepare(`INSERT INTO valuations (fund_id, as_of_date, nav_fen) VALUES (?, ?, ?)`);
  // Few distinct days, so most are shared between funds and types.
  const days: string[] = [];
  for (let i = 0; i < 60; i++) {
    const y = 2012 + Math.floor(random() * 16);
    const m = 1 + Math.floor(random() * 12);
    const d = 1 + Math.floor(random() * 28);
    days.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  const types = ['call', 'distribution', 'fee', 'other'];
  raw.transaction(() => {
    for (let id = 1; id <= 46; id++) addFund.run(id, id % 3 === 0 ? 'direct' : 'sub', `基金${id}`);
    for (let id = 1; id <= 40; id++) {
      const n = Math.floor(random() * 120);
      for (let k = 0; k < n; k++) {
        const amount = random() < 0.05 ? 0 : Math.floor(random() * (random() < 0.1 ? 2 ** 40 : 2 ** 31));
        addFlow.run(id, days[Math.floor(random() * days.length)], types[Math.floor(random() * 4)], amount);
      }
      const navDays = new Set(
        Array.from({ length: Math.floor(random() * 6) }, () => days[Math.floor(random() * 60)]),
      );
      for (const d of navDays) addNav.run(id, d, Math.floor(random() * 2 ** 36));
    }
    // 41: no flows, no valuations. 42: a NAV only. 43: fees and other flows only.
    addNav.run(42, '2019-06-30', 0);
    addNav.run(42, '2022-12-31', 5);
    addFlow.run(43, '2018-01-01', 'fee', 100);
    addFlow.run(43, '2019-06-30', 'other', 200);
    // 44: distributions only, two on one day, one above 2^31.
    addFlow.run(44, '2018-01-01', 'distribution', 1);
    addFlow.run(44, '2018-01-01', 'distribution', 1);
    addFlow.run(44, '2022-12-31', 'distribution', 2 ** 31);
    // 45: zeros, flows on the as-of dates, a GLOB-valid non-day, the largest exact amount, a flow after all.
    for (const [date, type, amount] of [
      ['2019-06-30', 'call', 0],
      ['2019-06-30', 'distribution', 0],
      ['2022-12-31', 'call', 100],
      ['2022-12-31', 'call', 100],
      ['2022-12-31', 'call', 7],
      ['2022-12-31', 'distribution', 7],
      ['2021-02-30', 'call', 5],
      ['2021-19-39', 'distribution', 6],
      ['1000-01-01', 'call', 1],
      ['2015-01-01', 'call', Number.MAX_SAFE_INTEGER],
      ['2999-12-31', 'call', 3],
    ] as const)
      addFlow.run(45, date, type, amount);
    addNav.run(45, '2022-12-31', 123456789012);
    // 46: one call dated on the first as-of date.
    addFlow.run(46, '2015-01-01', 'call', 42);
  })();
  // 99: flows of a fund that is not (or no longer) in funds, as in a file written without foreign keys.
  raw.pragma('foreign_keys = OFF');
  addFlow.run(99, '2020-01-01', 'call', 9);
  addFlow.run(99, '2020-02-01', 'distribution', 10);
  raw.pragma('foreign_keys = ON');
}

const AS_OF = [
  '1000-01-01',
  '2015-01-01',
  '2019-06-30',
  '2021-02-30',
  '2022-12-31',
  '2026-11-27',
  '2999-12-31',
];

describe('loadLedgers', () => {
  it('equals a plain row-by-row read, for every as-of date and set of funds', () => {
    seed();
    const idSets: (ReadonlySet<number> | undefined)[] = [
      undefined,
      new Set(),
      new Set([45]),
      new Set([44, 41, 42, 12345]),
      new Set([99, 3, 1]),
      new Set(Array.from({ length: 100 }, (_, i) => i + 1)),
      new Set(Array.from({ length: 70 }, (_, i) => 70 - i)),
    ];
    let flows = 0;
    for (const asOf of AS_OF) {
      for (const ids of idSets) {
        const got = load(asOf, ids);
        const want = plainLedgers(asOf, ids);
        expect(sorted(got), `${asOf} ${ids ? [...ids].join(',') : 'all'}`).toStrictEqual(sorted(want));
        for (const l of got.values()) flows += l.calls.length + l.distributions.length;
      }
    }
    expect(flows).toBeGreaterThan(5000);
  });

  it('the hand-made cases come out as written', () => {
    seed();
    const l = load('2022-12-31');
    expect(l.has(41)).toBe(false);
    expect(l.get(42)).toEqual({
      calls: [],
      distributions: [],
      valuations: [{ date: '2022-12-31', navFen: 5 }],
    });
    expect(l.has(43)).toBe(false);
    expect(l.get(44)?.distributions).toEqual([
      { date: '2018-01-01', amountFen: 1 },
      { date: '2018-01-01', amountFen: 1 },
      { date: '2022-12-31', amountFen: 2 ** 31 },
    ]);
    expect(l.get(45)).toEqual({
      calls: [
        { date: '1000-01-01', amountFen: 1 },
        { date: '2015-01-01', amountFen: Number.MAX_SAFE_INTEGER },
        { date: '2019-06-30', amountFen: 0 },
        { date: '2021-02-30', amountFen: 5 },
        { date: '2022-12-31', amountFen: 7 },
        { date: '2022-12-31', amountFen: 100 },
        { date: '2022-12-31', amountFen: 100 },
      ],
      distributions: [
        { date: '2019-06-30', amountFen: 0 },
        { date: '2021-19-39', amountFen: 6 },
        { date: '2022-12-31', amountFen: 7 },
      ],
      valuations: [{ date: '2022-12-31', navFen: 123456789012 }],
    });
    expect(l.get(99)).toEqual({
      calls: [{ date: '2020-01-01', amountFen: 9 }],
      distributions: [{ date: '2020-02-01', amountFen: 10 }],
      valuations: [],
    });
    expect(load('2014-12-31', new Set([45, 46])).get(45)?.calls).toEqual([
      { date: '1000-01-01', amountFen: 1 },
    ]);
    expect(load('2015-01-01', new Set([46])).get(46)?.calls).toEqual([{ date: '2015-01-01', amountFen: 42 }]);
  });

  it('no negative or fractional amount can be stored, so none is parsed', () => {
    const { raw } = t.opened;
    raw.prepare(`INSERT INTO funds (id, kind, name) VALUES (1, 'sub', '基金')`).run();
    const add = raw.prepare(
      `INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (1, ?, 'call', ?)`,
    );
    expect(() => add.run('2020-01-01', -5)).toThrow(/CHECK/);
    expect(() => add.run('2020-01-01', 1.5)).toThrow(/CHECK/);
    expect(() => add.run('2020-1-01', 5)).toThrow(/CHECK/);
  });
});
