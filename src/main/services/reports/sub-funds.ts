/** 子基金台账: one row per sub-fund — size, commitment, paid-in, 出资进度, invested, 返投 progress, DPI/TVPI/IRR. */
import { leverage, paidInProgress } from '../../../shared/metrics/fund';
import type { ReportData, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { baseReport, col, type ReportParams, ratio, table, totalLabel, totalsRow } from './common';
import * as perFund from './fund-columns';
import { loadFundMetrics, loadInvestmentAgg, loadRecognised, reinvestFigures, sumMap } from './load';

export function subFundsReport(opened: OpenedDb, p: ReportParams): ReportData {
  const { raw } = opened;
  const { funds, byFund, total } = loadFundMetrics(raw, p.asOf, { kind: 'sub' });
  const inv = loadInvestmentAgg(raw, p.asOf);
  const rec = loadRecognised(raw, p.asOf);

  const cols = [
    ...perFund.fundColumns(),
    col.money('size', '认缴规模'),
    col.money('commitment', '引导基金认缴'),
    col.mult('leverage', '放大倍数', 9),
    ...perFund.paidInColumns(),
    col.money('reinvestRequired', '返投要求'),
    col.money('reinvestRecognised', '返投认定'),
    col.pct('reinvestCompletion', '返投完成率', 10),
    ...perFund.returnColumns(),
  ];
  let reqSum = 0;
  let recOfReq = 0;
  const rows: ReportRow[] = funds.map((f, i) => {
    const m = byFund.get(f.id)!;
    const r = reinvestFigures(f, m.paidInFen, sumMap(rec.get(f.id)));
    if (r.requirementFen !== null) {
      reqSum += r.requirementFen;
      recOfReq += r.recognisedFen;
    }
    return {
      ...perFund.fundCells(f, i),
      size: f.total_size_fen,
      commitment: f.guidance_commitment_fen,
      leverage: leverage(f.total_size_fen, f.guidance_commitment_fen),
      ...perFund.paidInCells(f, m, inv.get(f.id)),
      reinvestRequired: r.requirementFen,
      reinvestRecognised: r.recognisedFen,
      reinvestCompletion: r.completion,
      ...perFund.returnCells(m),
    };
  });
  const totals = totalsRow(cols, rows, totalLabel(rows.length, '只'), {
    reinvestCompletion: ratio(recOfReq, reqSum),
    ...perFund.returnCells(total),
  });
  totals.leverage = leverage(Number(totals.size), Number(totals.commitment));
  totals.progress = paidInProgress(Number(totals.paidIn), Number(totals.commitment));
  return baseReport(opened, 'sub-funds', p.asOf, {
    tables: [table('sub-funds', '子基金台账', cols, rows, totals)],
    notes: [
      '出资进度＝引导基金实缴÷引导基金认缴；放大倍数＝子基金认缴规模÷引导基金认缴。',
      '返投要求＝返投倍数×返投基数（认缴或实缴出资，按合伙协议约定）；返投认定含投资项目与引进落地项目的认定金额。',
      'DPI＝累计分配÷实缴；TVPI＝（累计分配＋最新估值）÷实缴；净IRR按实际天数/365计算（与Excel XIRR一致）。合计行的比率按合计金额计算，IRR按全部子基金现金流合并计算。',
      ...perFund.irrNotes(funds, byFund),
    ],
  });
}
