/**
 * What the fund ledger reports (子基金台账, 直投基金台账) share: the funds of one kind with their metrics and
 * investment counts, the columns a row opens with (who the fund is) and closes with (its returns), their
 * cells, and the notes on figures left uncomputed.
 */
import { FUND_STATUS, labelOf } from '../../../shared/domain';
import type { FundMetrics } from '../../../shared/metrics/fund';
import type { ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { col, type Field, fieldTable, seqField } from './common';
import {
  type FundRow,
  type InvestmentAgg,
  loadFunds,
  loadInvestmentAgg,
  loadLedgers,
  metricsOf,
} from './load';

/** The funds of one kind as of asOf, each one's metrics (and all of theirs), and their investment counts. */
export function loadFundLedger(opened: OpenedDb, asOf: string, kind: 'sub' | 'direct') {
  const funds = loadFunds(opened.raw, asOf, { kind });
  const ledgers = loadLedgers(opened.raw, asOf, new Set(funds.map((f) => f.id)));
  return { funds, ...metricsOf(funds, ledgers, asOf), inv: loadInvestmentAgg(opened.raw, asOf) };
}

/** A fund of a ledger report with its metrics and investment counts. */
export interface LedgerFund {
  f: FundRow;
  m: FundMetrics;
  a: InvestmentAgg | undefined;
}

/** The funds of loadFundLedger as LedgerFund items, in order. */
export const ledgerFunds = (l: ReturnType<typeof loadFundLedger>): LedgerFund[] =>
  l.funds.map((f) => ({ f, m: l.byFund.get(f.id)!, a: l.inv.get(f.id) }));

/** 序号, name, manager, established, status. */
const FUND_HEAD: readonly Field<LedgerFund>[] = [
  seqField,
  [col.text('name', '基金名称', 34), ({ f }) => f.name],
  [col.text('manager', '基金管理人', 24), ({ f }) => f.manager_name ?? ''],
  [col.date('established', '成立日期'), ({ f }) => f.established_date],
  [col.text('status', '状态', 8), ({ f }) => labelOf(FUND_STATUS, f.status)],
];

/** DPI, TVPI, 净IRR. */
const RETURNS: readonly Field<LedgerFund>[] = [
  [col.ratio('dpi', 'DPI', 7), ({ m }) => m.dpi],
  [col.ratio('tvpi', 'TVPI', 7), ({ m }) => m.tvpi],
  [col.pct('irr', '净IRR', 9), ({ m }) => m.irr],
];

/** The cells of RETURNS (for a totals row). */
export const returnsOf = (m: FundMetrics): ReportRow => ({ dpi: m.dpi, tvpi: m.tvpi, irr: m.irr });

/** A fund ledger table: who the fund is, then `middle`, then its returns; a row opens its fund. */
export const fundLedgerTable = <T extends LedgerFund>(items: readonly T[], middle: readonly Field<T>[]) =>
  fieldTable<T>([...FUND_HEAD, ...middle, ...RETURNS], items, ({ f }) => f.id);

/** Why a fund's IRR or NAV is not what it seems, as notes under the table. */
export function metricNotes(f: FundRow, m: FundMetrics): string[] {
  const notes: string[] = [];
  if (m.irr === null && m.irrNote) notes.push(`${f.name}：净IRR未计算（${m.irrNote}）。`);
  if (m.navNote) notes.push(`${f.name}：${m.navNote}。`);
  return notes;
}
