import { CASH_FLOW_TYPE } from '@shared/domain';
import { formatMoney, type Unit } from '@shared/money';
import type { Row } from '../../grid/row';

const SHORT: Record<(typeof CASH_FLOW_TYPE.codes)[number], string> = {
  call: '实缴',
  distribution: '分配',
  fee: '管理费',
  other: '其他',
};

/**
 * Cash flows of different types do not add up to anything meaningful on their own: the totals row also
 * says how much of the sum is capital calls, distributions, fees and other flows.
 */
export function cashFlowTotals(rows: Row[], unit: Unit): Record<string, unknown> {
  const by = new Map<string, number>();
  for (const r of rows) {
    const t = String(r.type ?? '');
    if (typeof r.amount_fen === 'number') by.set(t, (by.get(t) ?? 0) + r.amount_fen);
  }
  const parts = CASH_FLOW_TYPE.codes
    .filter((c) => by.has(c))
    .map((c) => `${SHORT[c]} ${formatMoney(by.get(c)!, unit)}`);
  return { note: parts.join(' ｜ ') };
}

/** NAVs are snapshots: the total is each fund's latest NAV among the rows shown, not their sum over time. */
export function valuationTotals(rows: Row[]): Record<string, unknown> {
  const latest = new Map<unknown, Row>();
  for (const r of rows) {
    const cur = latest.get(r.fund_id);
    if (!cur || String(r.as_of_date) > String(cur.as_of_date)) latest.set(r.fund_id, r);
  }
  let sum = 0;
  for (const r of latest.values()) if (typeof r.nav_fen === 'number') sum += r.nav_fen;
  return {
    nav_fen: sum,
    note:
      latest.size === 1
        ? `合计为最新一期（${String([...latest.values()][0]!.as_of_date)}）的净值`
        : latest.size > 1
          ? `净值合计为 ${latest.size} 只基金各自最新一期净值之和`
          : '',
  };
}
