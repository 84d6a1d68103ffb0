/** 直投基金台账: the direct funds, including collective-asset participation, and their investments. */
import {
  FUND_STATUS,
  INDUSTRY_SHORT,
  INVESTMENT_STATUS,
  type Industry,
  labelOf,
} from '../../../shared/domain';
import { moic, paidInProgress } from '../../../shared/metrics/fund';
import { shortFundName } from '../../../shared/reports/format';
import type { ReportData, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { baseReport, col, count, type ReportParams, ratio, table, totalsRow } from './common';
import { loadFunds, loadInvestmentAgg, loadLedgers, metricsOf } from './load';
import { NAV_LABEL, NAV_RULE_NOTE } from './nav';

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
export function investmentAsOf(i: InvestmentRow, asOf: string) {
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

export function directFundsReport(opened: OpenedDb, p: ReportParams): ReportData {
  const { raw } = opened;
  const funds = loadFunds(raw, p.asOf, { kind: 'direct' });
  const ledgers = loadLedgers(raw, p.asOf, new Set(funds.map((f) => f.id)));
  const { byFund, total } = metricsOf(funds, ledgers, p.asOf);
  const inv = loadInvestmentAgg(raw, p.asOf);

  const columns = [
    col.seq(),
    col.text('name', '基金名称', 34),
    col.text('manager', '基金管理人', 24),
    col.date('established', '成立日期'),
    col.text('status', '状态', 8),
    col.money('size', '基金规模'),
    col.money('commitment', '引导基金出资'),
    col.money('collective', '集体资产出资'),
    col.money('otherLp', '其他出资人'),
    col.money('paidIn', '引导基金实缴'),
    col.pct('progress', '出资进度', 9),
    col.money('invested', '已投金额'),
    col.int('projects', '投资项目数', 9),
    col.int('held', '在投项目数', 9),
    col.money('distributed', '累计分配'),
    col.money('nav', NAV_LABEL),
    col.date('navDate', '估值基准日'),
    col.ratio('dpi', 'DPI', 7),
    col.ratio('tvpi', 'TVPI', 7),
    col.pct('irr', '净IRR', 9),
  ];
  const irrNotes: string[] = [];
  const rows: ReportRow[] = funds.map((f, i) => {
    const m = byFund.get(f.id)!;
    const a = inv.get(f.id);
    if (m.irr === null && m.irrNote) irrNotes.push(`${f.name}：净IRR未计算（${m.irrNote}）。`);
    if (m.navNote) irrNotes.push(`${f.name}：${m.navNote}。`);
    // Other LPs' commitment includes the collective assets; where it was not filled in, the rest of the size.
    const others =
      f.other_lp_commitment_fen > 0
        ? Math.max(0, f.other_lp_commitment_fen - f.collective_assets_fen)
        : Math.max(0, f.total_size_fen - f.guidance_commitment_fen - f.collective_assets_fen);
    return {
      id: f.id,
      seq: i + 1,
      name: f.name,
      manager: f.manager_name ?? '',
      established: f.established_date,
      status: labelOf(FUND_STATUS, f.status),
      size: f.total_size_fen,
      commitment: f.guidance_commitment_fen,
      collective: f.collective_assets_fen,
      otherLp: others,
      paidIn: m.paidInFen,
      progress: paidInProgress(m.paidInFen, f.guidance_commitment_fen),
      invested: a?.investedFen ?? 0,
      projects: a?.count ?? 0,
      held: a?.heldCount ?? 0,
      distributed: m.distributedFen,
      nav: m.navFen,
      navDate: m.navDate,
      dpi: m.dpi,
      tvpi: m.tvpi,
      irr: m.irr,
    };
  });
  const totals = totalsRow(columns, rows, `合计（${count(rows.length)}只）`, {
    dpi: total.dpi,
    tvpi: total.tvpi,
    irr: total.irr,
  });
  totals.progress = paidInProgress(Number(totals.paidIn), Number(totals.commitment));

  // Investments of the direct funds.
  const names = new Map(funds.map((f) => [f.id, shortFundName(f.name)]));
  const investments = loadInvestments(opened, p.asOf, `f.kind = 'direct'`).filter((i) =>
    names.has(i.fund_id),
  );
  const invColumns = [
    col.seq(),
    col.text('fund', '投资基金', 22),
    col.text('enterprise', '被投企业', 28),
    col.text('industry', '行业', 14),
    col.date('date', '投资日期'),
    col.text('round', '轮次', 8),
    col.money('amount', '投资金额'),
    { key: 'stake', header: '持股比例', kind: 'percent' as const, width: 9 },
    col.text('status', '状态', 7),
    col.money('proceeds', '退出回款'),
    col.money('value', '当前估值'),
    col.ratio('moic', 'MOIC', 7),
  ];
  const invRows: ReportRow[] = investments.map((i, k) => {
    const s = investmentAsOf(i, p.asOf);
    return {
      seq: k + 1,
      fund: names.get(i.fund_id) ?? '',
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
    };
  });
  const invTotals = totalsRow(invColumns, invRows, `合计（${count(invRows.length)}笔）`);
  invTotals.moic = ratio(Number(invTotals.proceeds) + Number(invTotals.value), Number(invTotals.amount));

  return baseReport(opened, 'direct-funds', p.asOf, {
    figures: [
      { key: 'count', label: '直投基金', value: rows.length, kind: 'int', suffix: '只' },
      { key: 'size', label: '管理规模', value: Number(totals.size), kind: 'money' },
      { key: 'collective', label: '撬动集体资产', value: Number(totals.collective), kind: 'money' },
      { key: 'invested', label: '累计投资', value: Number(totals.invested), kind: 'money' },
      { key: 'projects', label: '投资项目', value: Number(totals.projects), kind: 'int', suffix: '个' },
      { key: 'tvpi', label: '整体TVPI', value: total.tvpi, kind: 'ratio' },
    ],
    tables: [
      table('direct-funds', '直投基金台账', columns, rows, totals),
      table('investments', '直投项目明细', invColumns, invRows, invTotals),
    ],
    notes: [
      '其他出资人为除引导基金和集体资产外的出资人认缴出资；集体资产出资为村（股份）合作公司等集体经济组织的认缴出资。',
      '当前估值为台账记录的最新估值；截至日期前已退出的项目按退出回款计，MOIC＝（退出回款＋当前估值）÷投资金额。',
      NAV_RULE_NOTE,
      ...irrNotes,
    ],
  });
}
