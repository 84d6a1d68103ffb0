/**
 * Alerts (提醒) as of a date: listAlerts(opened, asOf) is the one entry point (the 提醒 page, the menu count,
 * the overview, `funddesk alerts`, the yearly evaluation's "open high alerts"). The rules are in
 * src/shared/compliance/alerts.ts; this file reads the rows (one query per table) and words the alerts.
 */
import {
  ALERT_KIND_INFO,
  type Alert,
  type AlertKind,
  type AlertLink,
  type AlertThresholds,
  DEFAULT_THRESHOLDS,
  dueWithin,
  idleSince,
  olderThan,
  periodSeverity,
  type Severity,
  sortAlerts,
  staleDue,
} from '../../../shared/compliance/alerts';
import { addDays, daysBetween } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { OpenedDb } from '../../db/open';
import { once } from '../reports/figures-once';
import { reinvestmentSums } from './reinvest';

type Raw = OpenedDb['raw'];

export const THRESHOLDS_KEY = 'compliance:alert_thresholds';

/** The thresholds in force: the defaults, with what the office set in 设置 on top. */
export function alertThresholds(raw: Raw): AlertThresholds {
  const v = raw.prepare(`SELECT value FROM meta WHERE key = ?`).pluck().get(THRESHOLDS_KEY) as
    | string
    | undefined;
  const out = { ...DEFAULT_THRESHOLDS };
  if (!v) return out;
  try {
    const saved = JSON.parse(v) as Partial<AlertThresholds>;
    for (const k of Object.keys(out) as AlertKind[]) {
      const n = saved[k];
      if (typeof n === 'number' && Number.isInteger(n) && n >= 0) out[k] = n;
    }
  } catch {
    // a damaged value: the defaults stand
  }
  return out;
}

const wan = (fen: number) => `${formatMoney(fen, 'wan')}万元`;
const fundLink = (id: number): AlertLink => ({ path: '/funds/detail', params: { id }, label: '基金详情' });

interface FundInfo {
  id: number;
  name: string;
  kind: 'sub' | 'direct';
  status: string;
  invest_end_date: string | null;
  exit_end_date: string | null;
  extension_end_date: string | null;
}

/** Every alert as of asOf, acknowledged ones included (flagged), sorted by severity, then due date. */
export function listAlerts(opened: OpenedDb, asOf: string): Alert[] {
  return once(opened, `alerts|${asOf}`, () => computeAlerts(opened, asOf));
}

function computeAlerts(opened: OpenedDb, asOf: string): Alert[] {
  const { raw } = opened;
  const t = alertThresholds(raw);
  const out: Omit<Alert, 'kindLabel' | 'acknowledged' | 'ackNote' | 'ackAt'>[] = [];
  const add = (
    kind: AlertKind,
    record: string,
    severity: Severity,
    fund: { id: number; name: string } | null,
    dueDate: string | null,
    message: string,
    action: string,
    link: AlertLink,
  ) =>
    out.push({
      key: `${kind}|${record}|${dueDate ?? ''}`,
      kind,
      severity,
      fundId: fund?.id ?? null,
      fundName: fund?.name ?? null,
      dueDate,
      message,
      action,
      link,
    });

  const funds = raw
    .prepare(
      `SELECT id, name, kind, status, invest_end_date, exit_end_date, extension_end_date FROM funds
       WHERE (established_date IS NULL OR established_date <= ?) ORDER BY id`,
    )
    .all(asOf) as FundInfo[];
  const active = funds.filter((f) => f.status !== 'liquidated');

  // Periods ending.
  const periods: [AlertKind, keyof FundInfo, string, string][] = [
    [
      'invest_period_ending',
      'invest_end_date',
      '投资期',
      '确认剩余投资安排；如需延长投资期，按合伙协议启动审批。',
    ],
    [
      'exit_period_ending',
      'exit_end_date',
      '退出期',
      '制定退出方案；如需延长，提前报请批准（财预〔2015〕210号）。',
    ],
    ['extension_ending', 'extension_end_date', '延长期', '准备清算或退出安排，延长期届满后基金应终止。'],
  ];
  for (const f of active) {
    for (const [kind, field, what, action] of periods) {
      const due = f[field] as string | null;
      const d = dueWithin(asOf, due, t[kind]);
      if (d === null) continue;
      add(
        kind,
        `fund:${f.id}`,
        periodSeverity(d),
        f,
        due,
        d === 0 ? `${f.name}的${what}今天届满` : `${f.name}的${what}将于${due}届满（还有${d}天）`,
        action,
        fundLink(f.id),
      );
    }
  }

  // 返投.
  for (const r of reinvestmentSums(opened, asOf)) {
    if (r.requiredFen === null || r.gapFen === null || r.gapFen <= 0 || !r.deadline || r.daysLeft === null)
      continue;
    const fund = { id: r.fundId, name: r.fundName };
    const link: AlertLink = { path: '/reports/reinvestment', params: { fund: r.fundId }, label: '返投台账' };
    if (r.daysLeft < 0) {
      add(
        'reinvest_overdue',
        `fund:${r.fundId}`,
        'high',
        fund,
        r.deadline,
        `${r.fundName}返投截止日${r.deadline}已过${-r.daysLeft}天，仍差${wan(r.gapFen)}（要求${wan(r.requiredFen)}，已认定${wan(r.recognisedFen)}）`,
        '与管理人核实返投进展，按合伙协议追究责任或调整让利安排，并记录处理结果。',
        link,
      );
    } else if (r.daysLeft <= t.reinvest_shortfall) {
      add(
        'reinvest_shortfall',
        `fund:${r.fundId}`,
        r.daysLeft <= 60 ? 'high' : 'medium',
        fund,
        r.deadline,
        `${r.fundName}距返投截止日还有${r.daysLeft}天，仍差${wan(r.gapFen)}（每年需认定${wan(r.neededPerYearFen ?? r.gapFen)}）`,
        '督促管理人在截止日前完成区内投资或补充认定材料。',
        link,
      );
    }
  }

  // Idle capital: first call and whether anything was invested, per fund.
  // One index seek per fund (cash_flows_fund_type_date) instead of a GROUP BY over every call row.
  const firstCall = new Map(
    (
      raw
        .prepare(
          `SELECT f.id, (SELECT min(c.date) FROM cash_flows c WHERE c.fund_id = f.id AND c.type = 'call' AND c.date <= ?)
           FROM funds f`,
        )
        .raw(true)
        .all(asOf) as [number, string | null][]
    ).filter((r): r is [number, string] => r[1] !== null),
  );
  const invested = new Set(
    raw.prepare(`SELECT DISTINCT fund_id FROM investments WHERE date <= ?`).pluck().all(asOf) as number[],
  );
  for (const f of active) {
    if (f.kind !== 'sub') continue;
    const since = idleSince(asOf, firstCall.get(f.id) ?? null, invested.has(f.id), t.idle_capital);
    if (!since) continue;
    add(
      'idle_capital',
      `fund:${f.id}`,
      'high',
      f,
      since,
      `${f.name}自${firstCall.get(f.id)}首次实缴出资已满${t.idle_capital}年，尚无任何投资`,
      '要求管理人说明资金闲置原因和投资计划；可按财预〔2015〕210号第二十条研究提前退出。',
      fundLink(f.id),
    );
  }

  // Stale valuations.
  const lastNav = new Map(
    raw
      .prepare(`SELECT fund_id, max(as_of_date) FROM valuations WHERE as_of_date <= ? GROUP BY fund_id`)
      .raw(true)
      .all(asOf) as [number, string][],
  );
  for (const f of active) {
    if (f.status !== 'investing' && f.status !== 'exiting') continue;
    const last = lastNav.get(f.id);
    const since = last ?? firstCall.get(f.id);
    if (!since || !olderThan(asOf, since, t.nav_stale)) continue;
    add(
      'nav_stale',
      `fund:${f.id}`,
      'medium',
      f,
      staleDue(since, t.nav_stale),
      last
        ? `${f.name}最近一次估值为${last}，已${daysBetween(last, asOf)}天未更新`
        : `${f.name}自${since}出资以来尚无估值记录`,
      '向管理人催要最新季度报告或审计报告，录入估值。',
      { path: '/valuations', label: '估值台账' },
    );
  }

  // Financing deals in an open stage, unchanged for too long: the SQL keeps only those last touched before
  // asOf − threshold (what olderThan checks), so the names are looked up for those alone. The last touch is
  // max(first contact, the day of updated_at); it is before the cut-off when both are, and updated_at's day
  // is before it exactly when updated_at is: so the range of financing_deals_stage_updated (0007) finds them.
  const deals = raw
    .prepare(
      `SELECT d.id, e.name, i.name, d.stage,
              CASE WHEN coalesce(d.first_contact_date, '') > substr(d.updated_at, 1, 10)
                THEN d.first_contact_date ELSE substr(d.updated_at, 1, 10) END
       FROM financing_deals d
       JOIN enterprises e ON e.id = d.enterprise_id JOIN institutions i ON i.id = d.institution_id
       WHERE d.stage IN ('contact','dd','ts') AND d.updated_at < @cut AND coalesce(d.first_contact_date, '') < @cut`,
    )
    .raw(true)
    .all({ cut: addDays(asOf, -t.financing_stalled) }) as [number, string, string, string, string][];
  const stage: Record<string, string> = { contact: '对接中', dd: '尽调', ts: '投资意向/TS' };
  for (const [id, enterprise, institution, st, last] of deals) {
    if (last > asOf || !olderThan(asOf, last, t.financing_stalled)) continue;
    add(
      'financing_stalled',
      `deal:${id}`,
      'low',
      null,
      addDays(last, t.financing_stalled),
      `${enterprise}与${institution}的融资对接停留在“${stage[st]}”阶段，已${daysBetween(last, asOf)}天没有更新`,
      '联系企业和机构了解进展，更新阶段；已无进展的标为已终止。',
      { path: '/financing-deals', params: { id }, label: '融资对接' },
    );
  }

  // Filings the office tracks.
  const filings = raw
    .prepare(
      `SELECT r.id, r.name, r.due_date, f.id, f.name FROM report_filings r LEFT JOIN funds f ON f.id = r.fund_id
       WHERE r.done_date IS NULL AND r.due_date <= ?`,
    )
    .raw(true)
    .all(addDays(asOf, t.report_due)) as [number, string, string, number | null, string | null][];
  for (const [id, name, due, fid, fname] of filings) {
    const d = daysBetween(asOf, due);
    add(
      'report_due',
      `filing:${id}`,
      d < 0 ? 'high' : d <= 7 ? 'medium' : 'low',
      fid === null ? null : { id: fid, name: fname ?? '' },
      due,
      d < 0
        ? `“${name}”已逾期${-d}天未报送`
        : d === 0
          ? `“${name}”今天到期`
          : `“${name}”将于${due}到期（还有${d}天）`,
      '按要求整理材料报送，完成后在“设置 → 报送事项”中标记完成。',
      { path: '/settings', params: { tab: 'filings' }, label: '报送事项' },
    );
  }

  const acks = new Map(
    (
      raw.prepare(`SELECT alert_key, note, acknowledged_at FROM alert_acks`).all() as {
        alert_key: string;
        note: string;
        acknowledged_at: string;
      }[]
    ).map((a) => [a.alert_key, a]),
  );
  return out
    .map((a) => {
      const ack = acks.get(a.key);
      return {
        ...a,
        kindLabel: ALERT_KIND_INFO[a.kind].label,
        acknowledged: ack !== undefined,
        ackNote: ack?.note ?? null,
        ackAt: ack?.acknowledged_at ?? null,
      };
    })
    .sort(sortAlerts);
}

/** The menu's count: alerts not acknowledged. */
export function openAlertCount(opened: OpenedDb, asOf: string): number {
  return listAlerts(opened, asOf).filter((a) => !a.acknowledged).length;
}
