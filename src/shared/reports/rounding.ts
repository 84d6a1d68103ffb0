/**
 * Rounding shown figures so that the shown parts add up to the shown total (largest-remainder, also called
 * Hamilton's method). Own code: it is a dozen lines and no well-kept library offers exactly this over
 * integer fen; ECharts does it internally for its pie labels only.
 */
import { FEN_PER_UNIT, type Unit } from '../money';
import { REPORT_MONEY_DECIMALS } from './format';
import type { ReportData, ReportTable } from './types';

/**
 * `values` rounded to multiples of `step` so that they add up to `total` rounded to a multiple of `step`
 * (half away from zero): every value goes down to its multiple, then the ones with the largest remainders
 * go up one step until the sum is reached. Works for negative values too (floor, not truncation).
 */
export function largestRemainder(values: number[], step: number, total = sum(values)): number[] {
  const target = roundHalfAway(total / step);
  const floors = values.map((v) => Math.floor(v / step));
  let missing = target - sum(floors);
  const order = values
    .map((v, i) => ({ i, rem: v - floors[i]! * step }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  const out = [...floors];
  for (const { i } of order) {
    if (missing <= 0) break;
    out[i]! += 1;
    missing -= 1;
  }
  return out.map((q) => q * step);
}

/** Percentages (0–100) of each part with `decimals` decimals that add up to exactly 100. */
export function sharesPercent(values: number[], decimals = 1): number[] {
  const t = sum(values);
  if (t === 0) return values.map(() => 0);
  const scale = 10 ** decimals;
  return largestRemainder(
    values.map((v) => (v / t) * 100 * scale),
    1,
    100 * scale,
  ).map((x) => x / scale);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * A table as shown in `unit`: in every money column whose 合计 is the sum of its rows, the rows are rounded
 * to the shown decimals by largest remainder, so the shown rows add up to the shown 合计.
 */
export function roundedTable(t: ReportTable, unit: Unit): ReportTable {
  if (!t.totals || t.rows.length === 0) return t;
  // 元 shows every fen: nothing to round there.
  const step = FEN_PER_UNIT[unit] / 10 ** REPORT_MONEY_DECIMALS;
  const rows = t.rows.map((r) => ({ ...r }));
  const totals = { ...t.totals };
  for (const c of t.columns) {
    if (c.kind !== 'money' || step <= 1) continue;
    const total = t.totals[c.key];
    if (typeof total !== 'number') continue;
    const parts = t.rows.map((r) => r[c.key]);
    const nums = parts.map((v) => (typeof v === 'number' ? v : 0));
    if (sum(nums) !== total) continue;
    const rounded = largestRemainder(nums, step, total);
    rows.forEach((r, i) => {
      if (typeof parts[i] === 'number') r[c.key] = rounded[i]!;
    });
    totals[c.key] = roundHalfAway(total / step) * step;
  }
  // 占比 columns whose 合计 is 100%: shares rounded to the shown 0.01% by largest remainder, as the pie's.
  for (const c of t.columns) {
    if (c.kind !== 'percent' || t.totals[c.key] !== 1) continue;
    const parts = t.rows.map((r) => r[c.key]);
    if (!parts.every((v) => typeof v === 'number')) continue;
    const pct = sharesPercent(parts as number[], 2);
    rows.forEach((r, i) => {
      r[c.key] = pct[i]! / 100;
    });
  }
  return { ...t, rows, totals };
}

/** The report as shown (screen, PDF) in `unit`. The xlsx and CSV keep exact amounts (cells are data). */
export function roundedReport(r: ReportData, unit: Unit): ReportData {
  return { ...r, tables: r.tables.map((t) => roundedTable(t, unit)) };
}
