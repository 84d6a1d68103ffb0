// Step 4 of the demo (build.ts), per fund after its investments: calls, distributions, fees and NAVs.
import { type DemoContext, type FundInfo, MILLION } from './context';
import { cnNumber } from './names';
import {
  addDaysIso,
  addYearsIso,
  dateBetween,
  dayOf,
  isoOf,
  maxIso,
  minIso,
  quarterEnds,
  roundTo,
  splitByWeights,
  WAN,
  YUAN,
} from './random';
import { DEMO_END, DEMO_LAST_NAV } from './specs';

/**
 * Capital calls, distributions, management fees and quarterly NAVs of the guidance fund's share. Calls
 * and distributions all fall on or before the last NAV date, so TVPI at year end is the target one.
 * Distributions follow the fund's exits (`exitDates`) by one to four months.
 */
export function cashFlowsAndNav(c: DemoContext, f: FundInfo, r: number, exitDates: string[]) {
  const { rng } = c;
  const { spec } = f;
  const commit = spec.commitWan * WAN;
  const paidTotal = roundTo(commit * spec.paidRatio, MILLION);
  const tag = r === 0 ? spec.short : `${spec.short}${r + 1}`;
  const flows = c.data.cash_flows;

  // Capital calls: a first call of 30–40% shortly after establishment, the rest spread over the years.
  const callWeights = [rng.range(0.3, 0.4) * spec.calls];
  for (let k = 1; k < spec.calls; k++) callWeights.push(rng.range(0.8, 1.2));
  let callAmounts = splitByWeights(paidTotal, callWeights, MILLION);
  if (callAmounts.some((a) => a <= 0))
    callAmounts = splitByWeights(
      paidTotal,
      callWeights.map(() => 1),
      MILLION,
    );
  const first = addDaysIso(f.established, rng.int(20, 75));
  const lastDay = dayOf(minIso(addDaysIso(f.investEnd, -120), '2025-09-15'));
  const callDates = [first];
  for (let k = 1; k < spec.calls; k++) {
    const span = lastDay - dayOf(first);
    const target =
      dayOf(first) +
      Math.round((span * k) / (spec.calls - 1)) -
      rng.int(0, Math.min(60, Math.floor(span / (4 * spec.calls))));
    callDates.push(isoOf(Math.max(target, dayOf(callDates[k - 1]!) + 30)));
  }
  const calls: { date: string; amount: number }[] = [];
  for (let k = 0; k < spec.calls; k++) {
    const date = callDates[k]!;
    calls.push({ date, amount: callAmounts[k]! });
    flows.push({
      id: c.nextId('cash_flows'),
      fund_id: f.id,
      date,
      type: 'call',
      amount_fen: callAmounts[k]!,
      doc_no: `${tag}-JK${date.slice(0, 4)}-${String(k + 1).padStart(2, '0')}`,
      note: `第${cnNumber(k + 1)}期实缴出资（缴款通知书）`,
    });
  }

  // Distributions (the guidance fund's share) for the older funds, after their exits.
  const tvpi = r === 0 ? spec.tvpi : spec.tvpi * rng.range(0.93, 1.07);
  const dpi = r === 0 ? spec.dpi : spec.dpi * rng.range(0.85, 1.15);
  const dists: { date: string; amount: number }[] = [];
  if (dpi > 0) {
    const n = dpi >= 0.5 ? 4 : dpi >= 0.2 ? rng.int(2, 3) : 1;
    const total = roundTo(paidTotal * dpi, YUAN);
    const afterExits = exitDates
      .map((d) => addDaysIso(d, rng.int(30, 120)))
      .filter((d) => d > first && d <= '2025-09-20');
    const from = maxIso(addYearsIso(f.established, 4), addDaysIso(first, 900));
    const dates = (
      afterExits.length > 0
        ? rng.sample(afterExits, Math.min(n, afterExits.length))
        : Array.from({ length: n }, () => dateBetween(rng, from, '2025-09-20'))
    ).sort();
    const amounts = splitByWeights(
      total,
      dates.map(() => rng.range(0.6, 1.4)),
      YUAN,
    );
    for (let k = 0; k < dates.length; k++) {
      if (amounts[k]! <= 0) continue;
      dists.push({ date: dates[k]!, amount: amounts[k]! });
      flows.push({
        id: c.nextId('cash_flows'),
        fund_id: f.id,
        date: dates[k]!,
        type: 'distribution',
        amount_fen: amounts[k]!,
        doc_no: `${tag}-FP${dates[k]!.slice(0, 4)}-${String(k + 1).padStart(2, '0')}`,
        note: rng.pick([
          '项目退出收益分配',
          '股权转让回款分配',
          '被投企业上市后减持收益分配',
          '项目回购款分配',
        ]),
      });
    }
  }

  const paidBy = (d: string) => calls.reduce((s, x) => (x.date <= d ? s + x.amount : s), 0);
  const distributedBy = (d: string) => dists.reduce((s, x) => (x.date <= d ? s + x.amount : s), 0);

  // Management fees (the guidance fund's share): with the first call, then yearly after the anniversary.
  for (let k = 0; ; k++) {
    const date = k === 0 ? first : addDaysIso(addYearsIso(f.established, k), 30);
    if (date > DEMO_END) break;
    const base = spec.kind === 'sub' && date <= f.investEnd ? commit * 0.02 : paidBy(date) * 0.015;
    const amount = roundTo(base, YUAN);
    if (amount <= 0) continue;
    flows.push({
      id: c.nextId('cash_flows'),
      fund_id: f.id,
      date,
      type: 'fee',
      amount_fen: amount,
      doc_no: `${tag}-GLF${date.slice(0, 4)}`,
      note: `第${cnNumber(k + 1)}个管理年度管理费（引导基金承担部分，由基金财产支付）`,
    });
  }

  // Quarterly NAV of the guidance fund's share: a mild J-curve towards the target TVPI.
  const quarters = quarterEnds(first, DEMO_LAST_NAV);
  const t0 = dayOf(first);
  const t1 = dayOf(DEMO_LAST_NAV);
  for (const q of quarters) {
    const p = t1 > t0 ? (dayOf(q) - t0) / (t1 - t0) : 1;
    const paid = paidBy(q);
    const mult = q === DEMO_LAST_NAV ? tvpi : 0.95 + (tvpi - 0.95) * p ** 1.4 + rng.normal() * 0.015 * p;
    const nav = Math.max(roundTo(paid * 0.1, YUAN), roundTo(paid * mult - distributedBy(q), YUAN));
    const yearEnd = q.endsWith('12-31');
    const quarter = Math.floor((Number(q.slice(5, 7)) - 1) / 3) + 1;
    // The fifth fund of each portfolio has had no GP report since 2025-03-31 (a nav_stale alert case).
    if (f.id % 15 === 5 && q > '2025-03-31') continue;
    c.data.valuations.push({
      id: c.nextId('valuations'),
      fund_id: f.id,
      as_of_date: q,
      nav_fen: nav,
      source: yearEnd ? 'audit' : 'gp_report',
      note: yearEnd ? `${q.slice(0, 4)}年度审计报告` : `${q.slice(0, 4)}年第${quarter}季度管理人报告`,
    });
  }
}
