/**
 * 引导基金总览: the headline figures of PRODUCT.md §2 (the same numbers as getOverview), by industry, by
 * year, 返投 progress and the financing funnel, with charts and a one-paragraph brief.
 */
import type { Overview } from '../../../shared/contract/app';
import { INDUSTRY, INDUSTRY_SHORT, type Industry } from '../../../shared/domain';
import { leverage, paidInProgress } from '../../../shared/metrics/fund';
import { shortFundName } from '../../../shared/reports/format';
import type { ReportColumn, ReportData, ReportFigure, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { getOverview } from '../overview';
import { writeBrief } from './brief';
import { baseReport, col, type ReportParams, ratio, table, totalsRow, yearOf } from './common';
import { funnel, loadDeals } from './financing';
import { loadLanded } from './landed-projects';
import {
  homeDistrict,
  loadFunds,
  loadLedgers,
  loadRecognised,
  metricsOf,
  reinvestFigures,
  sumMap,
} from './load';

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
  const funds = loadFunds(raw, p.asOf);
  const ledgers = loadLedgers(raw, p.asOf);
  const { byFund, total } = metricsOf(funds, ledgers, p.asOf);
  const rec = loadRecognised(raw, p.asOf);
  const { rows: landed } = loadLanded(opened, p.asOf);
  const deals = loadDeals(opened, p.asOf);
  const fun = funnel(deals);

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
  const invByInd = raw
    .prepare(
      `SELECT e.industry, count(*), sum(i.amount_fen) FROM investments i
        JOIN enterprises e ON e.id = i.enterprise_id JOIN funds f ON f.id = i.fund_id
       WHERE i.date <= @asOf AND (f.established_date IS NULL OR f.established_date <= @asOf)
       GROUP BY e.industry`,
    )
    .raw(true)
    .all({ asOf: p.asOf }) as [string, number, number][];
  const indCols: ReportColumn[] = [
    col.text('industry', '行业', 16),
    col.int('landedCount', '落地项目数', 9),
    col.money('landedAmount', '落户金额'),
    col.int('invCount', '基金投资项目数', 11),
    col.money('invAmount', '基金投资金额'),
  ];
  const indRows: ReportRow[] = (INDUSTRY.codes as Industry[])
    .map((c) => {
      const ls = landed.filter((l) => l[3] === c);
      const inv = invByInd.find((r) => r[0] === c);
      return {
        industry: INDUSTRY_SHORT[c],
        landedCount: ls.length,
        landedAmount: ls.reduce((s, l) => s + l[9], 0),
        invCount: inv?.[1] ?? 0,
        invAmount: inv?.[2] ?? 0,
      };
    })
    .filter((r) => r.landedCount > 0 || r.invCount > 0);

  // By year.
  const years = new Set<string>();
  for (const f of funds) if (f.established_date) years.add(yearOf(f.established_date));
  for (const l of landed) years.add(yearOf(l[4]));
  for (const d of deals) if (d[10]) years.add(yearOf(d[10]));
  const yearCols: ReportColumn[] = [
    col.text('year', '年度', 8),
    col.int('newSubs', '新设子基金', 9),
    col.money('subSize', '子基金规模'),
    col.int('newDirect', '新设直投基金', 10),
    col.money('directSize', '直投基金规模'),
    col.int('landedCount', '落地项目数', 9),
    col.money('landedAmount', '落户金额'),
    col.money('closedAmount', '完成融资金额'),
  ];
  const yearRows: ReportRow[] = [...years].sort().map((y) => {
    const fs = funds.filter((f) => f.established_date && yearOf(f.established_date) === y);
    const ls = landed.filter((l) => yearOf(l[4]) === y);
    return {
      year: `${y}年`,
      newSubs: fs.filter((f) => f.kind === 'sub').length,
      subSize: fs.filter((f) => f.kind === 'sub').reduce((s, f) => s + f.total_size_fen, 0),
      newDirect: fs.filter((f) => f.kind === 'direct').length,
      directSize: fs.filter((f) => f.kind === 'direct').reduce((s, f) => s + f.total_size_fen, 0),
      landedCount: ls.length,
      landedAmount: ls.reduce((s, l) => s + l[9], 0),
      closedAmount: deals.filter((d) => d[10] && yearOf(d[10]) === y).reduce((s, d) => s + (d[9] ?? 0), 0),
    };
  });

  // 返投 progress of the funds with an obligation.
  const reCols: ReportColumn[] = [
    col.text('name', '基金名称', 30),
    col.money('required', '返投要求'),
    col.money('recognised', '已认定'),
    col.pct('completion', '完成率', 9),
    col.date('deadline', '返投截止日'),
  ];
  const reRows: ReportRow[] = funds
    .filter((f) => f.reinvest_multiple !== null)
    .map((f) => {
      const r = reinvestFigures(f, byFund.get(f.id)!.paidInFen, sumMap(rec.get(f.id)));
      return {
        name: shortFundName(f.name),
        required: r.requirementFen,
        recognised: r.recognisedFen,
        completion: r.completion,
        deadline: f.reinvest_deadline,
      };
    });
  const reTotals = totalsRow(reCols, reRows, '合计');
  reTotals.completion = ratio(Number(reTotals.recognised), Number(reTotals.required));

  // Financing funnel (cumulative: not additive).
  const funnelCols: ReportColumn[] = [
    col.text('stage', '阶段', 16),
    col.int('enterprises', '企业数', 8),
    col.pct('rate', '占对接企业', 10),
  ];
  const funnelRows: ReportRow[] = (
    [
      ['对接企业', fun.matched],
      ['进入尽调', fun.dd],
      ['达成投资意向', fun.ts],
      ['完成融资', fun.closed],
    ] as const
  ).map(([stage, n]) => ({ stage, enterprises: n, rate: ratio(n, fun.matched) }));

  const district = homeDistrict(raw);
  const brief = writeBrief({
    asOf: p.asOf,
    district,
    o,
    leverage: leverage(o.subFunds.totalSizeFen, o.subFunds.guidanceCommitmentFen),
    progress: paidInProgress(o.subFunds.paidInFen, o.subFunds.guidanceCommitmentFen),
    topIndustry: [...indRows].sort((a, b) => Number(b.landedAmount) - Number(a.landedAmount))[0] ?? null,
    reinvest: { required: Number(reTotals.required), recognised: Number(reTotals.recognised) },
    total,
  });

  const figures = overviewFigures(o);

  return baseReport(opened, 'overview', p.asOf, {
    figures,
    brief,
    charts: [
      {
        key: 'industry',
        title: '按行业：落户金额与基金投资',
        type: 'bar',
        categories: indRows.map((r) => String(r.industry)),
        series: [
          { name: '落户金额', kind: 'money', values: indRows.map((r) => r.landedAmount as number) },
          { name: '基金投资金额', kind: 'money', values: indRows.map((r) => r.invAmount as number) },
        ],
      },
      {
        key: 'year',
        title: '按年度：新设基金规模与落户金额',
        type: 'bar',
        categories: yearRows.map((r) => String(r.year)),
        series: [
          { name: '新设子基金规模', kind: 'money', values: yearRows.map((r) => r.subSize as number) },
          { name: '新设直投基金规模', kind: 'money', values: yearRows.map((r) => r.directSize as number) },
          { name: '落户金额', kind: 'money', values: yearRows.map((r) => r.landedAmount as number) },
        ],
      },
      {
        key: 'reinvest',
        title: '返投完成进度',
        type: 'hbar',
        categories: reRows.map((r) => String(r.name)),
        series: [
          { name: '返投完成率', kind: 'percent', values: reRows.map((r) => r.completion as number | null) },
        ],
      },
      {
        key: 'funnel',
        title: '融资对接漏斗（企业数）',
        type: 'funnel',
        categories: funnelRows.map((r) => String(r.stage)),
        series: [{ name: '企业数', kind: 'int', values: funnelRows.map((r) => r.enterprises as number) }],
      },
    ],
    tables: [
      table('headline', '核心指标', keyCols, keyRows, null),
      table('by-industry', '按行业', indCols, indRows, totalsRow(indCols, indRows, '合计')),
      table('by-year', '按年度', yearCols, yearRows, totalsRow(yearCols, yearRows, '合计')),
      table('reinvestment', '返投进度', reCols, reRows, reTotals),
      table(
        'funnel',
        '融资对接漏斗',
        funnelCols,
        funnelRows,
        null,
        '漏斗各阶段为累计数（含进入后续阶段的企业），不作合计。',
      ),
    ],
    notes: [
      '子基金、直投基金按成立日期统计；实缴出资、落地项目、融资对接按截至日期（含）前发生的记录统计；已终止的落地项目不计入。',
      '返投要求＝返投倍数×返投基数；完成率＝已认定金额÷返投要求。',
    ],
  });
}

export type { Overview };
