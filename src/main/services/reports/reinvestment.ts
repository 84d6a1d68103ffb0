/** 返投台账: requirement, recognised by category, gap, deadline — per fund, and every recognition. */
import { labelOf, REINVEST_BASE, REINVEST_CATEGORY, type ReinvestCategory } from '../../../shared/domain';
import { shortFundName } from '../../../shared/reports/format';
import type { ReportColumn, ReportData, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { baseReport, chartOf, col, type ReportParams, ratio, table, totalLabel, totalsRow } from './common';
import { loadFundMetrics, loadRecognised, reinvestFigures, sumMap } from './load';

const CATS = REINVEST_CATEGORY.codes as ReinvestCategory[];

export function reinvestmentReport(opened: OpenedDb, p: ReportParams): ReportData {
  const { raw } = opened;
  const { funds, byFund } = loadFundMetrics(raw, p.asOf, {}, (f) => f.reinvest_multiple !== null);
  const rec = loadRecognised(raw, p.asOf);

  const columns: ReportColumn[] = [
    col.seq(),
    col.text('name', '基金名称', 34),
    col.mult('multiple', '返投倍数', 9),
    col.text('base', '返投基数', 9),
    col.money('baseAmount', '基数金额'),
    col.money('required', '返投要求'),
    ...CATS.map((c) => col.money(`cat_${c}`, REINVEST_CATEGORY.label[c])),
    col.money('recognised', '认定合计'),
    col.pct('completion', '完成率', 9),
    col.money('gap', '返投缺口'),
    col.date('deadline', '返投截止日'),
    col.text('state', '完成情况', 11),
  ];
  const rows: ReportRow[] = funds.map((f, i) => {
    const m = byFund.get(f.id)!;
    const cats = rec.get(f.id);
    const r = reinvestFigures(f, m.paidInFen, sumMap(cats));
    const done = r.requirementFen !== null && r.recognisedFen >= r.requirementFen;
    const overdue = !done && f.reinvest_deadline !== null && f.reinvest_deadline < p.asOf;
    const row: ReportRow = {
      id: f.id,
      seq: i + 1,
      name: f.name,
      multiple: f.reinvest_multiple,
      base: labelOf(REINVEST_BASE, f.reinvest_base),
      baseAmount: r.baseFen,
      required: r.requirementFen,
      recognised: r.recognisedFen,
      completion: r.completion,
      gap: r.gapFen,
      deadline: f.reinvest_deadline,
      state: done ? '已完成' : overdue ? '逾期未完成' : '推进中',
    };
    for (const c of CATS) row[`cat_${c}`] = cats?.get(c) ?? 0;
    return row;
  });
  const totals = totalsRow(columns, rows, totalLabel(rows.length, '只'));
  totals.completion = ratio(Number(totals.recognised), Number(totals.required));
  const main = table('reinvestment', '返投台账', columns, rows, totals);
  const done = rows.filter((r) => r.state === '已完成').length;
  const overdue = rows.filter((r) => r.state === '逾期未完成').length;

  // Every recognition: investments and landed projects (one query).
  const names = new Map(funds.map((f) => [f.id, shortFundName(f.name)]));
  const detail = raw
    .prepare(
      `SELECT i.fund_id, e.name, '投资' AS source, i.date, i.reinvest_category, i.amount_fen, i.reinvest_recognised_fen
        FROM investments i JOIN enterprises e ON e.id = i.enterprise_id
        WHERE i.date <= @asOf AND i.reinvest_category IS NOT NULL
       UNION ALL
       SELECT l.fund_id, coalesce(l.name, e.name), '落地项目', l.landed_date, l.reinvest_category, l.amount_fen,
              l.reinvest_recognised_fen
        FROM landed_projects l JOIN enterprises e ON e.id = l.enterprise_id
        WHERE l.landed_date <= @asOf AND l.status <> 'cancelled' AND l.reinvest_category IS NOT NULL
          AND l.fund_id IS NOT NULL
       ORDER BY 1, 4`,
    )
    .raw(true)
    .all({ asOf: p.asOf }) as [number, string, string, string, string, number, number][];
  const detailColumns: ReportColumn[] = [
    col.seq(),
    col.text('fund', '基金', 24),
    col.text('enterprise', '企业/项目', 30),
    col.text('source', '来源', 8),
    col.date('date', '日期'),
    col.text('category', '认定类别', 14),
    col.money('amount', '投资/落户金额'),
    col.money('recognised', '认定金额'),
  ];
  const detailRows: ReportRow[] = detail
    .filter((d) => names.has(d[0]))
    .map((d, k) => ({
      seq: k + 1,
      fund: names.get(d[0]) ?? '',
      enterprise: d[1],
      source: d[2],
      date: d[3],
      category: labelOf(REINVEST_CATEGORY, d[4]),
      amount: d[5],
      recognised: d[6],
    }));

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
      chartOf('progress', '各基金返投要求与已认定金额', 'hbar', main, (r) => shortFundName(String(r.name)), [
        { key: 'required', name: '返投要求' },
        { key: 'recognised', name: '已认定' },
      ]),
    ],
    tables: [
      main,
      table(
        'recognitions',
        '返投认定明细',
        detailColumns,
        detailRows,
        totalsRow(detailColumns, detailRows, totalLabel(detailRows.length, '项')),
      ),
    ],
    notes: [
      '返投要求＝返投倍数×返投基数（引导基金认缴出资或截至日期的实缴出资，按合伙协议约定）。',
      '认定金额按认定类别汇总投资项目和引进落地项目，同一基金对同一企业只认定一次，不重复计算；已终止的落地项目不计入。',
      '返投缺口＝max(返投要求－认定合计, 0)，合计行为各基金缺口之和（超额完成的基金不抵减其他基金的缺口）。',
    ],
  });
}
