/**
 * The investment detail table of the fund reports (直投基金台账, 单只基金报告): the investments made by asOf,
 * each as it stood then (exited only if the exit is dated by asOf), with its MOIC and the totals' MOIC.
 */
import {
  INDUSTRY_SHORT,
  INVESTMENT_STATUS,
  type Industry,
  labelOf,
  REINVEST_CATEGORY,
} from '../../../shared/domain';
import { moic } from '../../../shared/metrics/fund';
import type { ReportColumn, ReportRow, ReportTable } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { col, count, ratio, table, totalsRow } from './common';

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
function investmentAsOf(i: InvestmentRow, asOf: string) {
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

/**
 * The table of `invs`: with a 投资基金 column when `fundNames` gives the funds' short names (several funds),
 * with the 返投 category and recognised amount when `reinvest`.
 */
export function investmentsTable(
  key: string,
  title: string,
  invs: readonly InvestmentRow[],
  asOf: string,
  opts: { fundNames?: ReadonlyMap<number, string>; reinvest?: boolean },
): ReportTable {
  const { fundNames, reinvest } = opts;
  const columns: ReportColumn[] = [
    col.seq(),
    ...(fundNames ? [col.text('fund', '投资基金', 22)] : []),
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
    ...(reinvest ? [col.text('category', '返投认定类别', 14), col.money('recognised', '返投认定金额')] : []),
  ];
  const rows: ReportRow[] = invs.map((i, k) => {
    const s = investmentAsOf(i, asOf);
    return {
      seq: k + 1,
      ...(fundNames ? { fund: fundNames.get(i.fund_id) ?? '' } : {}),
      enterprise: i.enterprise,
      industry: INDUSTRY_SHORT[i.industry as Industry] ?? i.industry,
      date: i.date,
      round: i.round ?? '',
      amount: i.amount_fen,
      stake: i.stake_pct === null ? null : i.stake_pct / 100,
      status: s.status,
      proceeds: s.proceeds,
      value: s.value,
      moic: s.moic,
      ...(reinvest
        ? {
            category: i.reinvest_category ? labelOf(REINVEST_CATEGORY, i.reinvest_category) : '',
            recognised: i.reinvest_recognised_fen,
          }
        : {}),
    };
  });
  const totals = totalsRow(columns, rows, `合计（${count(rows.length)}笔）`);
  totals.moic = ratio(Number(totals.proceeds) + Number(totals.value), Number(totals.amount));
  return table(key, title, columns, rows, totals);
}
