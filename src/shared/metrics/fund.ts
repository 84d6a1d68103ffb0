// Fund metrics, docs/PRODUCT.md §5. Money is integer fen; ratios are plain numbers (null where undefined).
import { dayNumber, xirrDays } from './xirr';

export type FundLedger = {
  calls: { date: string; amountFen: number }[];
  distributions: { date: string; amountFen: number }[];
  valuations: { date: string; navFen: number }[];
};

export type FundMetrics = {
  asOf: string;
  paidInFen: number;
  distributedFen: number;
  /**
   * 调整后净值 as of asOf: the latest valuation on or before asOf (navValuationFen, dated navDate), plus the
   * calls and minus the distributions dated after that valuation and on or before asOf, never below 0. With
   * no valuation on or before asOf it is 0 (nothing to start from; navNote says so).
   */
  navFen: number;
  /** The date of the valuation navFen starts from (the latest of them for a total), or null. */
  navDate: string | null;
  /** That valuation's own figure (summed over the funds for a total). */
  navValuationFen: number;
  /** Calls dated after the valuation and on or before asOf, added to it. */
  navCallsAfterFen: number;
  /** Distributions dated after the valuation and on or before asOf, taken from it. */
  navDistributionsAfterFen: number;
  /** Why navFen is not simply the adjusted valuation (no valuation yet, or held at 0), or null. */
  navNote: string | null;
  dpi: number | null;
  rvpi: number | null;
  tvpi: number | null;
  irr: number | null;
  irrNote: string | null;
};

/** Metrics of one fund as of a date: only flows dated on or before asOf count. */
export function fundMetrics(ledger: FundLedger, asOf: string): FundMetrics {
  return pooled([ledger], asOf);
}

/**
 * The total row of a set of funds: paid-in, distributed and NAV are the sums of the rows' figures (each fund's
 * own latest NAV), ratios are taken on those sums, and the IRR is the XIRR of all funds' flows pooled.
 */
export function portfolioMetrics(ledgers: readonly FundLedger[], asOf: string): FundMetrics {
  return pooled(ledgers, asOf);
}

// Flow buffers reused between calls (xirrDays copies what it needs).
let dayBuf = new Float64Array(1024);
let amountBuf = new Float64Array(1024);

function pooled(ledgers: readonly FundLedger[], asOf: string): FundMetrics {
  const asOfDay = day(asOf, '统计日期');
  let n = 1;
  for (const l of ledgers) n += l.calls.length + l.distributions.length;
  if (n > dayBuf.length) {
    dayBuf = new Float64Array(Math.max(n, 2 * dayBuf.length));
    amountBuf = new Float64Array(dayBuf.length);
  }
  let k = 0;
  let paidInFen = 0;
  let distributedFen = 0;
  let navFen = 0;
  let navValuationFen = 0;
  let navCallsAfterFen = 0;
  let navDistributionsAfterFen = 0;
  let withoutValuation = 0;
  let heldAtZero = 0;
  let navDay = Number.NEGATIVE_INFINITY;
  let navDate: string | null = null;
  for (const l of ledgers) {
    // Latest valuation on or before asOf (the last one listed if several share that date).
    let latest: { date: string; navFen: number } | null = null;
    let latestDay = Number.NEGATIVE_INFINITY;
    for (const v of l.valuations) {
      const d = day(v.date, '估值日期');
      if (d <= asOfDay && d >= latestDay) {
        latest = v;
        latestDay = d;
      }
    }
    // Flows after the valuation adjust it (a fund without one keeps a NAV of 0: nothing to adjust).
    const k0 = k;
    const calls = addFlows(l.calls, '出资日期', -1, asOfDay, latestDay, k);
    paidInFen += calls.sum;
    const callsAfter = calls.after;
    const distributions = addFlows(l.distributions, '分配日期', 1, asOfDay, latestDay, calls.k);
    distributedFen += distributions.sum;
    const distributionsAfter = distributions.after;
    k = distributions.k;
    if (latest) {
      const adjusted = latest.navFen + callsAfter - distributionsAfter;
      if (adjusted < 0) heldAtZero++;
      navFen += Math.max(0, adjusted);
      navValuationFen += latest.navFen;
      navCallsAfterFen += callsAfter;
      navDistributionsAfterFen += distributionsAfter;
      if (latestDay > navDay) {
        navDay = latestDay;
        navDate = latest.date;
      }
    } else if (k > k0) withoutValuation++;
  }
  if (navFen > 0) {
    dayBuf[k] = asOfDay;
    amountBuf[k++] = navFen;
  }
  const dpi = ratio(distributedFen, paidInFen);
  const rvpi = ratio(navFen, paidInFen);
  const r = xirrDays(dayBuf, amountBuf, k);
  return {
    asOf,
    paidInFen,
    distributedFen,
    navFen,
    navDate,
    navValuationFen,
    navCallsAfterFen,
    navDistributionsAfterFen,
    navNote: navNote(ledgers.length, withoutValuation, heldAtZero),
    dpi,
    rvpi,
    tvpi: dpi === null || rvpi === null ? null : dpi + rvpi,
    irr: r.ok ? r.rate : null,
    irrNote: r.ok ? null : r.reason,
  };
}

/**
 * Appends the flows dated on or before asOfDay to the buffers from index k, signed (calls go out, so −1);
 * returns the new end, their sum and the part dated after afterDay (the valuation's day).
 */
function addFlows(
  list: readonly { date: string; amountFen: number }[],
  what: string,
  sign: 1 | -1,
  asOfDay: number,
  afterDay: number,
  k: number,
): { k: number; sum: number; after: number } {
  let sum = 0;
  let after = 0;
  for (const c of list) {
    const d = day(c.date, what);
    if (d > asOfDay) continue;
    sum += c.amountFen;
    if (d > afterDay) after += c.amountFen;
    dayBuf[k] = d;
    amountBuf[k++] = sign * c.amountFen;
  }
  return { k, sum, after };
}

function navNote(funds: number, withoutValuation: number, heldAtZero: number): string | null {
  const parts: string[] = [];
  if (withoutValuation > 0) {
    parts.push(
      funds === 1
        ? '截至日期前尚无估值，净值按0计，不作调整'
        : `${withoutValuation}只基金截至日期前尚无估值，净值按0计，不作调整`,
    );
  }
  if (heldAtZero > 0) {
    parts.push(
      funds === 1 ? '估值后分配超过估值与出资之和，净值按0计' : `${heldAtZero}只基金调整后为负，按0计`,
    );
  }
  return parts.length ? parts.join('；') : null;
}

function day(date: string, what: string): number {
  const d = dayNumber(date);
  if (Number.isNaN(d)) throw new RangeError(`${what}无效：${date}（应为YYYY-MM-DD）`);
  return d;
}

/** a ÷ b, or null when b is not positive or either is not a finite number. */
function ratio(a: number, b: number): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

/** MOIC of one investment = (exit proceeds + current value) ÷ amount invested. */
export function moic(investedFen: number, exitProceedsFen: number, currentValueFen: number): number | null {
  return ratio(exitProceedsFen + currentValueFen, investedFen);
}

/** 出资进度 = paid-in ÷ guidance fund commitment. */
export function paidInProgress(paidInFen: number, commitmentFen: number): number | null {
  return ratio(paidInFen, commitmentFen);
}

/** 放大倍数 = fund size ÷ guidance fund commitment. */
export function leverage(fundSizeFen: number, commitmentFen: number): number | null {
  return ratio(fundSizeFen, commitmentFen);
}

/** 返投 completion = recognised ÷ requirement. */
export function reinvestCompletion(recognisedFen: number, requirementFen: number): number | null {
  return ratio(recognisedFen, requirementFen);
}

/**
 * 返投 requirement = multiple × base, in whole fen, rounded half away from zero. Computed exactly on the
 * decimal values the numbers print as (1.15 × 10 fen = 11.5 → 12 fen, although 1.15 * 10 in binary is
 * 11.499…). It runs once per recognised record (40,000 at 100x): the multiple's decimal is kept per value,
 * and while the product stays a safe integer the sum is done in doubles, exactly, instead of BigInt.
 */
export function reinvestRequirementFen(multiple: number, baseFen: number): number {
  const a = decimalOf(multiple);
  if (a && a.scale <= 15 && Number.isSafeInteger(baseFen) && Number.isSafeInteger(a.n)) {
    const num = a.n * Math.abs(baseFen);
    if (Number.isSafeInteger(num)) {
      const den = 10 ** a.scale;
      let q = Math.floor(num / den);
      let rem = num - q * den;
      if (rem < 0) {
        q--;
        rem += den;
      } else if (rem >= den) {
        q++;
        rem -= den;
      }
      if (rem * 2 >= den) q++;
      return (a.negative !== baseFen < 0 ? -1 : 1) * q || 0;
    }
  }
  const b = decimal(baseFen);
  if (!a || !b) throw new RangeError(`返投倍数或基数无效：${multiple} × ${baseFen}`);
  const num = a.digits * b.digits;
  const den = 10n ** BigInt(a.scale + b.scale);
  let q = num / den;
  if ((num % den) * 2n >= den) q += 1n;
  return (a.negative !== b.negative ? -1 : 1) * Number(q) || 0;
}

type Decimal = { negative: boolean; digits: bigint; scale: number; n: number };

// The multiples and multipliers met (a few per rule set), by value.
const decimals = new Map<number, Decimal | null>();

function decimalOf(x: number): Decimal | null {
  let d = decimals.get(x);
  if (d === undefined) {
    if (decimals.size > 1000) decimals.clear();
    d = decimal(x);
    decimals.set(x, d);
  }
  return d;
}

/** |x| = digits / 10^scale exactly, from the shortest decimal that round-trips (String(x)). */
function decimal(x: number): Decimal | null {
  if (!Number.isFinite(x)) return null;
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)));
  if (!m) return null;
  const frac = m[2] ?? '';
  let digits = BigInt(m[1]! + frac);
  let scale = frac.length - Number(m[3] ?? 0);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { negative: x < 0, digits, scale, n: Number(digits) };
}
