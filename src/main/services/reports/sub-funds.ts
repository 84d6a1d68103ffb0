/** 子基金台账: one row per sub-fund — size, commitment, paid-in, 出资进度, invested, 返投 progress, DPI/TVPI/IRR. */

import { leverage, paidInProgress } from '../../../shared/metrics/fund';
import type { ReportData, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { NO_REINVEST, reinvestFiguresByFund } from '../compliance/reinvest';
import { baseReport, col, count, type ReportParams, ratio, table, totalsRow } from './common';
import { fundColumns, fundRow, loadFundLedger, metricNotes, returnsOf } from './fund-ledger';
import { NAV_RULE_NOTE } from './nav';

export function subFundsReport(opened: OpenedDb, p: ReportParams): ReportData {
  const { funds, byFund, total, inv } = loadFundLedger(opened, p.asOf, 'sub');
  const reinvest = reinvestFiguresByFund(opened, p.asOf);

  const columns = fundColumns([
    col.money('size', '认缴规模'),
    col.money('commitment', '引导基金认缴'),
    col.mult('leverage', '放大倍数', 9),
    col.money('paidIn', '引导基金实缴'),
    col.pct('progress', '出资进度', 9),
    col.money('invested', '已投金额'),
    col.int('projects', '投资项目数', 9),
    col.money('reinvestRequired', '返投要求'),
    col.money('reinvestRecognised', '返投认定'),
    col.pct('reinvestCompletion', '返投完成率', 10),
  ]);
  const notes: string[] = [];
  let reqSum = 0;
  let recOfReq = 0;
  const rows: ReportRow[] = funds.map((f, i) => {
    const m = byFund.get(f.id)!;
    const a = inv.get(f.id);
    const r = reinvest.get(f.id) ?? NO_REINVEST;
    if (r.requirementFen !== null) {
      reqSum += r.requirementFen;
      recOfReq += r.recognisedFen;
    }
    notes.push(...metricNotes(f, m));
    return fundRow(f, i, m, {
      size: f.total_size_fen,
      commitment: f.guidance_commitment_fen,
      leverage: leverage(f.total_size_fen, f.guidance_commitment_fen),
      paidIn: m.paidInFen,
      progress: paidInProgress(m.paidInFen, f.guidance_commitment_fen),
      invested: a?.investedFen ?? 0,
      projects: a?.count ?? 0,
      reinvestRequired: r.requirementFen,
      reinvestRecognised: r.recognisedFen,
      reinvestCompletion: r.completion,
    });
  });
  const totals = totalsRow(columns, rows, `合计（${count(rows.length)}只）`);
  Object.assign(totals, {
    leverage: leverage(Number(totals.size), Number(totals.commitment)),
    progress: paidInProgress(Number(totals.paidIn), Number(totals.commitment)),
    reinvestCompletion: ratio(recOfReq, reqSum),
    ...returnsOf(total),
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
