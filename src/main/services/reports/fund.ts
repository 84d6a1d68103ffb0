/** 单只基金报告: one fund's quarterly report — terms, key figures, cash flows, NAV history, investments. */
import {
  CASH_FLOW_TYPE,
  FUND_KIND,
  FUND_STATUS,
  INDUSTRY_SHORT,
  type Industry,
  labelOf,
  REINVEST_BASE,
  VALUATION_SOURCE,
} from '../../../shared/domain';
import { leverage, paidInProgress } from '../../../shared/metrics/fund';
import { formatMoney } from '../../../shared/money';
import { formatPercent, quarterLabel } from '../../../shared/reports/format';
import type { ReportColumn, ReportData, ReportFigure, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { NO_REINVEST, reinvestFiguresByFund } from '../compliance/reinvest';
import { fail } from '../ledger/errors';
import { baseReport, chartOf, col, type ReportParams, ratio, table, totalsRow } from './common';
import { investmentsTable, loadInvestments } from './investment-table';
import { loadFunds, loadLedgers, metricsOf } from './load';
import { NAV_LABEL, NAV_RULE_NOTE, navFigureNote } from './nav';

export function fundReport(opened: OpenedDb, p: ReportParams): ReportData {
  if (p.fundId === undefined) fail('validation', '请选择基金（单只基金报告需要指定基金）');
  const { raw } = opened;
  const exists = raw.prepare('SELECT established_date FROM funds WHERE id = ?').get(p.fundId) as
    | { established_date: string | null }
    | undefined;
  if (!exists) fail('not_found', `找不到编号为 ${p.fundId} 的基金`);
  const f = loadFunds(raw, p.asOf, { id: p.fundId })[0];
  if (!f) {
    fail(
      'validation',
      `该基金成立于 ${exists.established_date}，晚于截至日期 ${p.asOf}，请选择更晚的截至日期`,
    );
  }
  const ledgers = loadLedgers(raw, p.asOf, new Set([f.id]));
  const m = metricsOf([f], ledgers, p.asOf).byFund.get(f.id)!;
  const r = reinvestFiguresByFund(opened, p.asOf).get(f.id) ?? NO_REINVEST;

  // Terms.
  const industries = f.industries
    .split(',')
    .filter(Boolean)
    .map((c) => INDUSTRY_SHORT[c as Industry] ?? c)
    .join('、');
  const terms: [string, string | null][] = [
    ['基金名称', f.name],
    ['基金类型', labelOf(FUND_KIND, f.kind)],
    ['基金管理人', f.manager_name],
    ['统一社会信用代码', f.uscc],
    ['基金备案编号', f.amac_code],
    ['成立日期', f.established_date],
    ['注册地', f.district],
    ['基金状态', labelOf(FUND_STATUS, f.status)],
    ['重点投资领域', industries || null],
    ['投资期截止', f.invest_end_date],
    ['退出期截止', f.exit_end_date],
    ['延长期截止', f.extension_end_date],
    [
      '返投约定',
      f.reinvest_multiple === null
        ? null
        : `${f.reinvest_multiple}倍×${labelOf(REINVEST_BASE, f.reinvest_base)}，截止${f.reinvest_deadline ?? '（未约定）'}`,
    ],
    ['管理费', f.fee_terms],
    ['业绩报酬', f.carry_terms],
    ['备注', f.notes],
  ];
  const termRows: ReportRow[] = terms
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => ({ item: k, value: v }));

  // Cash flows (every type, on or before asOf).
  const flows = raw
    .prepare(
      `SELECT date, type, amount_fen, doc_no, note FROM cash_flows WHERE fund_id = ? AND date <= ? ORDER BY date, id`,
    )
    .raw(true)
    .all(f.id, p.asOf) as [string, string, number, string | null, string | null][];
  const flowCols: ReportColumn[] = [
    col.seq(),
    col.date('date', '日期'),
    col.text('type', '类型', 10),
    col.money('call', '实缴出资'),
    col.money('distribution', '收益分配'),
    col.money('fee', '管理费及其他'),
    col.text('docNo', '文号', 18),
    col.text('note', '备注', 26),
  ];
  const flowRows: ReportRow[] = flows.map(([date, type, amount, docNo, note], i) => ({
    seq: i + 1,
    date,
    type: labelOf(CASH_FLOW_TYPE, type),
    call: type === 'call' ? amount : null,
    distribution: type === 'distribution' ? amount : null,
    fee: type === 'fee' || type === 'other' ? amount : null,
    docNo: docNo ?? '',
    note: note ?? '',
  }));

  // NAV history.
  const navs = raw
    .prepare(
      `SELECT as_of_date, nav_fen, source, note FROM valuations WHERE fund_id = ? AND as_of_date <= ? ORDER BY as_of_date`,
    )
    .raw(true)
    .all(f.id, p.asOf) as [string, number, string, string | null][];
  const navCols: ReportColumn[] = [
    col.date('date', '估值日期'),
    col.money('nav', '引导基金份额净值'),
    col.money('paidIn', '累计实缴'),
    col.money('distributed', '累计分配'),
    col.ratio('tvpi', 'TVPI', 7),
    col.text('source', '来源', 12),
    col.text('note', '说明', 24),
  ];
  let fi = 0;
  let paid = 0;
  let dist = 0;
  const navRows: ReportRow[] = navs.map(([date, nav, source, note]) => {
    for (; fi < flows.length && flows[fi]![0] <= date; fi++) {
      const [, type, amount] = flows[fi]!;
      if (type === 'call') paid += amount;
      else if (type === 'distribution') dist += amount;
    }
    return {
      date,
      nav,
      paidIn: paid,
      distributed: dist,
      tvpi: ratio(dist + nav, paid),
      source: labelOf(VALUATION_SOURCE, source),
      note: note ?? '',
    };
  });

  const navTable = table('valuations', '估值历史', navCols, navRows, null, '估值为时点数，不作合计。');

  // Investments.
  const invs = loadInvestments(opened, p.asOf, `i.fund_id = ${Number(f.id)}`);
  const invTable = investmentsTable('investments', '投资项目', invs, p.asOf, { reinvest: true });

  const figures: ReportFigure[] = [
    { key: 'size', label: '认缴规模', value: f.total_size_fen, kind: 'money' },
    { key: 'commitment', label: '引导基金认缴', value: f.guidance_commitment_fen, kind: 'money' },
    { key: 'paidIn', label: '引导基金实缴', value: m.paidInFen, kind: 'money' },
    {
      key: 'progress',
      label: '出资进度',
      value: paidInProgress(m.paidInFen, f.guidance_commitment_fen),
      kind: 'percent',
    },
    {
      key: 'leverage',
      label: '放大倍数',
      value: leverage(f.total_size_fen, f.guidance_commitment_fen),
      kind: 'multiple',
    },
    { key: 'distributed', label: '累计分配', value: m.distributedFen, kind: 'money' },
    { key: 'nav', label: NAV_LABEL, value: m.navFen, kind: 'money', note: navFigureNote(m) },
    { key: 'dpi', label: 'DPI', value: m.dpi, kind: 'ratio' },
    { key: 'rvpi', label: 'RVPI', value: m.rvpi, kind: 'ratio' },
    { key: 'tvpi', label: 'TVPI', value: m.tvpi, kind: 'ratio' },
    { key: 'irr', label: '净IRR', value: m.irr, kind: 'percent', note: m.irrNote ?? undefined },
    ...(r.requirementFen === null
      ? []
      : ([
          { key: 'reinvestRequired', label: '返投要求', value: r.requirementFen, kind: 'money' },
          { key: 'reinvestRecognised', label: '返投认定', value: r.recognisedFen, kind: 'money' },
          { key: 'reinvestCompletion', label: '返投完成率', value: r.completion, kind: 'percent' },
        ] as ReportFigure[])),
  ];

  const notes = [
    `报告期：截至${p.asOf}（${quarterLabel(p.asOf)}）。金额为引导基金在本基金中的出资、分配及份额估值。`,
    'DPI＝累计分配÷实缴；RVPI＝调整后净值÷实缴；TVPI＝DPI＋RVPI；净IRR按实际天数/365计算（与Excel XIRR一致），管理费不计入。',
    NAV_RULE_NOTE,
  ];
  if (m.navDate) {
    notes.push(
      `调整后净值自${m.navDate}的估值起算：估值${formatMoney(m.navValuationFen, 'wan')}万元，其后出资${formatMoney(m.navCallsAfterFen, 'wan')}万元，其后分配${formatMoney(m.navDistributionsAfterFen, 'wan')}万元。`,
    );
  }
  if (m.navNote) notes.push(`${m.navNote}。`);
  if (m.irr === null && m.irrNote) notes.push(`净IRR未计算：${m.irrNote}。`);
  if (r.completion !== null) notes.push(`返投完成率 ${formatPercent(r.completion)}。`);

  return baseReport(opened, 'fund', p.asOf, {
    title: `${f.name}${quarterLabel(p.asOf)}报告`,
    subtitle: f.name,
    fund: { id: f.id, name: f.name },
    figures,
    charts: navRows.length
      ? [
          chartOf('nav', '估值与累计现金流', 'line', navTable, 'date', [
            { key: 'nav', name: '份额净值' },
            'paidIn',
            'distributed',
          ]),
        ]
      : [],
    tables: [
      table(
        'terms',
        '基金基本信息',
        [col.text('item', '项目', 16), col.text('value', '内容', 60)],
        termRows,
        null,
      ),
      table('cash-flows', '现金流明细', flowCols, flowRows, totalsRow(flowCols, flowRows, '合计')),
      navTable,
      invTable,
    ],
    notes,
  });
}
