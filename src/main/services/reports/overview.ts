/**
 * 引导基金总览: the headline figures of docs/PRODUCT.md §2 (the same numbers as getOverview), by industry, by
 * year, 返投 progress and the financing funnel, with charts and a one-paragraph brief.
 */
import type { Overview } from '../../../shared/contract/app';
import { INDUSTRY, INDUSTRY_SHORT, type Industry } from '../../../shared/domain';
import { leverage, paidInProgress, portfolioMetrics } from '../../../shared/metrics/fund';
import { shortFundName } from '../../../shared/reports/format';
import type { ReportColumn, ReportData, ReportFigure, ReportRow } from '../../../shared/reports/types';
import { isPostgresRaw } from '../../db/engine';
import type { OpenedDb } from '../../db/open';
import { NO_REINVEST, reinvestFiguresByFund } from '../compliance/reinvest';
import { getOverview } from '../overview';
import { writeBrief } from './brief';
import { baseReport, chartOf, col, itemTable, type ReportParams, ratio, table, yearOf } from './common';
import { type FunnelCounts, funnelChart, funnelTable } from './financing';
import { type LandedYear, landedByIndustryYearPg } from './landed-years-pg';
import { EMPTY_LEDGER, homeDistrict, loadFundsAndLedgers } from './load';

type Raw = OpenedDb['raw'];

/*
 * The report shows totals, not rows: the landed projects, investments and financing deals are summed in SQL,
 * from covering indexes (migrations 0002–0004), instead of every project and deal being read with
 * loadLanded / loadDeals and filtered once per industry and per year in JS (at 100x the demo data those
 * reads and filters were 2.4 s of the report's 3.4 s; now about 100 ms). Each query below says which rows it
 * sums; tests/service/overview-report.test.ts checks every table against those rows, summed the plain way.
 * The joins of loadLanded / loadDeals to enterprises, institutions and funds drop no row (NOT NULL foreign
 * keys, checked on open), so the sums leave them out.
 */

/**
 * Landed projects per industry and landing year: the rows of loadLanded (landed on or before asOf, not
 * cancelled), as [industry, year, count, amount] for each industry and year that has any. Each is one range of the index (industry,
 * landed_date, status, amount_fen) (migration 0004), and the next year with a project is one seek: no sort
 * of every project for a GROUP BY. Industries are INDUSTRY's codes (the column's CHECK).
 */
function landedByIndustryYear(raw: Raw, asOf: string): LandedYear[] {
  if (isPostgresRaw(raw)) return landedByIndustryYearPg(raw, asOf);
  const nextDate = raw
    .prepare(
      `SELECT min(landed_date) FROM landed_projects WHERE industry = ? AND landed_date > ? AND landed_date <= ?`,
    )
    .pluck();
  const yearSum = raw
    .prepare(
      `SELECT count(*), coalesce(sum(amount_fen), 0) FROM landed_projects
       WHERE industry = ? AND landed_date >= ? AND landed_date <= ? AND status <> 'cancelled'`,
    )
    .raw(true);
  const out: LandedYear[] = [];
  for (const ind of INDUSTRY.codes) {
    // A stored date is YYYY-MM-DD (CHECK), so a year's dates lie from YYYY-00-00 to YYYY-99-99.
    for (let d = nextDate.get(ind, '', asOf) as string | null; d !== null; ) {
      const y = yearOf(d);
      const end = `${y}-99-99`;
      const [n, fen] = yearSum.get(ind, `${y}-00-00`, end < asOf ? end : asOf) as [number, number];
      if (n > 0) out.push([ind, y, n, fen]);
      d = nextDate.get(ind, end > d ? end : d, asOf) as string | null; // always past d: the loop ends
    }
  }
  return out;
}

/**
 * Investments made on or before asOf by funds established by then (or undated), per enterprise industry. Scans
 * enterprises(industry) and each enterprise's investments from (enterprise_id, date, fund_id, amount_fen)
 * (migration 0004); the few funds established after asOf are excluded by id.
 */
function investmentsByIndustry(raw: Raw, asOf: string) {
  return raw
    .prepare(
      `SELECT e.industry, count(*), sum(i.amount_fen) FROM enterprises e
        JOIN investments i ON i.enterprise_id = e.id
       WHERE i.date <= @asOf AND i.fund_id NOT IN (SELECT id FROM funds WHERE established_date > @asOf)
       GROUP BY e.industry`,
    )
    .raw(true)
    .all({ asOf }) as [industry: string, count: number, amountFen: number][];
}

/**
 * funnel(loadDeals(asOf)) in one pass over financing_deals_enterprise_dates (migration 0002), per enterprise
 * in index order: the furthest stage of its deals first contacted by asOf (or undated), where a deal closed
 * after asOf counts as a term sheet (financing.ts's RANK: dropped 0, contact 1, dd 2, ts 3, closed 4).
 */
function dealFunnel(raw: Raw, asOf: string): FunnelCounts {
  const [matched, dd, ts, closed] = raw
    .prepare(
      `SELECT count(*), coalesce(sum(CASE WHEN best >= 2 THEN 1 ELSE 0 END), 0),
         coalesce(sum(CASE WHEN best >= 3 THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN best >= 4 THEN 1 ELSE 0 END), 0)
       FROM (SELECT max(CASE stage WHEN 'closed' THEN CASE WHEN closed_date <= @asOf THEN 4 ELSE 3 END
                 WHEN 'ts' THEN 3 WHEN 'dd' THEN 2 WHEN 'contact' THEN 1 ELSE 0 END) AS best
             FROM financing_deals WHERE first_contact_date IS NULL OR first_contact_date <= @asOf
             GROUP BY enterprise_id) AS per_enterprise`,
    )
    .raw(true)
    .get({ asOf }) as [number, number, number, number];
  return { matched, dd, ts, closed };
}

/**
 * The closed amount per year of the closing date, over loadDeals(asOf) as it lists them: every deal with a
 * closing date (whatever its stage) except a closed one that closed after asOf, which loadDeals lists as a
 * term sheet without date or amount.
 */
function closedByYear(raw: Raw, asOf: string): Map<string, number> {
  const rows = raw
    .prepare(
      `SELECT substr(closed_date, 1, 4), coalesce(sum(amount_closed_fen), 0) FROM financing_deals
       WHERE (first_contact_date IS NULL OR first_contact_date <= @asOf)
         AND closed_date IS NOT NULL AND closed_date <> '' AND (stage <> 'closed' OR closed_date <= @asOf)
       GROUP BY 1`,
    )
    .raw(true)
    .all({ asOf }) as [string, number][];
  return new Map(rows);
}

export function overviewFigures(o: Overview): ReportFigure[] {
  return [
    { key: 'sub-count', label: '子基金', value: o.subFunds.count, kind: 'int', suffix: '只' },
    { key: 'sub-size', label: '子基金总规模', value: o.subFunds.totalSizeFen, kind: 'money' },
    { key: 'sub-commit', label: '引导基金认缴', value: o.subFunds.guidanceCommitmentFen, kind: 'money' },
    { key: 'sub-paid', label: '引导基金实缴', value: o.subFunds.paidInFen, kind: 'money' },
    { key: 'direct-count', label: '直投基金', value: o.directFunds.count, kind: 'int', suffix: '只' },
    { key: 'direct-size', label: '直投基金管理规模', value: o.directFunds.totalSizeFen, kind: 'money' },
    { key: 'collective', label: '撬动集体资产', value: o.directFunds.collectiveAssetsFen, kind: 'money' },
    { key: 'landed-count', label: '落地项目', value: o.landedProjects.count, kind: 'int', suffix: '个' },
    { key: 'landed-amount', label: '落户金额', value: o.landedProjects.amountFen, kind: 'money' },
    { key: 'matched', label: '对接企业', value: o.financing.enterprisesMatched, kind: 'int', suffix: '家' },
    {
      key: 'financed',
      label: '完成融资企业',
      value: o.financing.enterprisesFinanced,
      kind: 'int',
      suffix: '家',
    },
    { key: 'closed-amount', label: '完成融资金额', value: o.financing.amountClosedFen, kind: 'money' },
  ];
}

export async function overviewReport(opened: OpenedDb, p: ReportParams): Promise<ReportData> {
  const { raw } = opened;
  const o = await getOverview(opened.db, p.asOf);
  const { funds, ledgers } = loadFundsAndLedgers(raw, p.asOf);
  // Only the portfolio total and each fund's paid-in are used, so not metricsOf (an XIRR per fund). The total
  // checks every flow's date (it throws on an invalid one), after which a ledger's paid-in is the sum of its
  // calls, as fundMetrics has it.
  const ledgerOf = (id: number) => ledgers.get(id) ?? EMPTY_LEDGER;
  const total = portfolioMetrics(
    funds.map((f) => ledgerOf(f.id)),
    p.asOf,
  );
  const reinvestByFund = reinvestFiguresByFund(opened, p.asOf);
  const landed = landedByIndustryYear(raw, p.asOf);
  const fun = dealFunnel(raw, p.asOf);
  const closedYears = closedByYear(raw, p.asOf);

  // Key figures as a table (no totals: the rows are different things).
  const keyCols: ReportColumn[] = [
    col.text('item', '指标', 22),
    col.int('count', '数量', 10),
    col.text('measure', '单位', 6),
    col.money('amount', '金额'),
  ];
  const keyRows: ReportRow[] = [
    { item: '子基金（总规模）', count: o.subFunds.count, measure: '只', amount: o.subFunds.totalSizeFen },
    { item: '引导基金认缴出资', count: null, measure: '', amount: o.subFunds.guidanceCommitmentFen },
    { item: '引导基金实缴出资', count: null, measure: '', amount: o.subFunds.paidInFen },
    {
      item: '直投基金（管理规模）',
      count: o.directFunds.count,
      measure: '只',
      amount: o.directFunds.totalSizeFen,
    },
    { item: '撬动集体资产', count: null, measure: '', amount: o.directFunds.collectiveAssetsFen },
    {
      item: '引进落地项目（落户金额）',
      count: o.landedProjects.count,
      measure: '个',
      amount: o.landedProjects.amountFen,
    },
    { item: '协助对接投资机构的企业', count: o.financing.enterprisesMatched, measure: '家', amount: null },
    {
      item: '成功完成融资的企业（融资金额）',
      count: o.financing.enterprisesFinanced,
      measure: '家',
      amount: o.financing.amountClosedFen,
    },
  ];

  // By industry: landed projects and fund investments (enterprise industry).
  const invByInd = new Map(investmentsByIndustry(raw, p.asOf).map(([ind, n, fen]) => [ind, { n, fen }]));
  const landedByInd = new Map<string, { n: number; fen: number }>();
  for (const [ind, , n, fen] of landed) {
    const g = landedByInd.get(ind);
    if (g) {
      g.n += n;
      g.fen += fen;
    } else landedByInd.set(ind, { n, fen });
  }
  const none = { n: 0, fen: 0 };
  const byIndustry = itemTable<Industry>(
    'by-industry',
    '按行业',
    [
      [col.text('industry', '行业', 16), (c) => INDUSTRY_SHORT[c]],
      [col.int('landedCount', '落地项目数', 9), (c) => (landedByInd.get(c) ?? none).n],
      [col.money('landedAmount', '落户金额'), (c) => (landedByInd.get(c) ?? none).fen],
      [col.int('invCount', '基金投资项目数', 11), (c) => (invByInd.get(c) ?? none).n],
      [col.money('invAmount', '基金投资金额'), (c) => (invByInd.get(c) ?? none).fen],
    ],
    INDUSTRY.codes.filter((c) => (landedByInd.get(c) ?? none).n > 0 || (invByInd.get(c) ?? none).n > 0),
    '合计',
  );

  // By year: one pass over the funds and the grouped projects and deals.
  const emptyYear = () => ({
    newSubs: 0,
    subSize: 0,
    newDirect: 0,
    directSize: 0,
    landedCount: 0,
    landedAmount: 0,
    closedAmount: 0,
  });
  const byYear = new Map<string, ReturnType<typeof emptyYear>>();
  const yearRow = (y: string) => {
    let r = byYear.get(y);
    if (!r) {
      r = emptyYear();
      byYear.set(y, r);
    }
    return r;
  };
  for (const f of funds) {
    if (!f.established_date) continue;
    const r = yearRow(yearOf(f.established_date));
    if (f.kind === 'sub') {
      r.newSubs++;
      r.subSize += f.total_size_fen;
    } else if (f.kind === 'direct') {
      r.newDirect++;
      r.directSize += f.total_size_fen;
    }
  }
  for (const [, y, n, fen] of landed) {
    const r = yearRow(y);
    r.landedCount += n;
    r.landedAmount += fen;
  }
  for (const [y, fen] of closedYears) yearRow(y).closedAmount += fen;
  type Year = [year: string, r: ReturnType<typeof emptyYear>];
  const yearTable = itemTable<Year>(
    'by-year',
    '按年度',
    [
      [col.text('year', '年度', 8), ([y]) => `${y}年`],
      [col.int('newSubs', '新设子基金', 9), ([, r]) => r.newSubs],
      [col.money('subSize', '子基金规模'), ([, r]) => r.subSize],
      [col.int('newDirect', '新设直投基金', 10), ([, r]) => r.newDirect],
      [col.money('directSize', '直投基金规模'), ([, r]) => r.directSize],
      [col.int('landedCount', '落地项目数', 9), ([, r]) => r.landedCount],
      [col.money('landedAmount', '落户金额'), ([, r]) => r.landedAmount],
      [col.money('closedAmount', '完成融资金额'), ([, r]) => r.closedAmount],
    ],
    [...byYear.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    '合计',
  );

  // 返投 progress of the funds with an obligation.
  const reOf = (f: (typeof funds)[number]) => reinvestByFund.get(f.id) ?? NO_REINVEST;
  const reinvest = itemTable<(typeof funds)[number]>(
    'reinvestment',
    '返投进度',
    [
      [col.text('name', '基金名称', 30), (f) => shortFundName(f.name)],
      [col.money('required', '返投要求'), (f) => reOf(f).requirementFen],
      [col.money('recognised', '已认定'), (f) => reOf(f).recognisedFen],
      [col.pct('completion', '完成率', 9), (f) => reOf(f).completion],
      [col.date('deadline', '返投截止日'), (f) => f.reinvest_deadline],
    ],
    funds.filter((f) => f.reinvest_multiple !== null),
    '合计',
  );
  const reTotals = reinvest.totals;
  reTotals.completion = ratio(Number(reTotals.recognised), Number(reTotals.required));

  const funnel = funnelTable(fun);

  const district = homeDistrict(raw);
  const brief = writeBrief({
    asOf: p.asOf,
    district,
    o,
    leverage: leverage(o.subFunds.totalSizeFen, o.subFunds.guidanceCommitmentFen),
    progress: paidInProgress(o.subFunds.paidInFen, o.subFunds.guidanceCommitmentFen),
    topIndustry:
      [...byIndustry.rows].sort((a, b) => Number(b.landedAmount) - Number(a.landedAmount))[0] ?? null,
    reinvest: { required: Number(reTotals.required), recognised: Number(reTotals.recognised) },
    total,
  });

  const figures = overviewFigures(o);

  return baseReport(opened, 'overview', p.asOf, {
    figures,
    brief,
    charts: [
      chartOf('industry', '按行业：落户金额与基金投资', 'bar', byIndustry, 'industry', [
        'landedAmount',
        'invAmount',
      ]),
      chartOf('year', '按年度：新设基金规模与落户金额', 'bar', yearTable, 'year', [
        { key: 'subSize', name: '新设子基金规模' },
        { key: 'directSize', name: '新设直投基金规模' },
        'landedAmount',
      ]),
      chartOf('reinvest', '返投完成进度', 'hbar', reinvest, 'name', [
        { key: 'completion', name: '返投完成率' },
      ]),
      funnelChart(funnel),
    ],
    tables: [table('headline', '核心指标', keyCols, keyRows, null), byIndustry, yearTable, reinvest, funnel],
    notes: [
      '子基金、直投基金按成立日期统计；实缴出资、落地项目、融资对接按截至日期（含）前发生的记录统计；已终止的落地项目不计入。',
      '返投要求＝返投倍数×返投基数；完成率＝已认定金额÷返投要求。',
    ],
  });
}

export type { Overview };
