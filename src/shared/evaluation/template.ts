/**
 * An evaluation template (评价模板): a tree of indicators (一级 / 二级) with weights summing to 100, each
 * computed from FundDesk's data with a scoring table, or scored by hand; and the grades of the total.
 * The zod schema checks the shape; checkTemplate checks the arithmetic (weights, tables, grades) with the
 * Chinese messages a user sees, naming the indicator at fault.
 */
import { z } from 'zod';
import { requiredText } from '../schemas/fields';
import { METRIC_CODES, METRICS, type MetricCode } from './metrics';

export interface ScoringPoint {
  /** Threshold in the metric's table unit (METRICS[m].unit). */
  value: number;
  /** Points at that threshold (0 … the indicator's weight); linear between thresholds. */
  points: number;
}

export interface Indicator {
  /** Stable within a template family: hand scores are kept by it. */
  key: string;
  name: string;
  /** Key of the 一级 indicator of a 二级 one; null for 一级. */
  parent: string | null;
  weight: number;
  method: 'computed' | 'manual';
  metric: MetricCode | null;
  scoring: ScoringPoint[];
  /** 评分标准 for a hand-scored indicator (or any note). */
  guide: string | null;
}

export interface Grade {
  name: string;
  /** Lowest total of the grade. */
  min: number;
}

export interface TemplateBody {
  name: string;
  note: string | null;
  indicators: Indicator[];
  grades: Grade[];
}

const num = (label: string) =>
  z.number({ error: `${label}必须是数字` }).refine(Number.isFinite, { error: `${label}必须是数字` });

export const indicatorSchema = z.object({
  key: requiredText('指标编号', 20),
  name: requiredText('指标名称', 60),
  parent: z.string().trim().min(1).nullable(),
  weight: num('权重'),
  method: z.enum(['computed', 'manual'], { error: '评分方式应为“自动计算”或“手工评分”' }),
  metric: z.enum(METRIC_CODES, { error: '计算指标不在可选范围内' }).nullable(),
  scoring: z.array(z.object({ value: num('评分表阈值'), points: num('评分表得分') })).max(20, {
    error: '评分表最多20档',
  }),
  guide: z.string().trim().max(500, { error: '评分标准不能超过500个字' }).nullable(),
});

export const templateBodySchema = z.object({
  name: requiredText('模板名称', 60),
  note: z.string().trim().max(500, { error: '模板说明不能超过500个字' }).nullable(),
  indicators: z.array(indicatorSchema).min(1, { error: '模板至少要有一个指标' }).max(200, {
    error: '模板最多200个指标',
  }),
  grades: z
    .array(
      z.object({
        name: requiredText('等级名称', 20),
        min: num('等级下限'),
      }),
    )
    .min(1, { error: '至少要有一个等级' })
    .max(10, { error: '最多10个等级' }),
});

/** Two decimals are enough for weights and points; sums are compared on hundredths. */
const cents = (x: number) => Math.round(x * 100);
const show = (x: number) => String(Math.round(x * 100) / 100);

/** Every problem of a template, in Chinese; empty when it can be saved. */
export function checkTemplate(t: TemplateBody): string[] {
  const errs: string[] = [];
  const keys = new Set<string>();
  for (const i of t.indicators) {
    if (keys.has(i.key)) errs.push(`指标编号“${i.key}”重复`);
    keys.add(i.key);
  }
  const byKey = new Map(t.indicators.map((i) => [i.key, i]));
  const tops = t.indicators.filter((i) => i.parent === null);
  if (tops.length === 0) errs.push('模板至少要有一个一级指标');
  const children = new Map<string, Indicator[]>();
  for (const i of t.indicators) {
    const label = `指标“${i.name}”`;
    if (!(i.weight > 0)) errs.push(`${label}的权重应大于0`);
    else if (Math.abs(cents(i.weight) - i.weight * 100) > 1e-6) errs.push(`${label}的权重最多两位小数`);
    if (i.parent !== null) {
      const p = byKey.get(i.parent);
      if (!p) errs.push(`${label}的上级指标“${i.parent}”不存在`);
      else if (p.parent !== null) errs.push(`${label}的上级“${p.name}”不是一级指标（最多两级）`);
      else children.set(p.key, [...(children.get(p.key) ?? []), i]);
    }
  }
  const top = tops.reduce((s, i) => s + cents(i.weight), 0);
  if (top !== 10000) errs.push(`一级指标权重合计应为100，当前为${show(top / 100)}`);
  for (const p of tops) {
    const kids = children.get(p.key);
    if (!kids) continue;
    const s = kids.reduce((a, i) => a + cents(i.weight), 0);
    if (s !== cents(p.weight)) {
      errs.push(`一级指标“${p.name}”下二级指标权重合计应为${show(p.weight)}，当前为${show(s / 100)}`);
    }
  }
  for (const i of leaves(t.indicators)) errs.push(...checkLeaf(i));
  errs.push(...checkGrades(t.grades));
  return errs;
}

function checkLeaf(i: Indicator): string[] {
  const label = `指标“${i.name}”`;
  if (i.method === 'manual') return [];
  const errs: string[] = [];
  if (!i.metric) return [`${label}为自动计算，请选择计算指标`];
  if (i.scoring.length === 0) return [`${label}的评分表至少要有一档`];
  const values = i.scoring.map((p) => p.value);
  if (new Set(values).size !== values.length) errs.push(`${label}的评分表阈值重复`);
  for (const p of i.scoring) {
    if (p.points < 0 || cents(p.points) > cents(i.weight)) {
      errs.push(
        `${label}的评分表得分应在0到${show(i.weight)}之间（${METRICS[i.metric].label}为${p.value}时得${p.points}分）`,
      );
      break;
    }
  }
  return errs;
}

function checkGrades(grades: Grade[]): string[] {
  const errs: string[] = [];
  const names = grades.map((g) => g.name);
  if (new Set(names).size !== names.length) errs.push('等级名称重复');
  const mins = grades.map((g) => g.min);
  if (new Set(mins).size !== mins.length) errs.push('等级下限重复');
  if (grades.some((g) => g.min < 0 || g.min > 100)) errs.push('等级下限应在0到100之间');
  if (grades.length && Math.min(...mins) !== 0) errs.push('最低等级的下限应为0（每个总分都要有等级）');
  return errs;
}

/** The indicators that are scored: 二级 ones, and 一级 ones without 二级 under them. */
export function leaves(indicators: readonly Indicator[]): Indicator[] {
  const parents = new Set(indicators.flatMap((i) => (i.parent === null ? [] : [i.parent])));
  return indicators.filter((i) => !parents.has(i.key));
}

/** Points for a value (in the table's unit): linear between thresholds, flat beyond the first and last. */
export function scoreFromTable(table: readonly ScoringPoint[], value: number): number {
  const pts = [...table].sort((a, b) => a.value - b.value);
  if (pts.length === 0) return 0;
  if (value <= pts[0]!.value) return pts[0]!.points;
  for (let k = 1; k < pts.length; k++) {
    const a = pts[k - 1]!;
    const b = pts[k]!;
    if (value <= b.value) return a.points + ((b.points - a.points) * (value - a.value)) / (b.value - a.value);
  }
  return pts[pts.length - 1]!.points;
}

/** The scoring table as one line: “≤60%: 0分；80%: 6分；≥100%: 10分（其间按线性插值）”. */
export function scoringText(i: Indicator): string {
  if (i.method === 'manual' || !i.metric) return i.guide ?? '手工评分';
  const unit = METRICS[i.metric].unit;
  const pts = [...i.scoring].sort((a, b) => a.value - b.value);
  const parts = pts.map((p, k) => {
    const cmp = pts.length > 1 && k === 0 ? '≤' : pts.length > 1 && k === pts.length - 1 ? '≥' : '';
    return `${cmp}${p.value}${unit}：${p.points}分`;
  });
  return `${parts.join('；')}${pts.length > 2 ? '（其间线性插值）' : pts.length === 2 ? '（之间线性插值）' : ''}`;
}

/** The grade of a total: the grade with the highest lower bound not above it. */
export function gradeOf(grades: readonly Grade[], total: number): string {
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  return (sorted.find((g) => total + 1e-9 >= g.min) ?? sorted[sorted.length - 1])?.name ?? '';
}

/** Scores are shown and summed with two decimals. */
export const round2 = (x: number) => Math.round(x * 100) / 100;
