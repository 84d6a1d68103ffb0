import { CASH_FLOW_TYPE } from '@shared/domain';
import type { Unit } from '@shared/money';
import type { Row } from '../../grid/row';

/**
 * Cash flows of different types do not add up to anything meaningful: the 合计 row leaves the amount empty,
 * and a row per type follows (实缴出资 / 收益分配 / 管理费 / 其他, with their counts), then the net flow to
 * the investors (收益分配 − 实缴出资 − 管理费, said in its 备注), which is what the sum of signed flows means. The
 * labels name the type (the label runs on over the empty cells after it: colDefs.ts labelSpan).
 */
export function cashFlowTotals(rows: Row[], _unit: Unit): Record<string, unknown>[] {
  const sum = new Map<string, number>();
  const n = new Map<string, number>();
  for (const r of rows) {
    const t = String(r.type ?? '');
    n.set(t, (n.get(t) ?? 0) + 1);
    if (typeof r.amount_fen === 'number') sum.set(t, (sum.get(t) ?? 0) + r.amount_fen);
  }
  const perType = CASH_FLOW_TYPE.codes
    .filter((c) => n.has(c))
    .map((c, i) => ({
      id: -2 - i,
      label: `${CASH_FLOW_TYPE.label[c]}合计（${(n.get(c) ?? 0).toLocaleString('en-US')} 笔）`,
      amount_fen: sum.get(c) ?? 0,
    }));
  const s = (c: string) => sum.get(c) ?? 0;
  const net =
    n.has('call') || n.has('distribution')
      ? [
          {
            id: -9,
            label: '净额',
            amount_fen: s('distribution') - s('call') - s('fee'),
            note: '收益分配 − 实缴出资 − 管理费',
          },
        ]
      : [];
  return [{ amount_fen: null, note: '各类型金额见下方分类合计' }, ...perType, ...net];
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
