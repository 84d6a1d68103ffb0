/** A demo fund's name (the demo database has it), for files that add cash flows to it. */
export const DEMO_FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';

/**
 * A cash-flow CSV of `n` paid-in calls on DEMO_FUND, amounts from `seed` on: none repeats another row or a
 * stored flow (distinct seeds give files that do not overlap). Long enough files make a long import.
 */
export function cashFlowCsv(n: number, seed: number): string {
  const lines = ['基金,日期,类型,金额（元）'];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2015, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${DEMO_FUND},${d},实缴出资,${seed + i}.37`);
  }
  return `${lines.join('\n')}\n`;
}
