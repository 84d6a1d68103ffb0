/**
 * The indicators FundDesk computes from its own data for a 绩效评价 (issue #16), as of 12-31 of the year.
 * A scoring table's thresholds are written in the unit shown here (出资进度 80 means 80%, 落地项目金额 in 万元),
 * so an office types them as it reads them in its province's rules.
 */
export const METRIC_CODES = [
  'paid_in_progress',
  'invest_progress',
  'reinvest_completion',
  'dpi',
  'tvpi',
  'irr',
  'landed_count',
  'landed_amount',
  'financing_amount',
  'open_high_alerts',
] as const;
export type MetricCode = (typeof METRIC_CODES)[number];

/** How a value is stored: percent as a fraction, money in fen, ratio and count as they are. */
export type MetricKind = 'percent' | 'ratio' | 'int' | 'money';

export interface MetricInfo {
  label: string;
  kind: MetricKind;
  /** The unit of the scoring table's thresholds. */
  unit: string;
  /** How it is computed (shown beside the value and in exports). */
  rule: string;
}

/** The unit a kind's thresholds are written in (inTableUnit converts to it); a count names what it counts. */
const TABLE_UNIT: Record<Exclude<MetricKind, 'int'>, string> = { percent: '%', ratio: '倍', money: '万元' };

const metric = (label: string, kind: Exclude<MetricKind, 'int'>, rule: string): MetricInfo => ({
  label,
  kind,
  unit: TABLE_UNIT[kind],
  rule,
});
const count = (label: string, unit: string, rule: string): MetricInfo => ({ label, kind: 'int', unit, rule });

export const METRICS: Record<MetricCode, MetricInfo> = {
  paid_in_progress: metric('出资进度', 'percent', '引导基金实缴÷引导基金认缴'),
  invest_progress: metric('投资进度', 'percent', '基金已投金额÷引导基金实缴'),
  reinvest_completion: metric('返投完成率', 'percent', '返投认定金额÷返投要求（与返投台账相同）'),
  dpi: metric('DPI', 'ratio', '累计分配÷实缴'),
  tvpi: metric('TVPI', 'ratio', '（累计分配＋估值）÷实缴'),
  irr: metric('净IRR', 'percent', '出资、分配与截至日估值的XIRR'),
  landed_count: count('落地项目数', '个', '该基金引进、截至年末已落地（未终止）的项目数'),
  landed_amount: metric('落地项目金额', 'money', '该基金引进、截至年末已落地（未终止）项目的落户金额'),
  financing_amount: metric('带动融资额', 'money', '该基金被投企业截至年末通过融资对接完成的融资额'),
  open_high_alerts: count('未处理高风险提醒', '条', '截至评价时该基金未处理的高风险合规提醒条数'),
};

export function isMetricCode(s: unknown): s is MetricCode {
  return typeof s === 'string' && (METRIC_CODES as readonly string[]).includes(s);
}

/** A stored value in the unit of the scoring table: fraction → percent, fen → 万元. */
export function inTableUnit(kind: MetricKind, value: number): number {
  if (kind === 'percent') return value * 100;
  if (kind === 'money') return value / 1_000_000;
  return value;
}

// Made once: toLocaleString with options builds a formatter per call (10,000 values for a year at 100x).
const INT = new Intl.NumberFormat('en-US');
const TWO = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A value as shown beside its score: “84.15%”, “1.23倍”, “12个”, “3,500.00万元”. */
export function formatMetric(kind: MetricKind, value: number | null, unit: string): string {
  if (value === null) return '—';
  const v = inTableUnit(kind, value);
  return `${(kind === 'int' ? INT : TWO).format(v)}${unit}`;
}
