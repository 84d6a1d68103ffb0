/**
 * A fund's investments as of a date, as the direct-funds and single-fund reports list them: one query, each
 * investment's state on that date (exited only if the exit is dated by then) and the columns that show it.
 */
import { INVESTMENT_STATUS, labelOf, REINVEST_CATEGORY } from '../../../shared/domain';
import { moic } from '../../../shared/metrics/fund';
import type { ReportColumn, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { col, ratio, totalLabel, totalsRow } from './common';
import { industryName } from './landed-projects';

export interface InvestmentRow {
  fund_id: number;
  enterprise: string;
  industry: string;
  date: string;
  round: string | null;
  amount_fen: number;
  stake_pct: number | null;
  status: string;
  exit_date: string | null;
  exit_proceeds_fen: number | null;
  current_value_fen: number | null;
  reinvest_category: string | null;
  reinvest_recognised_fen: number | null;
}

/** Investments made on or before asOf by the given funds (one query). */
export function loadInvestments(opened: OpenedDb, asOf: string, fundFilter: string): InvestmentRow[] {
  return opened.raw
    .prepare(
      `SELECT i.fund_id, e.name AS enterprise, e.industry, i.date, i.round, i.amount_fen, i.stake_pct, i.status,
        i.exit_date, i.exit_proceeds_fen, i.current_value_fen, i.reinvest_category, i.reinvest_recognised_fen
       FROM investments i JOIN enterprises e ON e.id = i.enterprise_id JOIN funds f ON f.id = i.fund_id
       WHERE i.date <= @asOf AND ${fundFilter}
       ORDER BY i.fund_id, i.date, i.id`,
    )
    .all({ asOf }) as InvestmentRow[];
}

/** An investment as of asOf: exited only if the exit is dated on or before asOf. */
export function investmentAsOf(i: InvestmentRow, asOf: string) {
  const exited = i.status === 'exited' && i.exit_date !== null && i.exit_date <= asOf;
  const proceeds = exited ? (i.exit_proceeds_fen ?? 0) : null;
  const value = exited ? 0 : i.current_value_fen;
  return {
    exited,
    status: labelOf(INVESTMENT_STATUS, exited ? 'exited' : 'held'),
    proceeds,
    value,
    moic: value === null && proceeds === null ? null : moic(i.amount_fen, proceeds ?? 0, value ?? 0),
  };
}

/** The columns of an investments table (after 序号 and any leading columns of the caller's). */
export const investmentColumns = (): ReportColumn[] => [
  col.text('enterprise', '被投企业', 28),
  col.text('industry', '行业', 14),
  col.date('date', '投资日期'),
  col.text('round', '轮次', 8),
  col.money('amount', '投资金额'),
  { key: 'stake', header: '持股比例', kind: 'percent', width: 9 },
  col.text('status', '状态', 7),
  col.money('proceeds', '退出回款'),
  col.money('value', '当前估值'),
  col.ratio('moic', 'MOIC', 7),
];

/** The 返投 columns of an investments table. */
export const recognitionColumns = (): ReportColumn[] => [
  col.text('category', '返投认定类别', 14),
  col.money('recognised', '返投认定金额'),
];

/** One investment's cells of investmentColumns, as of asOf. */
export function investmentCells(i: InvestmentRow, asOf: string): ReportRow {
  const s = investmentAsOf(i, asOf);
  return {
    enterprise: i.enterprise,
    industry: industryName(i.industry),
    date: i.date,
    round: i.round ?? '',
    amount: i.amount_fen,
    stake: i.stake_pct === null ? null : i.stake_pct / 100,
    status: s.status,
    proceeds: s.proceeds,
    value: s.value,
    moic: s.moic,
  };
}

/** One investment's cells of recognitionColumns. */
export const recognitionCells = (i: InvestmentRow): ReportRow => ({
  category: i.reinvest_category ? labelOf(REINVEST_CATEGORY, i.reinvest_category) : '',
  recognised: i.reinvest_recognised_fen,
});

/** The totals row of an investments table: sums, and the MOIC of the sums. */
export function investmentTotals(columns: readonly ReportColumn[], rows: readonly ReportRow[]): ReportRow {
  const t = totalsRow(columns, rows, totalLabel(rows.length, '笔'));
  t.moic = ratio(Number(t.proceeds) + Number(t.value), Number(t.amount));
  return t;
}
