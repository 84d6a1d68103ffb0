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
import type { ReportTable } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { listAlerts } from '../compliance/alerts';
import { reinvestmentSums } from '../compliance/reinvest';
import { col, type Field, itemTable, ratio, seqField, totalLabel } from './common';
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

/** 序号, name, kind: how the per-fund sheets open. */
const FUND_HEAD: readonly Field<FundRow>[] = [
  seqField,
  [col.text('name', '基金名称', 34), (f) => f.name],
  [col.text('kind', '类型', 8), (f) => labelOf(FUND_KIND, f.kind)],
];

/** 出资明细: commitment, calls in the year, cumulative paid-in, 出资进度, unpaid commitment. */
export function callsSheet(raw: Raw, funds: FundRow[], year: number): ReportTable {
  const { inYear, cumulative } = flowSums(raw, 'call', year);
  const paidOf = (f: FundRow) => cumulative.get(f.id) ?? 0;
  const t = itemTable<FundRow>(
    'calls',
    '出资明细',
    [
      ...FUND_HEAD,
      [col.money('commitment', '引导基金认缴'), (f) => f.guidance_commitment_fen],
      [col.money('calledYear', `${year}年出资`), (f) => inYear.get(f.id) ?? 0],
      [col.money('paidIn', '累计实缴'), paidOf],
      [col.pct('progress', '出资进度', 9), (f) => paidInProgress(paidOf(f), f.guidance_commitment_fen)],
      [col.money('unpaid', '未缴出资'), (f) => Math.max(0, f.guidance_commitment_fen - paidOf(f))],
    ],
    funds,
    totalLabel(funds.length, '只'),
    { id: (f) => f.id, note: '未缴出资＝max(引导基金认缴－累计实缴, 0)。' },
  );
  t.totals.progress = paidInProgress(Number(t.totals.paidIn), Number(t.totals.commitment));
  return t;
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
  type Inv = (typeof list)[number];
  const made = list.filter((r) => names.has(r[0]));
  return itemTable<Inv>(
    'investments',
    '投资明细',
    [
      seqField,
      [col.text('fund', '投资基金', 24), (r) => names.get(r[0]) ?? ''],
      [col.text('enterprise', '被投企业', 30), (r) => r[1]],
      [col.text('industry', '行业', 16), (r) => labelOf(INDUSTRY, r[2])],
      [col.date('date', '投资日期'), (r) => r[3]],
      [col.text('round', '轮次', 8), (r) => r[4] ?? ''],
      [col.money('amount', '投资金额'), (r) => r[5]],
      [col.pct('stake', '持股比例', 9), (r) => (r[6] === null ? null : r[6] / 100)],
      [col.text('inDistrict', '区内企业', 8), (r) => (r[7] ? '是' : '否')],
    ],
    made,
    totalLabel(made.length, '笔'),
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
  return itemTable<FundRow>(
    'distributions',
    '退出与分配',
    [
      ...FUND_HEAD,
      [col.money('distributedYear', `${year}年分配`), (f) => inYear.get(f.id) ?? 0],
      [col.money('distributed', '累计分配'), (f) => cumulative.get(f.id) ?? 0],
      [col.int('exits', `${year}年退出项目数`, 10), (f) => exits.get(f.id)?.n ?? 0],
      [col.money('proceeds', `${year}年退出回款`), (f) => exits.get(f.id)?.fen ?? 0],
    ],
    funds,
    totalLabel(funds.length, '只'),
    { id: (f) => f.id, note: '分配为引导基金收到的分配；退出回款为基金层面已退出项目的回款金额。' },
  );
}

/** 返投: each fund's requirement by its rule set, recognised, gap, deadline (the compliance desk's figures). */
export function reinvestSheet(opened: OpenedDb, asOf: string): ReportTable {
  const status = reinvestmentSums(opened, asOf);
  const t = itemTable<(typeof status)[number]>(
    'reinvestment',
    '返投',
    [
      seqField,
      [col.text('name', '基金名称', 34), (r) => r.fundName],
      [col.text('rule', '返投规则', 18), (r) => r.ruleSet.name],
      [col.text('base', '返投基数', 14), (r) => labelOf(RULE_BASE, r.base)],
      [col.money('baseAmount', '基数金额'), (r) => r.baseFen],
      [col.mult('multiple', '返投倍数', 9), (r) => r.multiple],
      [col.money('required', '返投要求'), (r) => r.requiredFen],
      [col.money('recognised', '认定合计'), (r) => r.recognisedFen],
      [col.pct('completion', '完成率', 9), (r) => r.completion],
      [col.money('gap', '返投缺口'), (r) => r.gapFen],
      [col.date('deadline', '返投截止日'), (r) => r.deadline],
      [col.int('daysLeft', '剩余天数', 9), (r) => r.daysLeft],
      [col.money('perYear', '每年需完成'), (r) => r.neededPerYearFen],
    ],
    status,
    totalLabel(status.length, '只'),
    {
      id: (r) => r.fundId,
      note: '按各基金适用的返投规则计算；剩余天数为负表示已过截止日；每年需完成＝缺口÷剩余年数（已逾期为全部缺口）。',
    },
  );
  t.totals.completion = ratio(Number(t.totals.recognised), Number(t.totals.required));
  t.totals.daysLeft = null;
  return t;
}

/** 未处理提醒: the compliance alerts not acknowledged on 12-31, most severe first. */
export function alertsSheet(opened: OpenedDb, asOf: string): ReportTable {
  const open = listAlerts(opened, asOf).filter((a) => !a.acknowledged);
  return itemTable<(typeof open)[number]>(
    'alerts',
    '未处理提醒',
    [
      seqField,
      [col.text('severity', '级别', 6), (a) => SEVERITY_LABEL[a.severity]],
      [col.text('kind', '提醒类型', 14), (a) => a.kindLabel],
      [col.text('fund', '基金', 24), (a) => (a.fundName ? shortFundName(a.fundName) : '')],
      [col.date('due', '到期日'), (a) => a.dueDate],
      [col.text('message', '提醒内容', 40), (a) => a.message],
      [col.text('action', '建议处理', 30), (a) => a.action],
    ],
    open,
    totalLabel(open.length, '条'),
  );
}
