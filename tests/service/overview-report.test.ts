import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo/index';
import { writeBrief } from '../../src/main/services/reports/brief';
import { funnel, loadDeals } from '../../src/main/services/reports/financing';
import { loadLanded } from '../../src/main/services/reports/landed-projects';
import { loadFunds, loadLedgers, metricsOf } from '../../src/main/services/reports/load';
import { overviewReport } from '../../src/main/services/reports/overview';
import { INDUSTRY, INDUSTRY_SHORT, type Industry } from '../../src/shared/domain';
import { leverage, paidInProgress, reinvestRequirementFen } from '../../src/shared/metrics/fund';
import type { ReportData, ReportRow, ReportTable } from '../../src/shared/reports/types';
import { rollBackAfter } from '../helpers/migrations';
import { tempDb } from '../helpers/temp-db';

/**
 * The 引导基金总览 report sums the landed projects, investments and financing deals in SQL (GROUP BYs over the
 * indexes of migration 0004) instead of reading every row. Its tables must be what the rows say: here they
 * are recomputed the plain way, row by row, from the same rows the detail reports list (loadLanded,
 * loadDeals, loadFunds, metricsOf, and the recognised 返投 amounts read row by row), on databases with the awkward cases — as-of dates that
 * cut through every table, cancelled projects, undated first contacts and funds, deals closed after the date,
 * deals closed at a stage other than 已完成, industries with projects but no investments and the reverse.
 */

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(async () => {
  await t.opened.close().catch(() => {}); // reopened by the migration test
  await t.cleanup();
});

const tableOf = (r: ReportData, key: string): ReportTable => r.tables.find((x) => x.key === key)!;

/** The overview's tables computed the plain way: one filter per industry and per year over every row. */
function plainOverview(asOf: string) {
  const { raw } = t.opened;
  const funds = loadFunds(raw, asOf);
  const { byFund, total } = metricsOf(funds, loadLedgers(raw, asOf), asOf);
  // 返投 recognised: one recognition per fund and enterprise (the earliest; an investment before a project
  // of the same day), the rest not counted again (the default rule set: 1× the recorded amount).
  const rec = new Map<number, number>();
  for (const [fid, fen] of t.opened.raw
    .prepare(
      `SELECT fund_id, sum(f) FROM (
         SELECT fund_id, f, row_number() OVER (PARTITION BY fund_id, enterprise_id ORDER BY d, src, id) AS n FROM (
           SELECT fund_id, enterprise_id, date AS d, 0 AS src, id, reinvest_recognised_fen AS f FROM investments
            WHERE date <= @asOf AND reinvest_category IS NOT NULL
           UNION ALL
           SELECT fund_id, enterprise_id, landed_date, 1, id, reinvest_recognised_fen FROM landed_projects
            WHERE landed_date <= @asOf AND status <> 'cancelled' AND reinvest_category IS NOT NULL
              AND fund_id IS NOT NULL) AS recognitions) AS numbered
       WHERE n = 1 GROUP BY fund_id`,
    )
    .raw(true)
    .all({ asOf }) as [number, number][]) {
    rec.set(fid, fen);
  }
  const { rows: landed } = loadLanded(t.opened, asOf);
  const deals = loadDeals(t.opened, asOf);
  const invs = raw
    .prepare(
      `SELECT e.industry, i.amount_fen, i.date, f.established_date FROM investments i
        JOIN enterprises e ON e.id = i.enterprise_id JOIN funds f ON f.id = i.fund_id`,
    )
    .raw(true)
    .all() as [string, number, string, string | null][];
  const invsByAsOf = invs.filter(([, , d, est]) => d <= asOf && (est === null || est <= asOf));

  const industry: ReportRow[] = [];
  for (const c of INDUSTRY.codes as Industry[]) {
    const ls = landed.filter((l) => l[3] === c);
    const is = invsByAsOf.filter((i) => i[0] === c);
    if (ls.length === 0 && is.length === 0) continue;
    industry.push({
      industry: INDUSTRY_SHORT[c],
      landedCount: ls.length,
      landedAmount: ls.reduce((s, l) => s + l[9], 0),
      invCount: is.length,
      invAmount: is.reduce((s, i) => s + i[1], 0),
    });
  }

  const years = new Set<string>();
  for (const f of funds) if (f.established_date) years.add(f.established_date.slice(0, 4));
  for (const l of landed) years.add(l[4].slice(0, 4));
  for (const d of deals) if (d[10]) years.add(d[10].slice(0, 4));
  const year = [...years].sort().map((y) => {
    const fs = funds.filter((f) => f.established_date?.startsWith(y));
    const subs = fs.filter((f) => f.kind === 'sub');
    const directs = fs.filter((f) => f.kind === 'direct');
    const ls = landed.filter((l) => l[4].startsWith(y));
    return {
      year: `${y}年`,
      newSubs: subs.length,
      subSize: subs.reduce((s, f) => s + f.total_size_fen, 0),
      newDirect: directs.length,
      directSize: directs.reduce((s, f) => s + f.total_size_fen, 0),
      landedCount: ls.length,
      landedAmount: ls.reduce((s, l) => s + l[9], 0),
      closedAmount: deals.filter((d) => d[10]?.startsWith(y)).reduce((s, d) => s + (d[9] ?? 0), 0),
    };
  });

  const reinvest = funds
    .filter((f) => f.reinvest_multiple !== null)
    .map((f) => plainReinvest(f, byFund.get(f.id)!.paidInFen, rec.get(f.id) ?? 0));
  return { industry, year, reinvest, funnel: funnel(deals), total };
}

/** 返投 requirement = multiple × base (commitment, or paid-in as of asOf); completion = recognised ÷ requirement. */
function plainReinvest(f: ReturnType<typeof loadFunds>[number], paidInFen: number, recognisedFen: number) {
  const baseFen = f.reinvest_base === 'paid_in' ? paidInFen : f.guidance_commitment_fen;
  const requirementFen = reinvestRequirementFen(f.reinvest_multiple!, baseFen);
  return {
    requirementFen,
    recognisedFen,
    completion: requirementFen > 0 ? recognisedFen / requirementFen : null,
  };
}

/** Every figure of the overview's tables, charts and brief against plainOverview. */
async function expectPlain(asOf: string) {
  const r = await overviewReport(t.opened, { asOf });
  const plain = plainOverview(asOf);
  const where = `as of ${asOf}`;

  const ind = tableOf(r, 'by-industry');
  expect(ind.rows, `${where}: by industry`).toEqual(plain.industry);
  const year = tableOf(r, 'by-year');
  expect(year.rows, `${where}: by year`).toEqual(plain.year);
  for (const tbl of [ind, year]) {
    for (const c of tbl.columns) {
      if (c.kind !== 'text') {
        expect(tbl.totals![c.key], `${where}: ${tbl.key} total ${c.key}`).toBe(
          tbl.rows.reduce((s, row) => s + Number(row[c.key]), 0),
        );
      }
    }
  }

  const re = tableOf(r, 'reinvestment');
  expect(
    re.rows.map((row) => [row.required, row.recognised, row.completion]),
    `${where}: 返投`,
  ).toEqual(plain.reinvest.map((x) => [x.requirementFen, x.recognisedFen, x.completion]));

  const f = plain.funnel;
  expect(
    tableOf(r, 'funnel').rows.map((row) => row.enterprises),
    `${where}: funnel`,
  ).toEqual([f.matched, f.dd, f.ts, f.closed]);

  const chart = (key: string) => r.charts.find((c) => c.key === key)!;
  expect(chart('industry').series.map((s) => s.values)).toEqual([
    plain.industry.map((x) => x.landedAmount),
    plain.industry.map((x) => x.invAmount),
  ]);
  expect(chart('year').categories).toEqual(plain.year.map((x) => x.year));
  expect(chart('funnel').series[0]!.values).toEqual([f.matched, f.dd, f.ts, f.closed]);

  // The brief: the largest industry by landed amount, the 返投 totals and the portfolio's §5 figures.
  const required = plain.reinvest.reduce((s, x) => s + (x.requirementFen ?? 0), 0);
  const recognised = plain.reinvest.reduce((s, x) => s + x.recognisedFen, 0);
  const fig = Object.fromEntries(r.figures.map((x) => [x.key, Number(x.value)]));
  const overview = {
    asOf,
    subFunds: {
      count: fig['sub-count']!,
      totalSizeFen: fig['sub-size']!,
      guidanceCommitmentFen: fig['sub-commit']!,
      paidInFen: fig['sub-paid']!,
    },
    directFunds: {
      count: fig['direct-count']!,
      totalSizeFen: fig['direct-size']!,
      collectiveAssetsFen: fig.collective!,
    },
    landedProjects: { count: fig['landed-count']!, amountFen: fig['landed-amount']! },
    financing: {
      enterprisesMatched: fig.matched!,
      enterprisesFinanced: fig.financed!,
      amountClosedFen: fig['closed-amount']!,
    },
  };
  expect(r.brief, `${where}: brief`).toBe(
    writeBrief({
      asOf,
      district: t.opened.raw
        .prepare(
          `SELECT district FROM enterprises WHERE in_district = 1 AND district IS NOT NULL AND district <> ''
           GROUP BY district ORDER BY count(*) DESC LIMIT 1`,
        )
        .pluck()
        .get() as string | null,
      o: overview,
      leverage: leverage(overview.subFunds.totalSizeFen, overview.subFunds.guidanceCommitmentFen),
      progress: paidInProgress(overview.subFunds.paidInFen, overview.subFunds.guidanceCommitmentFen),
      topIndustry:
        [...plain.industry].sort((a, b) => Number(b.landedAmount) - Number(a.landedAmount))[0] ?? null,
      reinvest: { required, recognised },
      total: plain.total,
    }),
  );
  return r;
}

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A random database with every awkward case. Landed projects are never 'ict' and enterprises never 'storage',
 * so an industry can have projects and no investments or the reverse; nothing is 'terminal'.
 */
function generate(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const date = (from = 2014, to = 2027) => {
    const y = from + Math.floor(r() * (to - from + 1));
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const fen = () => (1 + Math.floor(r() * 5000)) * 10_000;
  const { raw } = t.opened;
  raw.transaction(() => {
    const fundIds: number[] = [];
    for (let i = 0; i < 30; i++) {
      const size = fen() * 10;
      const multiple = r() < 0.3 ? null : pick([1, 1.2, 1.5, 2]);
      const id = raw
        .prepare(
          `INSERT INTO funds (kind, name, established_date, total_size_fen, guidance_commitment_fen,
            reinvest_multiple, reinvest_base, reinvest_deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          r() < 0.7 ? 'sub' : 'direct',
          `测试基金${i}号`,
          r() < 0.15 ? null : date(2014, 2026),
          size,
          Math.floor(size / 4),
          multiple,
          r() < 0.5 ? 'paid_in' : 'commitment',
          multiple === null ? null : date(2024, 2030),
        ).lastInsertRowid as number;
      fundIds.push(id);
      for (let k = 0; k < 12; k++) {
        raw
          .prepare(`INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (?, ?, ?, ?)`)
          .run(id, date(), pick(['call', 'call', 'distribution', 'fee']), fen());
      }
      for (const d of new Set([date(), date()])) {
        raw
          .prepare(`INSERT INTO valuations (fund_id, as_of_date, nav_fen) VALUES (?, ?, ?)`)
          .run(id, d, fen());
      }
    }
    const entIds: number[] = [];
    const entIndustries = INDUSTRY.codes.filter((c) => c !== 'storage' && c !== 'terminal');
    for (let i = 0; i < 80; i++) {
      entIds.push(
        raw
          .prepare(`INSERT INTO enterprises (name, industry, district, in_district) VALUES (?, ?, ?, ?)`)
          .run(`测试企业${i}`, pick(entIndustries), pick(['坪山区', '龙岗区', null]), r() < 0.7 ? 1 : 0)
          .lastInsertRowid as number,
      );
    }
    const recognisedPair = new Set<string>();
    const recognition = (fundId: number, entId: number) => {
      const key = `${fundId}:${entId}`;
      if (recognisedPair.has(key) || r() < 0.6) return [null, null];
      recognisedPair.add(key);
      return [pick(['registered', 'relocated', 'subsidiary', 'introduced', 'other']), fen()];
    };
    for (let i = 0; i < 250; i++) {
      const fundId = pick(fundIds);
      const entId = pick(entIds);
      const [cat, rec] = recognition(fundId, entId);
      raw
        .prepare(
          `INSERT INTO investments (fund_id, enterprise_id, date, amount_fen, reinvest_category, reinvest_recognised_fen)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(fundId, entId, date(), fen(), cat, rec);
    }
    const landedIndustries = INDUSTRY.codes.filter((c) => c !== 'ict' && c !== 'terminal');
    const recognisedLanded = new Set<string>();
    for (let i = 0; i < 250; i++) {
      const fundId = r() < 0.3 ? null : pick(fundIds);
      const entId = pick(entIds);
      let cat: string | null = null;
      let rec: number | null = null;
      if (fundId !== null && !recognisedLanded.has(`${fundId}:${entId}`) && r() < 0.4) {
        recognisedLanded.add(`${fundId}:${entId}`);
        cat = pick(['registered', 'introduced', 'subsidiary']);
        rec = fen();
      }
      raw
        .prepare(
          `INSERT INTO landed_projects (enterprise_id, name, fund_id, landed_date, amount_fen, industry, status,
            reinvest_category, reinvest_recognised_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          entId,
          r() < 0.5 ? null : `项目${i}`,
          fundId,
          date(),
          fen(),
          pick(landedIndustries),
          pick(['signed', 'registered', 'operating', 'cancelled']),
          cat,
          rec,
        );
    }
    const instIds: number[] = [];
    for (let i = 0; i < 10; i++) {
      instIds.push(
        raw.prepare(`INSERT INTO institutions (name, kind) VALUES (?, ?)`).run(`机构${i}`, pick(['vc', 'pe']))
          .lastInsertRowid as number,
      );
    }
    for (let i = 0; i < 300; i++) {
      const stage = pick(['contact', 'dd', 'ts', 'closed', 'closed', 'dropped']);
      const first = r() < 0.15 ? null : date(2014, 2026);
      const closedAt = first === null ? date(2014, 2027) : date(Number(first.slice(0, 4)) + 1, 2027);
      // A closed deal has a date and an amount; other stages sometimes have them too (a deal that closed
      // a round and went on, or was dropped after), sometimes an amount without a date.
      const hasClose = stage === 'closed' || r() < 0.2;
      raw
        .prepare(
          `INSERT INTO financing_deals (enterprise_id, institution_id, stage, first_contact_date, amount_sought_fen,
            amount_closed_fen, closed_date) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          pick(entIds),
          pick(instIds),
          stage,
          first,
          r() < 0.2 ? null : fen(),
          hasClose || r() < 0.1 ? fen() : null,
          hasClose ? closedAt : null,
        );
    }
  })();
}

const DATES = [
  '2013-12-31',
  '2015-06-30',
  '2018-01-01',
  '2020-12-31',
  '2022-07-15',
  '2025-12-31',
  '2030-01-01',
];

describe('overview report: its sums are what the rows say', () => {
  it('random databases with every awkward case, cut at dates before, inside and after the data', async () => {
    for (const seed of [1, 2, 3]) {
      await t.cleanup();
      t = await tempDb();
      generate(seed);
      for (const asOf of DATES) await expectPlain(asOf);
    }
  });

  it('the demo data', async () => {
    await loadDemo(t.db, { replace: false });
    for (const asOf of ['2016-12-31', '2021-06-30', '2025-12-31']) await expectPlain(asOf);
  });

  it('an empty database', async () => {
    const r = await expectPlain('2025-12-31');
    expect(tableOf(r, 'by-industry').rows).toEqual([]);
    expect(tableOf(r, 'by-year').rows).toEqual([]);
    expect(tableOf(r, 'funnel').rows.map((x) => x.enterprises)).toEqual([0, 0, 0, 0]);
  });

  it('a small ledger, figure by figure', async () => {
    const { raw } = t.opened;
    const run = (q: string, ...args: unknown[]) => raw.prepare(q).run(...args).lastInsertRowid as number;
    const auto = run(`INSERT INTO enterprises (name, industry) VALUES ('甲', 'auto')`);
    const bio = run(`INSERT INTO enterprises (name, industry) VALUES ('乙', 'bio')`);
    const ict = run(`INSERT INTO enterprises (name, industry) VALUES ('丙', 'ict')`);
    const f1 = run(
      `INSERT INTO funds (kind, name, established_date, total_size_fen, guidance_commitment_fen, reinvest_multiple,
        reinvest_base) VALUES ('sub', '子基金一', '2020-01-01', 1000000, 300000, 1.5, 'paid_in')`,
    );
    const f2 = run(
      `INSERT INTO funds (kind, name, established_date, total_size_fen) VALUES ('direct', '直投二', '2023-05-01', 500000)`,
    );
    run(
      `INSERT INTO funds (kind, name, established_date, total_size_fen) VALUES ('sub', '无日期三', NULL, 200000)`,
    );
    run(
      `INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (?, '2020-03-01', 'call', 100000)`,
      f1,
    );
    run(
      `INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (?, '2022-03-01', 'call', 50000)`,
      f1,
    );
    run(
      `INSERT INTO investments (fund_id, enterprise_id, date, amount_fen, reinvest_category, reinvest_recognised_fen)
       VALUES (?, ?, '2020-06-01', 80000, 'registered', 30000)`,
      f1,
      ict,
    );
    // By a fund established after the as-of date: not counted yet.
    run(
      `INSERT INTO investments (fund_id, enterprise_id, date, amount_fen) VALUES (?, ?, '2021-01-01', 40000)`,
      f2,
      auto,
    );
    const landed = (
      ent: number,
      date: string,
      fen: number,
      ind: string,
      status: string,
      fund: number | null,
    ) =>
      run(
        `INSERT INTO landed_projects (enterprise_id, fund_id, landed_date, amount_fen, industry, status)
         VALUES (?, ?, ?, ?, ?, ?)`,
        ent,
        fund,
        date,
        fen,
        ind,
        status,
      );
    const l1 = landed(auto, '2020-05-01', 70000, 'auto', 'operating', f1);
    raw
      .prepare(
        `UPDATE landed_projects SET reinvest_category = 'introduced', reinvest_recognised_fen = 40000 WHERE id = ?`,
      )
      .run(l1);
    landed(auto, '2021-02-01', 30000, 'auto', 'cancelled', null);
    landed(bio, '2022-01-05', 60000, 'bio', 'registered', null);
    landed(bio, '2021-07-01', 20000, 'bio', 'signed', null);
    const inst = run(`INSERT INTO institutions (name) VALUES ('机构')`);
    const deal = (
      ent: number,
      stage: string,
      first: string | null,
      closed: string | null,
      fen: number | null,
    ) =>
      run(
        `INSERT INTO financing_deals (enterprise_id, institution_id, stage, first_contact_date, closed_date,
          amount_closed_fen) VALUES (?, ?, ?, ?, ?, ?)`,
        ent,
        inst,
        stage,
        first,
        closed,
        fen,
      );
    deal(auto, 'dd', null, null, null); // undated first contact: matched, in due diligence
    deal(bio, 'closed', '2021-01-01', '2022-03-01', 90000); // closed after the date: a term sheet on it
    deal(ict, 'closed', '2020-01-01', '2021-06-30', 25000);
    deal(ict, 'dd', '2022-01-01', null, null); // first contact after the date: not there yet

    const r = await expectPlain('2021-12-31');
    expect(tableOf(r, 'by-industry').rows).toEqual([
      { industry: INDUSTRY_SHORT.auto, landedCount: 1, landedAmount: 70000, invCount: 0, invAmount: 0 },
      { industry: INDUSTRY_SHORT.bio, landedCount: 1, landedAmount: 20000, invCount: 0, invAmount: 0 },
      { industry: INDUSTRY_SHORT.ict, landedCount: 0, landedAmount: 0, invCount: 1, invAmount: 80000 },
    ]);
    expect(tableOf(r, 'by-year').rows).toEqual([
      {
        year: '2020年',
        newSubs: 1,
        subSize: 1000000,
        newDirect: 0,
        directSize: 0,
        landedCount: 1,
        landedAmount: 70000,
        closedAmount: 0,
      },
      {
        year: '2021年',
        newSubs: 0,
        subSize: 0,
        newDirect: 0,
        directSize: 0,
        landedCount: 1,
        landedAmount: 20000,
        closedAmount: 25000,
      },
    ]);
    expect(tableOf(r, 'funnel').rows.map((x) => x.enterprises)).toEqual([3, 3, 2, 1]);
    // 返投: 1.5 × paid-in 100000 (the 2022 call not yet made); recognised 30000 + 40000.
    const re = tableOf(r, 'reinvestment').rows;
    expect(re.map((x) => [x.required, x.recognised, x.completion])).toEqual([
      [150000, 70000, 70000 / 150000],
    ]);

    // A year later everything dated 2022 counts; the direct fund is still not established.
    const later = await expectPlain('2022-12-31');
    expect(tableOf(later, 'by-year').rows.map((x) => [x.year, x.landedAmount, x.closedAmount])).toEqual([
      ['2020年', 70000, 0],
      ['2021年', 20000, 25000],
      ['2022年', 60000, 90000],
    ]);
    expect(tableOf(later, 'funnel').rows.map((x) => x.enterprises)).toEqual([3, 3, 2, 2]);
    expect(tableOf(later, 'reinvestment').rows[0]!.required).toBe(225000);
  });
});

describe('migration 0004', () => {
  it('adds its indexes to a file of the previous version, and the report reads the same', async () => {
    generate(7);
    const before = await Promise.all(DATES.map((d) => overviewReport(t.opened, { asOf: d })));
    await rollBackAfter(t.db, '0003_headline_figures');
    await t.opened.close();
    const reopened = await openDatabase(t.path);
    t.opened = reopened;
    t.db = reopened.db;
    // A file is copied aside first; on PostgreSQL the migration is one transaction of the server instead.
    if (reopened.engine === 'sqlite')
      expect(reopened.preMigrationBackup).toMatch(/before-0004_overview_aggregates/);
    else expect(reopened.preMigrationBackup).toBeNull();
    const indexes = reopened.raw
      .prepare(
        reopened.engine === 'sqlite'
          ? `SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`
          : 'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()',
      )
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'investments_enterprise_date',
        'landed_projects_industry_date',
        'investments_recognised',
        'landed_projects_recognised',
      ]),
    );
    expect(indexes).not.toContain('investments_enterprise');
    const after = await Promise.all(DATES.map((d) => overviewReport(t.opened, { asOf: d })));
    const strip = (r: ReportData) => ({ ...r, generatedAt: '' });
    expect(after.map(strip)).toEqual(before.map(strip));
  });
});
