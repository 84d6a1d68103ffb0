import { isIsoDate, todayIso } from '../../../shared/dates';
import { isReportName, REPORT_NAMES, type ReportData, type ReportName } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { fail } from '../ledger/errors';
import type { ReportParams } from './common';
import { directFundsReport } from './direct-funds';
import { financingReport } from './financing';
import { fundReport } from './fund';
import { landedProjectsReport } from './landed-projects';
import { overviewReport } from './overview';
import { performanceReport } from './performance';
import { reinvestmentReport } from './reinvestment';
import { subFundsReport } from './sub-funds';

type Builder = (opened: OpenedDb, p: ReportParams) => ReportData | Promise<ReportData>;

const BUILDERS: Record<ReportName, Builder> = {
  overview: overviewReport,
  'sub-funds': subFundsReport,
  'direct-funds': directFundsReport,
  reinvestment: reinvestmentReport,
  'landed-projects': landedProjectsReport,
  financing: financingReport,
  performance: performanceReport,
  fund: fundReport,
};

/** Build one report as of a date (today when not given): pure data, money in fen. */
export async function buildReport(
  opened: OpenedDb,
  name: string,
  params: { asOf?: string | undefined; fundId?: number | undefined } = {},
): Promise<ReportData> {
  if (!isReportName(name)) fail('validation', `未知的报表：${name}（可选：${REPORT_NAMES.join('、')}）`);
  const asOf = params.asOf ?? todayIso();
  if (!isIsoDate(asOf)) fail('validation', `截至日期无效：${asOf}（格式 YYYY-MM-DD）`);
  return BUILDERS[name](opened, { asOf, fundId: params.fundId });
}

export { performanceData } from './performance';
