// Fund metrics, docs/PRODUCT.md §5. Money is integer fen; ratios are plain numbers (null where undefined).
import { dateKey, dayNumber, daysOfKeys, NO_DAY, xirrDays } from './xirr';

/** A dated amount as a person reads it. */
export type Flow = { date: string; amountFen: number };

/**
 * Calls or distributions as parallel columns: each flow's date as the number yyyymmdd (dateKey) and as its
 * day number (daysOfKeys: dayOfKey, or NO_DAY for a key that is no calendar date), and its amount in fen.
 * Columns, not a list of objects: at 100x the demo data the metrics read 870,000 flows, and making an object
 * per flow (and the garbage collector copying them) cost more than all the arithmetic. The day numbers are
 * worked out once, as the flows are read, rather than by the per-fund and the portfolio pass each.
 */
export type Flows = { dates: Int32Array; days: Int32Array; fens: Float64Array };

/** A fund's ledger as a person writes it: dated amounts. */
export type FundLedger = {
  calls: Flow[];
  distributions: Flow[];
  valuations: { date: string; navFen: number }[];
};

/** A ledger as loadLedgers reads it: the flows as columns. */
export type LedgerColumns = Omit<FundLedger, 'calls' | 'distributions'> & {
  calls: Flows;
  distributions: Flows;
};

/** What the metrics take: either form. */
export type AnyLedger = FundLedger | LedgerColumns;

/** No flows. */
export const NO_FLOWS: Flows = Object.freeze({
  dates: new Int32Array(0),
  days: new Int32Array(0),
  fens: new Float64Array(0),
});

/** Flows from dated amounts; a date not of the form YYYY-MM-DD is refused (RangeError naming `what`). */
export function flowsOf(list: readonly Flow[], what = '日期'): Flows {
  const dates = new Int32Array(list.length);
  const fens = new Float64Array(list.length);
  list.forEach((f, i) => {
    const key = dateKey(f.date);
    if (Number.isNaN(key)) throw invalidDate(what, f.date);
    dates[i] = key;
    fens[i] = f.amountFen;
  });
  return { dates, days: daysOfKeys(dates), fens };
}

/** How many flows there are. */
function flowCount(flows: readonly Flow[] | Flows): number {
  return 'dates' in flows ? flows.dates.length : flows.length;
}

/** The YYYY-MM-DD text of a dateKey. */
function keyDate(key: number): string {
  const y = Math.floor(key / 10000);
  const md = key % 10000;
  return `${y}-${String(Math.floor(md / 100)).padStart(2, '0')}-${String(md % 100).padStart(2, '0')}`;
}

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
export function fundMetrics(ledger: AnyLedger, asOf: string): FundMetrics {
  return pooled([ledger], asOf);
}

/**
 * The total row of a set of funds: paid-in, distributed and NAV are the sums of the rows' figures (each fund's
 * own latest NAV), ratios are taken on those sums, and the IRR is the XIRR of all funds' flows pooled.
 */
export function portfolioMetrics(ledgers: readonly AnyLedger[], asOf: string): FundMetrics {
  return pooled(ledgers, asOf);
}

// Flow buffers reused between calls (xirrDays copies what it needs).
let dayBuf = new Float64Array(1024);
let amountBuf = new Float64Array(1024);

function pooled(ledgers: readonly AnyLedger[], asOf: string): FundMetrics {
  const asOfDay = day(asOf, '统计日期');
  let n = 1;
  for (const l of ledgers) n += flowCount(l.calls) + flowCount(l.distributions);
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
    const f = addFlows(l, asOfDay, latestDay, k);
    paidInFen += f.paid;
    distributedFen += f.distributed;
    const callsAfter = f.paidAfter;
    const distributionsAfter = f.distributedAfter;
    k = f.k;
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
 * Appends a fund's calls (−) and distributions (+) dated on or before asOfDay to the buffers from index k,
 * merged by date: each list is in date order as loadLedgers reads it, so xirrDays gets one sorted run and
 * sums the days in one pass instead of bucketing the fund's whole date range (lists in any order still give
 * the same figures). Returns the new end, the sums, and the parts dated after afterDay (the valuation's day).
 */
function addFlows(l: AnyLedger, asOfDay: number, afterDay: number, k: number) {
  const calls = columns(l.calls, '出资日期');
  const dists = columns(l.distributions, '分配日期');
  const nc = calls.dates.length;
  const nd = dists.dates.length;
  let paid = 0;
  let paidAfter = 0;
  let distributed = 0;
  let distributedAfter = 0;
  for (let i = 0, j = 0; i < nc || j < nd; ) {
    const isCall = j >= nd || (i < nc && calls.dates[i]! <= dists.dates[j]!);
    const from = isCall ? calls : dists;
    const at = isCall ? i++ : j++;
    const d = from.days[at]!;
    if (d === NO_DAY) throw invalidDate(isCall ? '出资日期' : '分配日期', keyDate(from.dates[at]!));
    if (d > asOfDay) continue;
    const fen = from.fens[at]!;
    if (isCall) {
      paid += fen;
      if (d > afterDay) paidAfter += fen;
    } else {
      distributed += fen;
      if (d > afterDay) distributedAfter += fen;
    }
    dayBuf[k] = d;
    amountBuf[k++] = isCall ? -fen : fen;
  }
  return { k, paid, paidAfter, distributed, distributedAfter };
}

const columns = (flows: readonly Flow[] | Flows, what: string): Flows =>
  'dates' in flows ? flows : flowsOf(flows, what);

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
  if (Number.isNaN(d)) throw invalidDate(what, date);
  return d;
}

const invalidDate = (what: string, date: string) => new RangeError(`${what}无效：${date}（应为YYYY-MM-DD）`);

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
