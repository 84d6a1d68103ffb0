/** 子基金台账: one row per sub-fund — size, commitment, paid-in, 出资进度, invested, 返投 progress, DPI/TVPI/IRR. */

import { leverage, paidInProgress } from '../../../shared/metrics/fund';
import type { ReportData } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { NO_REINVEST, reinvestFiguresByFund } from '../compliance/reinvest';
import { baseReport, col, count, type ReportParams, ratio, table, totalsRow } from './common';
import { fundLedgerTable, ledgerFunds, loadFundLedger, metricNotes, returnsOf } from './fund-ledger';
import { NAV_RULE_NOTE } from './nav';

export function subFundsReport(opened: OpenedDb, p: ReportParams): ReportData {
  const ledger = loadFundLedger(opened, p.asOf, 'sub');
  const reinvest = reinvestFiguresByFund(opened, p.asOf);
  const items = ledgerFunds(ledger).map((x) => ({ ...x, r: reinvest.get(x.f.id) ?? NO_REINVEST }));

  const { columns, rows } = fundLedgerTable(items, [
    [col.money('size', '认缴规模'), ({ f }) => f.total_size_fen],
    [col.money('commitment', '引导基金认缴'), ({ f }) => f.guidance_commitment_fen],
    [col.mult('leverage', '放大倍数', 9), ({ f }) => leverage(f.total_size_fen, f.guidance_commitment_fen)],
    [col.money('paidIn', '引导基金实缴'), ({ m }) => m.paidInFen],
    [
      col.pct('progress', '出资进度', 9),
      ({ f, m }) => paidInProgress(m.paidInFen, f.guidance_commitment_fen),
    ],
    [col.money('invested', '已投金额'), ({ a }) => a?.investedFen ?? 0],
    [col.int('projects', '投资项目数', 9), ({ a }) => a?.count ?? 0],
    [col.money('reinvestRequired', '返投要求'), ({ r }) => r.requirementFen],
    [col.money('reinvestRecognised', '返投认定'), ({ r }) => r.recognisedFen],
    [col.pct('reinvestCompletion', '返投完成率', 10), ({ r }) => r.completion],
  ]);
  const notes = items.flatMap(({ f, m }) => metricNotes(f, m));
  // 返投 completion of the total: recognised over required, of the funds with a requirement only.
  const withReq = items.filter(({ r }) => r.requirementFen !== null);
  const reqSum = withReq.reduce((s, { r }) => s + r.requirementFen!, 0);
  const recOfReq = withReq.reduce((s, { r }) => s + r.recognisedFen, 0);
  const totals = totalsRow(columns, rows, `合计（${count(rows.length)}只）`);
  Object.assign(totals, {
    leverage: leverage(Number(totals.size), Number(totals.commitment)),
    progress: paidInProgress(Number(totals.paidIn), Number(totals.commitment)),
    reinvestCompletion: ratio(recOfReq, reqSum),
    ...returnsOf(ledger.total),
  });
  return baseReport(opened, 'sub-funds', p.asOf, {
    tables: [table('sub-funds', '子基金台账', columns, rows, totals)],
    notes: [
      '出资进度＝引导基金实缴÷引导基金认缴；放大倍数＝子基金认缴规模÷引导基金认缴。',
      '返投要求＝返投倍数×返投基数（认缴或实缴出资，按合伙协议约定）；返投认定含投资项目与引进落地项目的认定金额。',
      'DPI＝累计分配÷实缴；TVPI＝（累计分配＋调整后净值）÷实缴；净IRR按实际天数/365计算（与Excel XIRR一致）。合计行的比率按合计金额计算，IRR按全部子基金现金流合并计算。',
      NAV_RULE_NOTE,
      ...notes,
    ],
  });
}
