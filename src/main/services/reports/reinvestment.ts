/**
 * 返投台账: per fund, by its 返投 rule set — requirement, recognised by category (computed and overridden
 * apart), gap, deadline, days left, the rate needed per year — and every recognition with how it counts.
 * The figures are reinvestmentStatus's (src/main/services/compliance/reinvest.ts), the one place they are made.
 */
import { RECOGNITION_STATE } from '../../../shared/compliance/reinvest';
import { RULE_BASE, RULE_CATEGORY } from '../../../shared/compliance/rule-set';
import { shortFundName } from '../../../shared/reports/format';
import type { ReportData } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { reinvestmentStatus } from '../compliance/reinvest';
import { baseReport, col, itemTable, type ReportParams, ratio, seqField, totalLabel } from './common';

const CATS = RULE_CATEGORY.codes;
const SOURCE = { investment: '投资', landed_project: '落地项目' } as const;

type Status = ReturnType<typeof reinvestmentStatus>[number];

/** The amount recognised in category c. */
const byCategory = (c: (typeof CATS)[number]) => (s: Status) => s.byCategory[c].totalFen;
const isDone = (s: Status) => s.requiredFen !== null && s.recognisedFen >= s.requiredFen;
const daysLeftText = (days: number) => (days < 0 ? `已逾期${-days}天` : `${days}天`);
const stateOf = (s: Status) =>
  isDone(s) ? '已完成' : s.daysLeft !== null && s.daysLeft < 0 ? '逾期未完成' : '推进中';
const howRecognised = (it: Status['items'][number]) =>
  it.state === 'overridden' ? `人工认定：${it.overrideReason ?? ''}` : RECOGNITION_STATE[it.state];

export function reinvestmentReport(opened: OpenedDb, p: ReportParams): ReportData {
  const all = reinvestmentStatus(opened, p.asOf, p.fundId);
  const funds = all.filter((s) => s.requiredFen !== null);

  const ledger = itemTable<Status>(
    'reinvestment',
    '返投台账',
    [
      seqField,
      [col.text('name', '基金名称', 34), (s) => s.fundName],
      [col.text('ruleSet', '返投规则集', 22), (s) => s.ruleSet.name],
      [col.mult('multiple', '返投倍数', 9), (s) => s.multiple],
      [col.text('base', '返投基数', 12), (s) => RULE_BASE.label[s.base]],
      [col.money('baseAmount', '基数金额'), (s) => s.baseFen],
      [col.money('required', '返投要求'), (s) => s.requiredFen],
      ...CATS.map((c) => [col.money(`cat_${c}`, RULE_CATEGORY.label[c]), byCategory(c)] as const),
      [col.money('computed', '其中按规则计算'), (s) => s.computedFen],
      [col.money('overridden', '其中人工认定'), (s) => s.overriddenFen],
      [col.money('recognised', '认定合计'), (s) => s.recognisedFen],
      [col.pct('completion', '完成率', 9), (s) => s.completion],
      [col.money('gap', '返投缺口'), (s) => s.gapFen],
      [col.date('deadline', '返投截止日'), (s) => s.deadline],
      [
        col.text('daysLeft', '剩余天数', 11),
        (s) => (isDone(s) || s.daysLeft === null ? '' : daysLeftText(s.daysLeft)),
      ],
      [col.money('perYear', '每年需认定'), (s) => (isDone(s) ? null : s.neededPerYearFen)],
      [col.text('state', '完成情况', 11), (s) => stateOf(s)],
    ],
    funds,
    totalLabel(funds.length, '只'),
    { id: (s) => s.fundId },
  );
  const { rows, totals } = ledger;
  totals.completion = ratio(Number(totals.recognised), Number(totals.required));
  const done = rows.filter((r) => r.state === '已完成').length;
  const overdue = rows.filter((r) => r.state === '逾期未完成').length;

  type Item = { s: Status; it: Status['items'][number] };
  const items = funds.flatMap((s) => s.items.map((it) => ({ s, it })));
  const detail = itemTable<Item>(
    'recognitions',
    '返投认定明细',
    [
      seqField,
      [col.text('fund', '基金', 24), ({ s }) => shortFundName(s.fundName)],
      [col.text('enterprise', '企业/项目', 30), ({ it }) => it.enterpriseName],
      [col.text('source', '来源', 8), ({ it }) => SOURCE[it.source]],
      [col.date('date', '日期'), ({ it }) => it.date],
      [col.text('category', '认定类别', 14), ({ it }) => RULE_CATEGORY.label[it.category]],
      [col.money('amount', '投资/落户金额'), ({ it }) => it.amountFen],
      [col.money('qualifying', '认定基数'), ({ it }) => it.qualifyingFen],
      [col.mult('multiplier', '系数', 7), ({ it }) => it.multiplier],
      [col.money('recognised', '认定金额'), ({ it }) => it.recognisedFen],
      [col.text('how', '认定方式', 30), ({ it }) => howRecognised(it)],
    ],
    items,
    totalLabel(items.length, '项'),
  );
  const capped = funds.filter((s) => CATS.some((c) => s.byCategory[c].cappedOffFen > 0));

  return baseReport(opened, 'reinvestment', p.asOf, {
    figures: [
      { key: 'required', label: '返投要求合计', value: Number(totals.required), kind: 'money' },
      { key: 'recognised', label: '已认定返投', value: Number(totals.recognised), kind: 'money' },
      { key: 'completion', label: '整体完成率', value: totals.completion, kind: 'percent' },
      { key: 'gap', label: '返投缺口', value: Number(totals.gap), kind: 'money' },
      { key: 'done', label: '已完成基金', value: done, kind: 'int', suffix: '只' },
      { key: 'overdue', label: '逾期未完成', value: overdue, kind: 'int', suffix: '只' },
    ],
    charts: [
      {
        key: 'progress',
        title: '各基金返投要求与已认定金额',
        type: 'hbar',
        categories: rows.map((r) => shortFundName(String(r.name))),
        series: [
          { name: '返投要求', kind: 'money', values: rows.map((r) => r.required as number | null) },
          { name: '已认定', kind: 'money', values: rows.map((r) => r.recognised as number) },
        ],
      },
    ],
    tables: [ledger, detail],
    notes: [
      '返投要求＝返投倍数×返投基数，按各基金的返投规则集（“按基金协议”的规则集取基金台账约定的倍数、基数和截止日）。',
      '认定金额＝认定基数×该类别的认定系数；同一基金对同一企业只认定一次（取最早的一项）；锁定期内迁出区外的企业不予认定；设有上限的类别最多计入返投要求的相应比例；人工认定的金额替代规则计算，单列并注明理由。已终止的落地项目不计入。',
      '返投缺口＝max(返投要求－认定合计, 0)，合计行为各基金缺口之和（超额完成的基金不抵减其他基金的缺口）；每年需认定＝缺口÷剩余年数（已逾期的为全部缺口）。',
      ...(capped.length
        ? [`${capped.map((s) => shortFundName(s.fundName)).join('、')}有类别超出上限，超出部分未计入。`]
        : []),
    ],
  });
}
