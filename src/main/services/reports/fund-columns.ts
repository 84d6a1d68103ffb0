/**
 * The columns the per-fund tables (子基金台账, 直投基金台账) share, each with the cells that fill it: which
 * fund, what the guidance fund paid in and invested, and its returns.
 */
import { FUND_STATUS, labelOf } from '../../../shared/domain';
import { type FundMetrics, paidInProgress } from '../../../shared/metrics/fund';
import type { ReportColumn, ReportRow } from '../../../shared/reports/types';
import { col } from './common';
import type { FundRow, InvestmentAgg } from './load';

/** 序号, 基金名称, 基金管理人, 成立日期, 状态. */
export const fundColumns = (): ReportColumn[] => [
  col.seq(),
  col.text('name', '基金名称', 34),
  col.text('manager', '基金管理人', 24),
  col.date('established', '成立日期'),
  col.text('status', '状态', 8),
];

export const fundCells = (f: FundRow, i: number): ReportRow => ({
  id: f.id,
  seq: i + 1,
  name: f.name,
  manager: f.manager_name ?? '',
  established: f.established_date,
  status: labelOf(FUND_STATUS, f.status),
});

/** 引导基金实缴, 出资进度, 已投金额, 投资项目数. */
export const paidInColumns = (): ReportColumn[] => [
  col.money('paidIn', '引导基金实缴'),
  col.pct('progress', '出资进度', 9),
  col.money('invested', '已投金额'),
  col.int('projects', '投资项目数', 9),
];

export const paidInCells = (f: FundRow, m: FundMetrics, a: InvestmentAgg | undefined): ReportRow => ({
  paidIn: m.paidInFen,
  progress: paidInProgress(m.paidInFen, f.guidance_commitment_fen),
  invested: a?.investedFen ?? 0,
  projects: a?.count ?? 0,
});

/** DPI, TVPI, 净IRR. */
export const returnColumns = (): ReportColumn[] => [
  col.ratio('dpi', 'DPI', 7),
  col.ratio('tvpi', 'TVPI', 7),
  col.pct('irr', '净IRR', 9),
];

export const returnCells = (m: FundMetrics): ReportRow => ({ dpi: m.dpi, tvpi: m.tvpi, irr: m.irr });

/** A note for each fund whose IRR could not be computed, saying why. */
export function irrNotes(funds: readonly FundRow[], byFund: Map<number, FundMetrics>): string[] {
  return funds.flatMap((f) => {
    const m = byFund.get(f.id);
    return m && m.irr === null && m.irrNote ? [`${f.name}：净IRR未计算（${m.irrNote}）。`] : [];
  });
}
