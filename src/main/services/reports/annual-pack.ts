/**
 * 年度报送 (issue #16): the year's filing pack as one document, a sheet per section — 总览; 子基金基本情况;
 * 直投基金; 出资明细; 投资明细; 返投; 退出与分配; 业绩; 绩效评价; 未处理提醒 — all as of 12-31. Sections that a
 * report already shows are that report's own table (so the totals cannot disagree); the rest are built in
 * annual-pack-sheets.ts. Printed A4 landscape with the header row repeated on every page.
 */
import type { ReportData, ReportTable } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { documentBase, yearDocument } from '../evaluation/documents';
import { checkYear } from '../evaluation/scorecards';
import {
  alertsSheet,
  callsSheet,
  distributionsSheet,
  investmentsSheet,
  reinvestSheet,
} from './annual-pack-sheets';
import { directFundsReport } from './direct-funds';
import { sharingFigures } from './figures-once';
import { loadFunds } from './load';
import { overviewReport } from './overview';
import { performanceReport } from './performance';
import { subFundsReport } from './sub-funds';

/** The sheets of the pack, in order (总览 is the summary sheet). */
export const PACK_SHEETS = [
  '总览',
  '子基金基本情况',
  '直投基金',
  '出资明细',
  '投资明细',
  '返投',
  '退出与分配',
  '业绩',
  '绩效评价',
  '未处理提醒',
] as const;

const titled = (t: ReportTable | undefined, title: string, key: string): ReportTable => ({
  ...(t ?? { columns: [], rows: [], totals: null }),
  key,
  title,
});

export async function annualPack(opened: OpenedDb, year: number): Promise<ReportData> {
  checkYear(year);
  return sharingFigures(opened, () => buildPack(opened, year));
}

async function buildPack(opened: OpenedDb, year: number): Promise<ReportData> {
  const asOf = `${year}-12-31`;
  const p = { asOf };
  const overview = await overviewReport(opened, p);
  const funds = loadFunds(opened.raw, asOf);
  const sub = subFundsReport(opened, p);
  const direct = directFundsReport(opened, p);
  const perf = performanceReport(opened, p);
  const evaluation = yearDocument(opened, year);
  const tables: ReportTable[] = [
    titled(sub.tables[0], '子基金基本情况', 'sub-funds'),
    titled(direct.tables[0], '直投基金', 'direct-funds'),
    callsSheet(opened.raw, funds, year),
    investmentsSheet(opened.raw, funds, year),
    reinvestSheet(opened, asOf),
    distributionsSheet(opened.raw, funds, year),
    titled(perf.tables[0], '业绩', 'performance'),
    titled(evaluation.tables[0], '绩效评价', 'evaluation'),
    alertsSheet(opened, asOf),
  ];
  return documentBase(opened, 'annual-pack', `${year}年度报送材料`, asOf, {
    layout: { landscape: true, summarySheet: '总览' },
    figures: overview.figures,
    brief: overview.brief,
    tables,
    notes: [
      `本报送材料各表均截至${year}年12月31日，与同日各报表（子基金台账、直投基金台账、基金业绩、绩效评价汇总）及返投规则、合规提醒一致。`,
      '“本年”指当年1月1日至12月31日；金额单位见各表表头。',
      ...overview.notes,
    ],
  });
}
