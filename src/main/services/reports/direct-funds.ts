import { paidInProgress } from '../../../shared/metrics/fund';
import { shortFundName } from '../../../shared/reports/format';
import type { ReportData } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { baseReport, col, count, type ReportParams, table, totalsRow } from './common';
import { fundLedgerTable, ledgerFunds, loadFundLedger, metricNotes, returnsOf } from './fund-ledger';
import { investmentsTable, loadInvestments } from './investment-table';
import type { FundRow } from './load';
import { NAV_LABEL, NAV_RULE_NOTE } from './nav';

/** Other LPs' commitment includes the collective assets; where it was not filled in, the rest of the size. */
function otherLpFen(f: FundRow): number {
  return f.other_lp_commitment_fen > 0
    ? Math.max(0, f.other_lp_commitment_fen - f.collective_assets_fen)
    : Math.max(0, f.total_size_fen - f.guidance_commitment_fen - f.collective_assets_fen);
}

export function directFundsReport(opened: OpenedDb, p: ReportParams): ReportData {
  const ledger = loadFundLedger(opened, p.asOf, 'direct');
  const { funds, total } = ledger;
  const items = ledgerFunds(ledger);

  const { columns, rows } = fundLedgerTable(items, [
    [col.money('size', '基金规模'), ({ f }) => f.total_size_fen],
    [col.money('commitment', '引导基金出资'), ({ f }) => f.guidance_commitment_fen],
    [col.money('collective', '集体资产出资'), ({ f }) => f.collective_assets_fen],
    [col.money('otherLp', '其他出资人'), ({ f }) => otherLpFen(f)],
    [col.money('paidIn', '引导基金实缴'), ({ m }) => m.paidInFen],
    [
      col.pct('progress', '出资进度', 9),
      ({ f, m }) => paidInProgress(m.paidInFen, f.guidance_commitment_fen),
    ],
    [col.money('invested', '已投金额'), ({ a }) => a?.investedFen ?? 0],
    [col.int('projects', '投资项目数', 9), ({ a }) => a?.count ?? 0],
    [col.int('held', '在投项目数', 9), ({ a }) => a?.heldCount ?? 0],
    [col.money('distributed', '累计分配'), ({ m }) => m.distributedFen],
    [col.money('nav', NAV_LABEL), ({ m }) => m.navFen],
    [col.date('navDate', '估值基准日'), ({ m }) => m.navDate],
  ]);
  const irrNotes = items.flatMap(({ f, m }) => metricNotes(f, m));
  const totals = totalsRow(columns, rows, `合计（${count(rows.length)}只）`, returnsOf(total));
  totals.progress = paidInProgress(Number(totals.paidIn), Number(totals.commitment));

  // Investments of the direct funds.
  const names = new Map(funds.map((f) => [f.id, shortFundName(f.name)]));
  const investments = loadInvestments(opened, p.asOf, `f.kind = 'direct'`).filter((i) =>
    names.has(i.fund_id),
  );
  const invTable = investmentsTable('investments', '直投项目明细', investments, p.asOf, { fundNames: names });

  return baseReport(opened, 'direct-funds', p.asOf, {
    figures: [
      { key: 'count', label: '直投基金', value: rows.length, kind: 'int', suffix: '只' },
      { key: 'size', label: '管理规模', value: Number(totals.size), kind: 'money' },
      { key: 'collective', label: '撬动集体资产', value: Number(totals.collective), kind: 'money' },
      { key: 'invested', label: '累计投资', value: Number(totals.invested), kind: 'money' },
      { key: 'projects', label: '投资项目', value: Number(totals.projects), kind: 'int', suffix: '个' },
      { key: 'tvpi', label: '整体TVPI', value: total.tvpi, kind: 'ratio' },
    ],
    tables: [table('direct-funds', '直投基金台账', columns, rows, totals), invTable],
    notes: [
      '其他出资人为除引导基金和集体资产外的出资人认缴出资；集体资产出资为村（股份）合作公司等集体经济组织的认缴出资。',
      '当前估值为台账记录的最新估值；截至日期前已退出的项目按退出回款计，MOIC＝（退出回款＋当前估值）÷投资金额。',
      NAV_RULE_NOTE,
      ...irrNotes,
    ],
  });
}
