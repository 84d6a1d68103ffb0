/**
 * The sheets of the 年度报送 pack that no report holds as such: 出资明细 (calls in the year and cumulative),
 * 投资明细 (investments made in the year), 退出与分配 (distributions and exits in the year and cumulative), and
 * the compliance desk's 返投 (by rule) and 未处理提醒.
 * Their cumulative totals are the figures of the 基金业绩 and fund reports as of 12-31 (tests check it).
 */
import { SEVERITY_LABEL } from '../../../shared/compliance/alerts';
import { RULE_BASE } from '../../../shared/compliance/rule-set';
import { FUND_KIND, INDUSTRY, labelOf } from '../../../shared/domain';
import { paidInProgress } from '../../../shared/metrics/fund';
import { shortFundName } from '../../../shared/reports/format';
import type { ReportColumn, ReportRow, ReportTable } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { listAlerts } from '../compliance/alerts';
import { reinvestmentStatus } from '../compliance/reinvest';
import { col, count, ratio, table, totalsRow } from './common';
import type { FundRow } from './load';

type Raw = OpenedDb['raw'];

/**
 * Per fund: the `type` flows dated in the year, and all of them up to its end. From the yearly totals that
 * migration 0003's triggers keep (a few rows per fund) instead of summing a million flow rows twice.
 */
function flowSums(raw: Raw, type: string, year: number) {
  const rows = raw
    .prepare(
      `SELECT fund_id, sum(CASE WHEN year = @year THEN amount_fen ELSE 0 END), sum(amount_fen)
       FROM cash_flow_year_totals WHERE type = @type AND year <= @year GROUP BY fund_id`,
    )
    .raw(true)
    .all({ type, year }) as [number, number, number][];
  return {
    inYear: new Map(rows.map((r) => [r[0], r[1]])),
    cumulative: new Map(rows.map((r) => [r[0], r[2]])),
  };
}

/** 出资明细: commitment, calls in the year, cumulative paid-in, 出资进度, unpaid commitment. */
export function callsSheet(raw: Raw, funds: FundRow[], year: number): ReportTable {
  const { inYear, cumulative } = flowSums(raw, 'call', year);
  const columns: ReportColumn[] = [
    col.seq(),
    col.text('name', '基金名称', 34),
    col.text('kind', '类型', 8),
    col.money('commitment', '引导基金认缴'),
    col.money('calledYear', `${year}年出资`),
    col.money('paidIn', '累计实缴'),
    col.pct('progress', '出资进度', 9),
    col.money('unpaid', '未缴出资'),
  ];
  const rows: ReportRow[] = funds.map((f, i) => {
    const paid = cumulative.get(f.id) ?? 0;
    return {
      id: f.id,
      seq: i + 1,
      name: f.name,
      kind: labelOf(FUND_KIND, f.kind),
      commitment: f.guidance_commitment_fen,
      calledYear: inYear.get(f.id) ?? 0,
      paidIn: paid,
      progress: paidInProgress(paid, f.guidance_commitment_fen),
      unpaid: Math.max(0, f.guidance_commitment_fen - paid),
    };
  });
  const totals = totalsRow(columns, rows, `合计（${count(rows.length)}只）`);
  totals.progress = paidInProgress(Number(totals.paidIn), Number(totals.commitment));
  return table('calls', '出资明细', columns, rows, totals, '未缴出资＝max(引导基金认缴－累计实缴, 0)。');
}

/** 投资明细: every investment made in the year by the funds listed. */
export function investmentsSheet(raw: Raw, funds: FundRow[], year: number): ReportTable {
  const names = new Map(funds.map((f) => [f.id, shortFundName(f.name)]));
  const list = raw
    .prepare(
      `SELECT i.fund_id, e.name, e.industry, i.date, i.round, i.amount_fen, i.stake_pct, e.in_district
       FROM investments i JOIN enterprises e ON e.id = i.enterprise_id
       WHERE i.date >= ? AND i.date <= ? ORDER BY i.date, i.id`,
    )
    .raw(true)
    .all(`${year}-01-01`, `${year}-12-31`) as [
    number,
    string,
    string,
    string,
    string | null,
    number,
    number | null,
    number,
  ][];
  const columns: ReportColumn[] = [
    col.seq(),
    col.text('fund', '投资基金', 24),
    col.text('enterprise', '被投企业', 30),
    col.text('industry', '行业', 16),
    col.date('date', '投资日期'),
    col.text('round', '轮次', 8),
    col.money('amount', '投资金额'),
    col.pct('stake', '持股比例', 9),
    col.text('inDistrict', '区内企业', 8),
  ];
  const rows: ReportRow[] = list
    .filter((r) => names.has(r[0]))
    .map((r, k) => ({
      seq: k + 1,
      fund: names.get(r[0]) ?? '',
      enterprise: r[1],
      industry: labelOf(INDUSTRY, r[2]),
      date: r[3],
      round: r[4] ?? '',
      amount: r[5],
      stake: r[6] === null ? null : r[6] / 100,
      inDistrict: r[7] ? '是' : '否',
    }));
  return table(
    'investments',
    '投资明细',
    columns,
    rows,
    totalsRow(columns, rows, `合计（${count(rows.length)}笔）`),
  );
}

/** 退出与分配: distributions in the year and cumulative, exits in the year and their proceeds. */
export function distributionsSheet(raw: Raw, funds: FundRow[], year: number): ReportTable {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { inYear, cumulative } = flowSums(raw, 'distribution', year);
  const exits = new Map(
    (
      raw
        .prepare(
          `SELECT fund_id, count(*), coalesce(sum(exit_proceeds_fen), 0) FROM investments
           WHERE status = 'exited' AND exit_date >= ? AND exit_date <= ? GROUP BY fund_id`,
        )
        .raw(true)
        .all(from, to) as [number, number, number][]
    ).map(([id, n, fen]) => [id, { n, fen }]),
  );
  const columns: ReportColumn[] = [
    col.seq(),
    col.text('name', '基金名称', 34),
    col.text('kind', '类型', 8),
    col.money('distributedYear', `${year}年分配`),
    col.money('distributed', '累计分配'),
    col.int('exits', `${year}年退出项目数`, 10),
    col.money('proceeds', `${year}年退出回款`),
  ];
  const rows: ReportRow[] = funds.map((f, i) => ({
    id: f.id,
    seq: i + 1,
    name: f.name,
    kind: labelOf(FUND_KIND, f.kind),
    distributedYear: inYear.get(f.id) ?? 0,
    distributed: cumulative.get(f.id) ?? 0,
    exits: exits.get(f.id)?.n ?? 0,
    proceeds: exits.get(f.id)?.fen ?? 0,
  }));
  return table(
    'distributions',
    '退出与分配',
    columns,
    rows,
    totalsRow(columns, rows, `合计（${count(rows.length)}只）`),
    '分配为引导基金收到的分配；退出回款为基金层面已退出项目的回款金额。',
  );
}

/** 返投: each fund's requirement by its rule set, recognised, gap, deadline (the compliance desk's figures). */
export function reinvestSheet(opened: OpenedDb, asOf: string): ReportTable {
  const columns: ReportColumn[] = [
    col.seq(),
    col.text('name', '基金名称', 34),
    col.text('rule', '返投规则', 18),
    col.text('base', '返投基数', 14),
    col.money('baseAmount', '基数金额'),
    col.mult('multiple', '返投倍数', 9),
    col.money('required', '返投要求'),
    col.money('recognised', '认定合计'),
    col.pct('completion', '完成率', 9),
    col.money('gap', '返投缺口'),
    col.date('deadline', '返投截止日'),
    col.int('daysLeft', '剩余天数', 9),
    col.money('perYear', '每年需完成'),
  ];
  const rows: ReportRow[] = reinvestmentStatus(opened, asOf).map((r, i) => ({
    id: r.fundId,
    seq: i + 1,
    name: r.fundName,
    rule: r.ruleSet.name,
    base: labelOf(RULE_BASE, r.base),
    baseAmount: r.baseFen,
    multiple: r.multiple,
    required: r.requiredFen,
    recognised: r.recognisedFen,
    completion: r.completion,
    gap: r.gapFen,
    deadline: r.deadline,
    daysLeft: r.daysLeft,
    perYear: r.neededPerYearFen,
  }));
  const totals = totalsRow(columns, rows, `合计（${count(rows.length)}只）`);
  totals.completion = ratio(Number(totals.recognised), Number(totals.required));
  totals.daysLeft = null;
  return table(
    'reinvestment',
    '返投',
    columns,
    rows,
    totals,
    '按各基金适用的返投规则计算；剩余天数为负表示已过截止日；每年需完成＝缺口÷剩余年数（已逾期为全部缺口）。',
  );
}

/** 未处理提醒: the compliance alerts not acknowledged on 12-31, most severe first. */
export function alertsSheet(opened: OpenedDb, asOf: string): ReportTable {
  const columns: ReportColumn[] = [
    col.seq(),
    col.text('severity', '级别', 6),
    col.text('kind', '提醒类型', 14),
    col.text('fund', '基金', 24),
    col.date('due', '到期日'),
    col.text('message', '提醒内容', 40),
    col.text('action', '建议处理', 30),
  ];
  const rows: ReportRow[] = listAlerts(opened, asOf)
    .filter((a) => !a.acknowledged)
    .map((a, i) => ({
      seq: i + 1,
      severity: SEVERITY_LABEL[a.severity],
      kind: a.kindLabel,
      fund: a.fundName ? shortFundName(a.fundName) : '',
      due: a.dueDate,
      message: a.message,
      action: a.action,
    }));
  return table(
    'alerts',
    '未处理提醒',
    columns,
    rows,
    totalsRow(columns, rows, `合计（${count(rows.length)}条）`),
  );
}
