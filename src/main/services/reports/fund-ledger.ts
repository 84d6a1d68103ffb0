/**
 * What the fund ledger reports (子基金台账, 直投基金台账) share: the funds of one kind with their metrics and
 * investment counts, the columns a row opens with (who the fund is) and closes with (its returns), their
 * cells, and the notes on figures left uncomputed.
 */
import { FUND_STATUS, labelOf } from '../../../shared/domain';
import type { FundMetrics } from '../../../shared/metrics/fund';
import type { ReportColumn, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { col } from './common';
import { type FundRow, loadFunds, loadInvestmentAgg, loadLedgers, metricsOf } from './load';

/** The funds of one kind as of asOf, each one's metrics (and all of theirs), and their investment counts. */
export function loadFundLedger(opened: OpenedDb, asOf: string, kind: 'sub' | 'direct') {
  const funds = loadFunds(opened.raw, asOf, { kind });
  const ledgers = loadLedgers(opened.raw, asOf, new Set(funds.map((f) => f.id)));
  return { funds, ...metricsOf(funds, ledgers, asOf), inv: loadInvestmentAgg(opened.raw, asOf) };
}

/** 序号, name, manager, established, status. */
const FUND_HEAD_COLUMNS: readonly ReportColumn[] = [
  col.seq(),
  col.text('name', '基金名称', 34),
  col.text('manager', '基金管理人', 24),
  col.date('established', '成立日期'),
  col.text('status', '状态', 8),
];

/** The cells of FUND_HEAD_COLUMNS for the i-th fund (and its id, for links). */
function fundHead(f: FundRow, i: number): ReportRow {
  return {
    id: f.id,
    seq: i + 1,
    name: f.name,
    manager: f.manager_name ?? '',
    established: f.established_date,
    status: labelOf(FUND_STATUS, f.status),
  };
}

/** DPI, TVPI, 净IRR. */
const RETURN_COLUMNS: readonly ReportColumn[] = [
  col.ratio('dpi', 'DPI', 7),
  col.ratio('tvpi', 'TVPI', 7),
  col.pct('irr', '净IRR', 9),
];

/** The cells of RETURN_COLUMNS. */
export const returnsOf = (m: FundMetrics): ReportRow => ({ dpi: m.dpi, tvpi: m.tvpi, irr: m.irr });

/** A fund ledger table's columns: who the fund is, then `middle`, then its returns. */
export const fundColumns = (middle: readonly ReportColumn[]): ReportColumn[] => [
  ...FUND_HEAD_COLUMNS,
  ...middle,
  ...RETURN_COLUMNS,
];

/** The i-th fund's row of a fundColumns table: `middle` holds the cells of the middle columns. */
export const fundRow = (f: FundRow, i: number, m: FundMetrics, middle: ReportRow): ReportRow => ({
  ...fundHead(f, i),
  ...middle,
  ...returnsOf(m),
});

/** Why a fund's IRR or NAV is not what it seems, as notes under the table. */
export function metricNotes(f: FundRow, m: FundMetrics): string[] {
  const notes: string[] = [];
  if (m.irr === null && m.irrNote) notes.push(`${f.name}：净IRR未计算（${m.irrNote}）。`);
  if (m.navNote) notes.push(`${f.name}：${m.navNote}。`);
  return notes;
}
