/** 基金业绩: DPI, RVPI, TVPI and net IRR per fund and in total (docs/PRODUCT.md §5). */
import { FUND_KIND, type FundKind, labelOf } from '../../../shared/domain';
import type { FundMetrics } from '../../../shared/metrics/fund';
import { fundMetrics, portfolioMetrics } from '../../../shared/metrics/fund';
import { shortFundName } from '../../../shared/reports/format';
import type { ReportData, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { baseReport, chartOf, col, type ReportParams, table, totalLabel, totalsRow } from './common';
import { once } from './figures-once';
import { readWithHelper } from './ledgers-helper';
import { EMPTY_LEDGER, type FundRow, loadFundsAndLedgers } from './load';
import { NAV_LABEL, NAV_RULE_NOTE, navFigureNote } from './nav';

/** One fund in `report performance --json`: its id, name and kind, and its FundMetrics but the date. */
export type PerformanceFund = { id: number; name: string; kind: FundKind } & Omit<FundMetrics, 'asOf'>;

export interface PerformanceData {
  asOf: string;
  funds: PerformanceFund[];
}

/**
 * Every fund established by asOf (or only `fundId`) with its ledger and metrics: two queries, then pure arithmetic. Computed
 * once per document (figures-once.ts): the pack's 业绩 and 绩效评价 sheets both need it.
 */
export function fundsWithMetrics(opened: OpenedDb, asOf: string, fundId?: number) {
  return once(opened, `metrics|${asOf}|${fundId ?? ''}`, () => {
    if (fundId === undefined) {
      // A large file: read by a helper thread while each fund is computed here (ledgers-helper.ts).
      const computed = new Map<number, FundMetrics>();
      const read = readWithHelper(opened, asOf, (id, l) => computed.set(id, fundMetrics(l, asOf)));
      if (read) {
        const { funds, ledgers } = read;
        const byFund = new Map(
          funds.map((f) => [
            f.id,
            computed.get(f.id) ?? fundMetrics(ledgers.get(f.id) ?? EMPTY_LEDGER, asOf),
          ]),
        );
        return { funds, ledgers, byFund };
      }
    }
    const { funds, ledgers } = loadFundsAndLedgers(opened.raw, asOf, fundId);
    const byFund = new Map(funds.map((f) => [f.id, fundMetrics(ledgers.get(f.id) ?? EMPTY_LEDGER, asOf)]));
    return { funds, ledgers, byFund };
  });
}

/** Every fund's metrics as of a date, and their total (all funds' flows pooled). */
export function performanceMetrics(opened: OpenedDb, asOf: string) {
  const { funds, ledgers, byFund } = fundsWithMetrics(opened, asOf);
  const total = portfolioMetrics(
    funds.map((f) => ledgers.get(f.id) ?? EMPTY_LEDGER),
    asOf,
  );
  return { funds, ledgers, byFund, total };
}

/** The `funddesk report performance --json` shape (per fund only: no pooled total to compute). */
export function performanceData(opened: OpenedDb, asOf: string): PerformanceData {
  const { funds, byFund } = fundsWithMetrics(opened, asOf);
  return {
    asOf,
    funds: funds.map((f) => {
      const { asOf: _, ...m } = byFund.get(f.id)!;
      return { id: f.id, name: f.name, kind: f.kind, ...m };
    }),
  };
}

const metricCols = () => [
  col.money('paidIn', '实缴出资'),
  col.money('distributed', '累计分配'),
  col.money('nav', NAV_LABEL),
];
const ratioCols = () => [
  col.ratio('dpi', 'DPI', 7),
  col.ratio('rvpi', 'RVPI', 7),
  col.ratio('tvpi', 'TVPI', 7),
  col.pct('irr', '净IRR', 9),
];
const ratioValues = (m: FundMetrics) => ({ dpi: m.dpi, rvpi: m.rvpi, tvpi: m.tvpi, irr: m.irr });

export function performanceReport(opened: OpenedDb, p: ReportParams): ReportData {
  const { funds, ledgers, byFund, total } = performanceMetrics(opened, p.asOf);
  const columns = [
    col.seq(),
    col.text('name', '基金名称', 34),
    col.text('kind', '类型', 8),
    ...metricCols(),
    col.date('navDate', '估值基准日'),
    col.money('navValuation', '基准日估值'),
    ...ratioCols(),
    col.text('irrNote', 'IRR说明', 26),
  ];
  const rows: ReportRow[] = funds.map((f, i) => {
    const m = byFund.get(f.id)!;
    return {
      id: f.id,
      seq: i + 1,
      name: f.name,
      kind: labelOf(FUND_KIND, f.kind),
      paidIn: m.paidInFen,
      distributed: m.distributedFen,
      nav: m.navFen,
      navDate: m.navDate,
      navValuation: m.navValuationFen,
      ...ratioValues(m),
      irrNote: [m.navNote, m.irrNote].filter(Boolean).join('；'),
    };
  });
  const totals = totalsRow(columns, rows, totalLabel(rows.length, '只'), {
    ...ratioValues(total),
    irrNote: total.irrNote ?? '',
  });

  const byKind = (kind: FundKind): [FundRow[], FundMetrics] => {
    const fs = funds.filter((f) => f.kind === kind);
    return [
      fs,
      portfolioMetrics(
        fs.map((f) => ledgers.get(f.id) ?? EMPTY_LEDGER),
        p.asOf,
      ),
    ];
  };
  const kindColumns = [
    col.text('kind', '基金类型', 10),
    col.int('count', '基金数', 7),
    ...metricCols(),
    ...ratioCols(),
  ];
  const kindRows: ReportRow[] = (['sub', 'direct'] as const).map((k) => {
    const [fs, m] = byKind(k);
    return {
      kind: labelOf(FUND_KIND, k),
      count: fs.length,
      paidIn: m.paidInFen,
      distributed: m.distributedFen,
      nav: m.navFen,
      ...ratioValues(m),
    };
  });
  const kindTotals = totalsRow(kindColumns, kindRows, '合计', ratioValues(total));

  const main = table('performance', '基金业绩', columns, rows, totals);
  const short = (r: ReportRow) => shortFundName(String(r.name));
  return baseReport(opened, 'performance', p.asOf, {
    figures: [
      { key: 'paidIn', label: '累计实缴', value: total.paidInFen, kind: 'money' },
      { key: 'distributed', label: '累计分配', value: total.distributedFen, kind: 'money' },
      { key: 'nav', label: NAV_LABEL, value: total.navFen, kind: 'money', note: navFigureNote(total) },
      { key: 'dpi', label: 'DPI', value: total.dpi, kind: 'ratio' },
      { key: 'tvpi', label: 'TVPI', value: total.tvpi, kind: 'ratio' },
      { key: 'irr', label: '整体净IRR', value: total.irr, kind: 'percent', note: total.irrNote ?? undefined },
    ],
    charts: [
      chartOf('value', '各基金实缴、分配与估值', 'hbar', main, short, ['paidIn', 'distributed', 'nav']),
      chartOf('irr', '各基金净IRR', 'hbar', main, short, ['irr']),
    ],
    tables: [main, table('by-kind', '按基金类型汇总', kindColumns, kindRows, kindTotals)],
    notes: [
      '实缴出资、累计分配为截至日期（含）的引导基金出资与所获分配。',
      NAV_RULE_NOTE,
      'DPI＝累计分配÷实缴；RVPI＝调整后净值÷实缴；TVPI＝DPI＋RVPI。',
      '净IRR：出资为负、分配为正、调整后净值作为截至日期的正现金流，按实际天数/365计算（与Excel、LibreOffice的XIRR相同）；无法计算时显示“—”并说明原因。合计行按全部基金现金流合并计算。',
    ],
  });
}
