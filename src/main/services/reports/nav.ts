/** How the reports label and explain 调整后净值 (the adjusted NAV of src/shared/metrics/fund.ts). */
import type { FundMetrics } from '../../../shared/metrics/fund';

export const NAV_LABEL = '调整后净值';

export const NAV_RULE_NOTE =
  '调整后净值＝截至日期前最近一次估值（估值基准日）＋其后至截至日期的出资－其后至截至日期的分配，不低于0；截至日期前尚无估值的基金按0计、不作调整。';

/** The note under a NAV figure: the valuation date it starts from, and why it is 0 where it is. */
export function navFigureNote(m: FundMetrics): string | undefined {
  const parts: string[] = [];
  if (m.navDate) parts.push(`估值基准日 ${m.navDate}`);
  if (m.navNote) parts.push(m.navNote);
  return parts.length ? parts.join('；') : undefined;
}
