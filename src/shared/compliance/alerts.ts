/**
 * Alerts (提醒, issue #15): the kinds, their documented rules and thresholds, and the pure decision for each.
 * The service (src/main/services/compliance/alerts.ts) reads the rows and calls these; docs/COMPLIANCE.md
 * lists the same rules for users.
 */
import { addDays, daysBetween } from '../dates';
import { addYears } from './reinvest';

export const ALERT_KINDS = [
  'reinvest_overdue',
  'idle_capital',
  'reinvest_shortfall',
  'invest_period_ending',
  'exit_period_ending',
  'extension_ending',
  'nav_stale',
  'report_due',
  'financing_stalled',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITY_LABEL: Record<Severity, string> = { high: '高', medium: '中', low: '低' };
export const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Each kind's threshold (days, or years for idle_capital), editable in 设置. */
export type AlertThresholds = Record<AlertKind, number>;

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  reinvest_overdue: 0,
  idle_capital: 1,
  reinvest_shortfall: 180,
  invest_period_ending: 90,
  exit_period_ending: 90,
  extension_ending: 90,
  nav_stale: 183,
  report_due: 30,
  financing_stalled: 90,
};

export interface AlertKindInfo {
  label: string;
  /** The rule, as users read it ({n} is the threshold). */
  rule: string;
  unit: '天' | '年' | '';
  /** Whether 设置 lets the office change the threshold. */
  editable: boolean;
}

export const ALERT_KIND_INFO: Record<AlertKind, AlertKindInfo> = {
  reinvest_overdue: {
    label: '返投逾期',
    rule: '返投截止日已过，认定返投仍低于返投要求（高）。',
    unit: '',
    editable: false,
  },
  idle_capital: {
    label: '资金闲置',
    rule: '引导基金首次实缴出资已满{n}年，子基金仍未做任何投资（财预〔2015〕210号第二十条可提前退出的情形）（高）。',
    unit: '年',
    editable: true,
  },
  reinvest_shortfall: {
    label: '返投缺口',
    rule: '返投截止日在{n}天内（含当天），认定返投低于返投要求（60天内为高，否则为中）。',
    unit: '天',
    editable: true,
  },
  invest_period_ending: {
    label: '投资期将届满',
    rule: '投资期在{n}天内（含当天）届满（30天内为高，否则为中）。',
    unit: '天',
    editable: true,
  },
  exit_period_ending: {
    label: '退出期将届满',
    rule: '退出期在{n}天内（含当天）届满（30天内为高，否则为中）。',
    unit: '天',
    editable: true,
  },
  extension_ending: {
    label: '延长期将届满',
    rule: '延长期在{n}天内（含当天）届满（30天内为高，否则为中）。',
    unit: '天',
    editable: true,
  },
  nav_stale: {
    label: '估值过期',
    rule: '在投资期或退出期的基金，最近一次估值距今超过{n}天；已出资但从未估值的亦同（中）。',
    unit: '天',
    editable: true,
  },
  report_due: {
    label: '报送到期',
    rule: '未完成的报送事项在{n}天内（含当天）到期（已逾期为高，7天内为中，其余为低）。',
    unit: '天',
    editable: true,
  },
  financing_stalled: {
    label: '融资对接停滞',
    rule: '处于对接中、尽调或投资意向阶段的融资对接，超过{n}天没有任何更新（低）。',
    unit: '天',
    editable: true,
  },
};

export const ruleText = (kind: AlertKind, t: AlertThresholds) =>
  ALERT_KIND_INFO[kind].rule.replace('{n}', String(t[kind]));

/** Where an alert's record is shown in the app. */
export interface AlertLink {
  path: string;
  params?: Record<string, string | number>;
  label: string;
}

export interface Alert {
  /** Stable while the cause is the same (kind, record, due date): what an acknowledgement is kept by. */
  key: string;
  kind: AlertKind;
  kindLabel: string;
  severity: Severity;
  fundId: number | null;
  fundName: string | null;
  dueDate: string | null;
  message: string;
  action: string;
  link: AlertLink;
  acknowledged: boolean;
  ackNote: string | null;
  ackAt: string | null;
}

/** Days from asOf to a date within [0, n]: the "within N days (inclusive)" of the period and deadline rules. */
export function dueWithin(asOf: string, due: string | null, n: number): number | null {
  if (!due) return null;
  const d = daysBetween(asOf, due);
  return d >= 0 && d <= n ? d : null;
}

/** True when `since` is more than n days before asOf (the "older than N days" rules). */
export function olderThan(asOf: string, since: string, n: number): boolean {
  return daysBetween(since, asOf) > n;
}

/** The idle-capital rule: first call more than `years` years before asOf and no investment by asOf. */
export function idleSince(
  asOf: string,
  firstCall: string | null,
  invested: boolean,
  years: number,
): string | null {
  if (!firstCall || invested) return null;
  const limit = addYears(firstCall, years);
  return limit < asOf ? limit : null;
}

export const staleDue = (since: string, n: number) => addDays(since, n);

export const periodSeverity = (daysLeft: number): Severity => (daysLeft <= 30 ? 'high' : 'medium');

export function sortAlerts(a: Alert, b: Alert): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    Number(a.acknowledged) - Number(b.acknowledged) ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    ALERT_KINDS.indexOf(a.kind) - ALERT_KINDS.indexOf(b.kind) ||
    a.key.localeCompare(b.key)
  );
}
