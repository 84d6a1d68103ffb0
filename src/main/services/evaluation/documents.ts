/**
 * 绩效评价 as report documents, written to xlsx / PDF by the reports' exporters (src/main/export): one fund's
 * scorecard (every indicator with value, rule, points and comment) and the year's summary across funds.
 */
import { FUND_KIND, labelOf } from '../../../shared/domain';
import type { Scorecard, YearRow } from '../../../shared/evaluation/types';
import { shortFundName } from '../../../shared/reports/format';
import type { DocumentName, ReportColumn, ReportData, ReportRow } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import { baseReport, col, count, table } from '../reports/common';
import { fundScorecard, yearEnd, yearRows, yearScorecards } from './scorecards';

/** A document's data: a report's frame with its own name and title (and, like a report, long charts cut). */
export function documentBase(
  opened: OpenedDb,
  name: DocumentName,
  title: string,
  asOf: string,
  extra: Partial<ReportData>,
): ReportData {
  return baseReport(opened, name, asOf, { title, ...extra });
}

const points = (key: string, header: string, width = 8): ReportColumn => ({
  ...col.ratio(key, header, width),
});

/** The indicator table of one scorecard. */
export function scorecardTable(c: Scorecard) {
  const columns: ReportColumn[] = [
    col.text('key', '编号', 6),
    col.text('name', '指标', 24),
    points('weight', '权重'),
    col.text('method', '评分方式', 10),
    col.text('value', '指标值', 16),
    col.text('rule', '评分规则', 36),
    points('score', '得分'),
    col.text('comment', '说明', 30),
  ];
  const rows: ReportRow[] = c.indicators.map((i) => ({
    key: i.key,
    name: i.level === 2 ? `　${i.name}` : i.name,
    weight: i.weight,
    method: !i.leaf ? '小计' : i.computed ? '自动计算' : '手工评分',
    value: i.valueText,
    rule: i.rule,
    score: i.score,
    comment: i.comment ?? (i.leaf && i.score === null ? '（待评分）' : ''),
  }));
  const totals: ReportRow = {
    key: null,
    name: '总分',
    weight: 100,
    method: null,
    value: null,
    rule: `等级：${c.grade}`,
    score: c.total,
    comment: c.missing ? `尚有${c.missing}项待手工评分` : '',
  };
  return table('scorecard', '评分明细', columns, rows, totals);
}

export function scorecardDocument(opened: OpenedDb, fundId: number, year: number): ReportData {
  const c = fundScorecard(opened, fundId, year);
  return documentBase(opened, 'scorecard', `${year}年度绩效评价评分表`, c.asOf, {
    subtitle: `${c.fundName}　总分：${c.total.toFixed(2)}　等级：${c.grade}`,
    layout: { landscape: true, summarySheet: '评价结果' },
    figures: [
      { key: 'total', label: '总分', value: c.total, kind: 'ratio' },
      { key: 'missing', label: '待手工评分', value: c.missing, kind: 'int', suffix: '项' },
    ],
    fund: { id: c.fundId, name: c.fundName },
    tables: [scorecardTable(c)],
    notes: [
      `基金：${c.fundName}；评价模板：${c.template.name}（第${c.template.version}版）；评价等级：${c.grade}${
        c.evaluationId === null ? '（尚未保存，按默认模板试算）' : ''
      }。`,
      `自动计算的指标取${year}年12月31日的数据，与同一日期的报表一致；评分表各档之间按线性插值。`,
      `等级划分：${c.grades.map((g) => `${g.name}≥${g.min}分`).join('，')}。`,
    ],
  });
}

/** The year's table across funds (also the 绩效评价 sheet of the annual pack). */
export function yearTable(rows: readonly YearRow[]) {
  const columns: ReportColumn[] = [
    col.int('rank', '排名', 6),
    col.text('name', '基金名称', 34),
    col.text('kind', '类型', 8),
    col.text('template', '评价模板', 26),
    points('total', '总分'),
    col.text('grade', '等级', 8),
    col.text('state', '评价状态', 14),
  ];
  const out: ReportRow[] = rows.map((r) => ({
    id: r.fundId,
    rank: r.rank,
    name: r.fundName,
    kind: labelOf(FUND_KIND, r.fundKind),
    template: `${r.template.name}（第${r.template.version}版）`,
    total: r.total,
    grade: r.grade,
    state: r.evaluationId === null ? '未保存（试算）' : r.missing ? `待评分${r.missing}项` : '已完成',
  }));
  const avg = rows.length
    ? Math.round((rows.reduce((s, r) => s + r.total, 0) / rows.length) * 100) / 100
    : null;
  const totals: ReportRow = {
    rank: null,
    name: `平均（${count(rows.length)}只）`,
    kind: null,
    template: null,
    total: avg,
    grade: null,
    state: null,
  };
  return table('evaluation', '绩效评价结果', columns, out, totals);
}

export function yearDocument(opened: OpenedDb, year: number, cards?: Scorecard[]): ReportData {
  const rows = yearRows(cards ?? yearScorecards(opened, year));
  const t = yearTable(rows);
  const grades = new Map<string, number>();
  for (const r of rows) grades.set(r.grade, (grades.get(r.grade) ?? 0) + 1);
  return documentBase(opened, 'evaluation-year', `${year}年度绩效评价汇总`, yearEnd(year), {
    figures: [
      { key: 'funds', label: '参评基金', value: rows.length, kind: 'int', suffix: '只' },
      { key: 'avg', label: '平均分', value: t.totals?.total as number | null, kind: 'ratio' },
      ...[...grades].map(([g, n], k) => ({
        key: `grade${k}`,
        label: g,
        value: n,
        kind: 'int' as const,
        suffix: '只',
      })),
    ],
    charts: [
      {
        key: 'ranking',
        title: '总分排名',
        type: 'hbar',
        categories: rows.map((r) => shortFundName(r.fundName)),
        series: [{ name: '总分', kind: 'int', values: rows.map((r) => r.total) }],
      },
    ],
    tables: [t],
    notes: [
      `自动计算的指标取${year}年12月31日的数据；未保存的评价按默认模板试算，手工评分项计0分。`,
      '排名按总分从高到低，总分相同者名次相同；平均分为各基金总分的算术平均。',
    ],
  });
}
