// Kept whole (726 lines): the solver, its certificates and its fallbacks share one set of per-date sums and
// must be read together to trust the result (tests/unit/xirr.test.ts checks it against LibreOffice).
//
// XIRR: the rate r with Σ amount_i / (1+r)^((d_i − d_0)/365) = 0, d_0 the earliest date (Excel/LibreOffice).
//
// Solved in x = ln(1+r): F(x) = Σ a_i·e^(−x·t_i), a_i summed per date, t_i in years of 365 days.
// - Descartes: F has at most s roots (s = sign changes of a_i, by date); F(+∞), F(−∞) have the signs of the
//   first and last flow. s = 0: none. s = 1: exactly one. s odd: at least one. s even: none or ≥ 2.
// - Certificate at any x = p (Laplace transforms diminish variation): the roots above p are at most the sign
//   changes of the discounted running balance Σ_{j≤i} a_j·e^(−p·t_j), those below p at most the sign changes of
//   the discounted remaining balance Σ_{j≥i}; their parity is known from the signs of F(p) and F(±∞). So one
//   pass just above and one just below a root prove it unique for usual fund series (the balance at the IRR
//   stays ≤ 0 until the end), or prove that further roots exist. At p = 0 it needs no exp at all (the running
//   balance is the cumulative sum of the flows: Norström's criterion, which alone bounds only the roots above 0)
//   and proves most fund series with several sign changes to have one root, on a known side of 0, before Newton.
// - Where F's certificates leave room for more roots, those of G_c = c·F + F' = e^(−cx)·(e^(cx)·F)' for pivots c
//   between the dates may not: by Rolle F has at most one root more than G_c on each side of a point. Tried
//   beside the root and on a grid of rates around 0.
// - Otherwise a scan over x (rates −95% … +1900% in steps of 0.05, then outward with doubling steps until the
//   certificate leaves no room for roots beyond) finds every root, refining where the certificate is
//   inconclusive (within a work budget: for pathological series the roots found are reported).
// - Roots are polished by Newton on a bracket with bisection / outward doubling as fallback.
// Two or more roots → 'ambiguous' (the reason lists them), none → 'no_solution'. Never NaN or ±Infinity.

export type CashFlow = {
  date: string /* YYYY-MM-DD */;
  amount: number /* negative = paid out by the investor */;
};
export type XirrResult =
  | { ok: true; rate: number }
  | { ok: false; reason: string; code: 'no_flows' | 'no_sign_change' | 'no_solution' | 'ambiguous' };

const NO_FLOWS = '没有现金流，无法计算IRR';
const ALL_ZERO = '现金流金额均为零，无法计算IRR';
const NO_SIGN_CHANGE = '现金流没有正负变化，无法计算IRR';
const NO_SOLUTION = '现金流多次正负变化，不存在使净现值为零的收益率，无法计算IRR';
const OUT_OF_RANGE = '收益率超出可表示的范围（接近−100%或过大），无法计算IRR';

// Days before the first of each month in a non-leap year.
const MONTH_START = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * The number yyyymmdd of a YYYY-MM-DD text whose first digit is 1–9 (the day itself is not checked: see
 * dayOfKey), or NaN for any other text. Ordered as the dates are, and turned back into the text exactly.
 */
export function dateKey(date: string): number {
  if (
    typeof date !== 'string' ||
    date.length !== 10 ||
    date.charCodeAt(4) !== 45 ||
    date.charCodeAt(7) !== 45
  ) {
    return Number.NaN;
  }
  const c0 = date.charCodeAt(0) - 48;
  const c1 = date.charCodeAt(1) - 48;
  const c2 = date.charCodeAt(2) - 48;
  const c3 = date.charCodeAt(3) - 48;
  const c5 = date.charCodeAt(5) - 48;
  const c6 = date.charCodeAt(6) - 48;
  const c8 = date.charCodeAt(8) - 48;
  const c9 = date.charCodeAt(9) - 48;
  // Every digit in 0..9 (unsigned compare), first digit 1..9.
  if ((c0 - 1) >>> 0 > 8 || (c1 | c2 | c3 | c5 | c6 | c8 | c9) >>> 0 > 15) return Number.NaN;
  if (c1 > 9 || c2 > 9 || c3 > 9 || c5 > 9 || c6 > 9 || c8 > 9 || c9 > 9) return Number.NaN;
  return c0 * 10000000 + c1 * 1000000 + c2 * 100000 + c3 * 10000 + c5 * 1000 + c6 * 100 + c8 * 10 + c9;
}

/** Days since 1970-01-01 of the date yyyymmdd (dateKey; years 1000–9999), or NaN if it is no calendar date. */
export function dayOfKey(key: number): number {
  if (!(key >= 10000101 && key <= 99991231) || key % 1 !== 0) return Number.NaN;
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  const leap = isLeap(y);
  if (m < 1 || m > 12 || d < 1 || d > monthLength(m, leap)) return Number.NaN;
  const py = y - 1; // leap days in years before y, counted from year 0
  const leapsBefore = Math.floor(py / 4) - Math.floor(py / 100) + Math.floor(py / 400);
  return (y - 1970) * 365 + leapsBefore - 477 + MONTH_START[m]! + (leap && m > 2 ? 1 : 0) + d - 1;
}

const isLeap = (y: number) => (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0);
const monthLength = (m: number, leap: boolean) => (m === 2 ? (leap ? 29 : 28) : 30 + ((m + (m >> 3)) & 1));

/** daysOfKeys' day for a key that is no calendar date (an Int32Array holds no NaN). */
export const NO_DAY = -0x80000000;

/**
 * dayOfKey of each of the first n keys, NO_DAY where that is NaN. Keys in date order come in runs of one month
 * (a fund's flows, ~7 a month at 100x the demo): the month's first day is computed once per run and each key
 * of it is an addition, instead of a calendar computation per flow.
 */
export function daysOfKeys(keys: ArrayLike<number>, n = keys.length): Int32Array {
  const days = new Int32Array(n);
  let month = Number.NaN;
  let first = 0;
  let length = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    const ym = Math.floor(key / 100);
    if (ym !== month) {
      month = ym;
      first = dayOfKey(ym * 100 + 1);
      length = Number.isNaN(first) ? 0 : monthLength(ym % 100, isLeap(Math.floor(ym / 100)));
    }
    const d = key - ym * 100;
    days[i] = d >= 1 && d <= length ? first + d - 1 : NO_DAY;
  }
  return days;
}

/** Days since 1970-01-01 of a strict YYYY-MM-DD date (years 1000–9999), or NaN if it is no calendar date. */
export function dayNumber(date: string): number {
  return dayOfKey(dateKey(date));
}

let inDays = new Float64Array(64);
let inAmounts = new Float64Array(64);

export function xirr(flows: readonly CashFlow[], opts?: { guess?: number }): XirrResult {
  const n = flows.length;
  if (n > inDays.length) {
    inDays = new Float64Array(Math.max(n, inDays.length * 2));
    inAmounts = new Float64Array(inDays.length);
  }
  const days = inDays;
  const amounts = inAmounts;
  for (let i = 0; i < n; i++) {
    const f = flows[i]!;
    days[i] = dayNumber(f.date);
    if (Number.isNaN(days[i])) throw new RangeError(`现金流日期无效：${f.date}（应为YYYY-MM-DD）`);
    amounts[i] = f.amount;
  }
  return xirrDays(days, amounts, n, opts);
}

// ---- scratch buffers reused between calls (all of this is synchronous) ----
let T = new Float64Array(64); // year fractions after aggregation (shifted by the pivot while solving)
let A = new Float64Array(64); // amounts after aggregation
let W = new Float64Array(64); // scratch: discounted terms, sort keys, day buckets
let W2 = new Float64Array(64); // scratch: bucket magnitudes
function grow(n: number): void {
  if (n <= T.length) return;
  const cap = Math.max(n, T.length * 2);
  T = new Float64Array(cap);
  A = new Float64Array(cap);
  W = new Float64Array(cap);
  W2 = new Float64Array(cap);
}

/**
 * XIRR over parallel arrays (days since 1970-01-01, e.g. from dayNumber(); amounts): the allocation-free core
 * behind xirr() and the fund metrics. Throws RangeError for a non-integer day or a non-finite amount — bad
 * input, not a "no rate" case. `guess` (a rate > −1) only chooses where Newton starts, never the answer.
 */
export function xirrDays(
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  count: number,
  opts?: { guess?: number },
): XirrResult {
  if (count === 0) return { ok: false, code: 'no_flows', reason: NO_FLOWS };
  const m = aggregate(days, amounts, count);
  if (m === 0) return { ok: false, code: 'no_sign_change', reason: ALL_ZERO };
  let s = 0;
  let pos = 0;
  let neg = 0;
  let tPos = 0;
  let tNeg = 0;
  let pivot = 0;
  const t_ = T;
  const a_ = A;
  for (let i = 0; i < m; i++) {
    const a = a_[i]!;
    if (a > 0) {
      pos += a;
      tPos += a * t_[i]!;
    } else {
      neg -= a;
      tNeg -= a * t_[i]!;
    }
    if (i > 0 && a > 0 !== a_[i - 1]! > 0 && s++ === 0) pivot = t_[i - 1]!;
  }
  if (s === 0) return { ok: false, code: 'no_sign_change', reason: NO_SIGN_CHANGE };

  const g = opts?.guess;
  let x0 = Math.log(pos / neg) / (tPos / pos - tNeg / neg); // exact for one outflow and one inflow
  if (g !== undefined && Number.isFinite(g) && g > -1) x0 = Math.log1p(g);
  else if (!Number.isFinite(x0)) x0 = Math.log1p(0.1);
  x0 = Math.min(50, Math.max(-50, x0));
  const sHi = a_[0]! > 0 ? 1 : -1; // sign of F(+∞)

  if (s === 1) {
    // Pivoting at the sign change makes e^(x·pivot)·F(x) strictly monotone (Descartes' proof): one root.
    for (let i = 0; i < m; i++) t_[i] = t_[i]! - pivot;
    return rateResult(solve(m, x0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, sHi));
  }
  // The certificate at rate 0 needs no exp (Norström's criterion, the cumulative sum of the flows changing sign
  // once, and its mirror for the roots below 0): for most fund series it proves a single root, or none.
  const k = rootsAt(0, m, false);
  if (k === 1) {
    // The root is on the side of 0 where F(0) and F(±∞) differ: 0 is a finite end of the bracket.
    const x =
      fSign === sHi
        ? solve(m, x0 < 0 ? x0 : -0.1, Number.NEGATIVE_INFINITY, 0, sHi)
        : solve(m, x0 > 0 ? x0 : 0.1, 0, Number.POSITIVE_INFINITY, sHi);
    if (solved) return rateResult(x); // else Newton crept along a flank: the search below checks what it finds
  }
  if (k === 0) return { ok: false, code: 'no_solution', reason: NO_SOLUTION };
  // s odd: F(−∞) and F(+∞) differ in sign, the bracketed search finds a root. s even: try plain Newton.
  const x =
    s % 2 === 1 ? solve(m, x0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, sHi) : newton(m, x0);
  return Number.isNaN(x) ? scan(m) : around(m, x, sHi);
}

/** Classifies the roots other than x, a root found by Newton, with the certificate just above and below it. */
function around(m: number, x: number, sHi: number): XirrResult {
  const delta = 1e-7 * Math.max(1, Math.abs(x));
  balances(x + delta, m);
  const fAbove = fSign;
  const bound = vAbove;
  balances(x - delta, m);
  const fBelow = fSign;
  if (fAbove === 0 || fBelow !== -fAbove) return scan(m); // not a clean simple root
  // Roots above x+δ: parity odd iff F(x+δ) and F(+∞) differ; likewise below x−δ with F(−∞).
  const sLo = A[m - 1]! > 0 ? 1 : -1;
  const oddAbove = fAbove !== sHi;
  const oddBelow = fBelow !== sLo;
  // The count on a side is at most its bound and has the parity: bound ≤ parity + 1 makes it exact.
  const knownAbove = bound <= (oddAbove ? 2 : 1);
  const knownBelow = vBelow <= (oddBelow ? 2 : 1);
  if (!oddAbove && !oddBelow && knownAbove && knownBelow) return rateResult(x);
  // 0 or ≥ 2 more roots on some side: the derivative's certificates may still prove x the only one, else look.
  if (!oddAbove && !oddBelow) return proveUnique(m, x) ? rateResult(x) : scan(m);
  // Certainly more roots: list every root of a short series.
  if (m <= 300) return scan(m);
  const roots = [x];
  if (oddAbove) roots.push(solve(m, x + delta + 1, x + delta, Number.POSITIVE_INFINITY, sHi));
  if (oddBelow) roots.push(solve(m, x - delta - 1, Number.NEGATIVE_INFINITY, x - delta, fBelow));
  return ambiguous(roots, knownAbove && knownBelow);
}

/**
 * x (a root) is the only one if the certificates at some point p count exactly one root in all: just beside x,
 * then at rates on a grid around 0 (the cheap points first), within a work budget.
 */
function proveUnique(m: number, x: number): boolean {
  const delta = 1e-7 * Math.max(1, Math.abs(x));
  if (rootsAt(x + delta, m, true) === 1 || rootsAt(x - delta, m, true) === 1) return true;
  let budget = 4e4; // ≈ term evaluations: a few hundred µs at most
  for (let k = 0; k <= 20 && budget > 0; k++) {
    for (const p of k === 0 ? [0] : [0.05 * k, -0.05 * k]) {
      if (rootsAt(p, m, true) === 1) return true;
      budget -= m * (1 + Math.min(m, G_CANDIDATES));
    }
  }
  return false;
}

/** Sorts by day, sums same-day amounts into A, year fractions from the earliest day into T; returns count. */
function aggregate(days: ArrayLike<number>, amounts: ArrayLike<number>, n: number): number {
  grow(n);
  let sorted = true;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const d = days[i]!;
    if (!Number.isInteger(d)) throw new RangeError(`现金流第${i + 1}笔的日期无效`);
    if (!Number.isFinite(amounts[i]!)) throw new RangeError(`现金流第${i + 1}笔的金额无效`);
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
    if (i > 0 && d < days[i - 1]!) sorted = false;
  }
  let m = 0;
  let day0 = 0;
  const t_ = T;
  const a_ = A;
  // A day's sum is kept unless it nets to zero (up to rounding of decimal amounts): |sum| ≤ 1e-12·Σ|amount|.
  const range = maxDay - minDay + 1;
  if (!sorted && range <= 4 * n + 4096) {
    // Dense buckets per day: O(n + range), no sort.
    if (range > W.length) {
      W = new Float64Array(range);
      W2 = new Float64Array(range);
    }
    const sum = W.fill(0, 0, range);
    const mag = W2.fill(0, 0, range);
    for (let i = 0; i < n; i++) {
      const k = days[i]! - minDay;
      const a = amounts[i]!;
      sum[k] = sum[k]! + a;
      mag[k] = mag[k]! + (a < 0 ? -a : a);
    }
    for (let k = 0; k < range; k++) {
      const mk = mag[k]!;
      if (mk === 0) continue;
      const sk = sum[k]!;
      if (Math.abs(sk) <= 1e-12 * mk) continue;
      if (m === 0) day0 = minDay + k;
      t_[m] = (minDay + k - day0) / 365;
      a_[m++] = sk;
    }
  } else {
    let order: ArrayLike<number> | null = null;
    if (!sorted) {
      // (day, index) packed into one double and sorted natively; the index comes back as key mod n.
      if (range * n >= 2 ** 53) throw new RangeError('现金流日期跨度过大');
      const keys = W.subarray(0, n);
      for (let i = 0; i < n; i++) keys[i] = (days[i]! - minDay) * n + i;
      keys.sort();
      for (let i = 0; i < n; i++) keys[i] = keys[i]! % n;
      order = keys;
    }
    for (let i = 0; i < n; ) {
      const d = days[order ? order[i]! : i]!;
      let sum = 0;
      let mag = 0;
      for (; i < n; i++) {
        const j = order ? order[i]! : i;
        if (days[j]! !== d) break;
        sum += amounts[j]!;
        mag += Math.abs(amounts[j]!);
      }
      if (Math.abs(sum) <= 1e-12 * mag) continue;
      if (m === 0) day0 = d;
      t_[m] = (d - day0) / 365;
      a_[m++] = sum;
    }
  }
  return m;
}

// ---- F (scaled by a positive constant against overflow) and its derivatives at x ----
let hv = 0;
let hd = 0;
let hd2 = 0;
let hAbs = 0; // Σ |terms|: the round-off floor of hv is ~1e-16·hAbs
function evalH(x: number, m: number): void {
  const t_ = T;
  const a_ = A;
  const e0 = -x * t_[0]!;
  const e1 = -x * t_[m - 1]!;
  const emax = Math.max(e0, e1);
  const shift = emax > 600 ? emax : 0;
  let v = 0;
  let d = 0;
  let d2 = 0;
  let ab = 0;
  for (let i = 0; i < m; i++) {
    const t = t_[i]!;
    const e = Math.exp(-x * t - shift) * a_[i]!;
    v += e;
    const te = t * e;
    d -= te;
    d2 += t * te;
    ab += e < 0 ? -e : e;
  }
  hv = v;
  hd = d;
  hd2 = d2;
  hAbs = ab;
}

// ---- certificate at p: sign changes of the discounted running / remaining balances, and sign of F(p) ----
let vAbove = 0;
let vBelow = 0;
let fSign = 0;
function balances(p: number, m: number): void {
  const t_ = T;
  const a_ = A;
  const w_ = W;
  const e0 = -p * t_[0]!;
  const e1 = -p * t_[m - 1]!;
  const emax = Math.max(e0, e1);
  for (let i = 0; i < m; i++) w_[i] = Math.exp(-p * t_[i]! - emax) * a_[i]!;
  countBalances(m);
}

// ---- exact root counts from the certificates of F and of its derivatives at one point p ----
const G_CANDIDATES = 48; // pivots c tried per point, at most
let S1 = new Float64Array(64); // terms (c − t_i)·w_i of G_c

/**
 * The number of roots of F if the certificates at p decide it, else −1. On each side of p the count is at most
 * the certificate's bound and has a known parity (F(p) against F(±∞)): a bound ≤ parity + 1 makes it exact.
 * With `withG` the bounds are also taken from G_c = c·F + F' = Σ (c − t_i)·a_i·e^(−x·t_i) = e^(−c·x)·(e^(c·x)·F)'
 * for pivots c between the dates: by Rolle, F has at most one root more than G_c on either side of p, and G_c's
 * own certificate (with its parity) bounds G_c's roots there. c = 0 gives F' (c → ∞ would give F itself).
 */
function rootsAt(p: number, m: number, withG: boolean): number {
  const t_ = T;
  const a_ = A;
  let w_ = A; // at p = 0 the terms are the amounts
  if (p !== 0) {
    w_ = W;
    const emax = Math.max(-p * t_[0]!, -p * t_[m - 1]!);
    for (let i = 0; i < m; i++) w_[i] = Math.exp(-p * t_[i]! - emax) * a_[i]!;
  }
  strictCounts(w_, m);
  const f = fSign;
  if (f === 0) return -1;
  const oddA = f !== (a_[0]! > 0 ? 1 : -1) ? 1 : 0;
  const oddB = f !== (a_[m - 1]! > 0 ? 1 : -1) ? 1 : 0;
  let boundA = vAbove < 0 ? m : vAbove;
  let boundB = vBelow < 0 ? m : vBelow;
  if (withG && (boundA > oddA + 1 || boundB > oddB + 1)) {
    if (S1.length < m) S1 = new Float64Array(T.length);
    const g_ = S1;
    const stride = Math.ceil(m / G_CANDIDATES);
    for (let k = 0; k < m && (boundA > oddA + 1 || boundB > oddB + 1); k += stride) {
      const c = k === 0 ? 0 : (t_[k - 1]! + t_[k]!) / 2;
      for (let i = 0; i < m; i++) g_[i] = (c - t_[i]!) * w_[i]!;
      strictCounts(g_, m);
      if (fSign === 0) continue;
      // G_c(+∞) has the sign of its first non-zero coefficient (c = t_0 = 0 makes the first one zero), G_c(−∞)
      // that of the last, (c − t_(m−1))·a_(m−1) with c < t_(m−1).
      const gHi = (c > 0 ? 1 : -1) * (a_[c > 0 ? 0 : 1]! > 0 ? 1 : -1);
      const gLo = a_[m - 1]! > 0 ? -1 : 1;
      const gOddA = fSign !== gHi ? 1 : 0;
      const gOddB = fSign !== gLo ? 1 : 0;
      if (vAbove >= 0) {
        const gA = vAbove <= gOddA + 1 ? gOddA : vAbove;
        if (gA + 1 < boundA) boundA = gA + 1;
      }
      if (vBelow >= 0) {
        const gB = vBelow <= gOddB + 1 ? gOddB : vBelow;
        if (gB + 1 < boundB) boundB = gB + 1;
      }
    }
  }
  if (boundA > oddA + 1 || boundB > oddB + 1) return -1;
  return oddA + oddB;
}

/**
 * Certificate from the terms b_i (in date order): sign changes of the running sums into vAbove and of the
 * remaining sums (summed from the end) into vBelow, each −1 if some sum is within 1e-13 of the sum of |b| it
 * adds up (its sign is round-off) unless exactly zero from zero terms; the sign of the total into fSign.
 */
function strictCounts(b: Float64Array, m: number): void {
  let run = 0;
  let ab = 0;
  let last = 0;
  let v = 0;
  for (let i = 0; i < m; i++) {
    const x = b[i]!;
    run += x;
    ab += x < 0 ? -x : x;
    const s = run > 1e-13 * ab ? 1 : run < -1e-13 * ab ? -1 : 0;
    if (s === 0) {
      if (ab === 0) continue;
      if (i < m - 1) v = -1;
      break;
    }
    if (s !== last) {
      if (last !== 0) v++;
      last = s;
    }
  }
  const f = run > 1e-13 * ab ? 1 : run < -1e-13 * ab ? -1 : 0;
  vAbove = v;
  run = 0;
  ab = 0;
  last = 0;
  v = 0;
  for (let i = m - 1; i >= 0; i--) {
    const x = b[i]!;
    run += x;
    ab += x < 0 ? -x : x;
    const s = run > 1e-13 * ab ? 1 : run < -1e-13 * ab ? -1 : 0;
    if (s === 0) {
      if (ab === 0) continue;
      v = -1;
      break;
    }
    if (s !== last) {
      if (last !== 0) v++;
      last = s;
    }
  }
  vBelow = v;
  fSign = v >= 0 && last !== f ? 0 : f; // summed both ways, the total must agree in sign
}

/** The certificate from the discounted terms in W (overwritten by their running sums). */
function countBalances(m: number): void {
  const w_ = W;
  let run = 0;
  let ab = 0;
  for (let i = 0; i < m; i++) {
    const w = w_[i]!;
    ab += w < 0 ? -w : w;
    run += w;
    w_[i] = run;
  }
  countRunning(m, run, ab);
}

/**
 * The certificate from the running balances P_i in W (total = F): sign changes of P_i and of the remaining
 * balances F − P_(i−1), and the sign of F. Sums within 1e-13·Σ|w| of zero are round-off and have no sign.
 */
function countRunning(m: number, total: number, ab: number): void {
  const w_ = W;
  const tiny = 1e-13 * ab;
  let prev = 0;
  let lastA = 0;
  let lastB = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < m; i++) {
    const pa = w_[i]!;
    const sa = pa > tiny ? 1 : pa < -tiny ? -1 : 0;
    if (sa !== 0 && sa !== lastA) {
      if (lastA !== 0) va++;
      lastA = sa;
    }
    const pb = total - prev;
    const sb = pb > tiny ? 1 : pb < -tiny ? -1 : 0;
    if (sb !== 0 && sb !== lastB) {
      if (lastB !== 0) vb++;
      lastB = sb;
    }
    prev = pa;
  }
  fSign = total > tiny ? 1 : total < -tiny ? -1 : 0;
  vAbove = va;
  vBelow = vb;
}

/** Whether Newton has converged: its next error (≈ |h''/2h'|·dx²) or |h| is at round-off level. */
function converged(x: number, dx: number): boolean {
  const next = Math.abs((hd2 / (2 * hd)) * dx * dx);
  return next <= 1e-15 * Math.abs(x) || Math.abs(dx) <= 1e-15 * Math.abs(x) || Math.abs(hv) <= 1e-15 * hAbs;
}

let solved = false; // whether the last solve() ended at a root (not at its iteration cap)

/**
 * Safeguarded Newton for a root in (lo, hi), where F has sign sHi at hi (+∞ allowed) and −sHi at lo (−∞
 * allowed). A Newton step leaving the bracket becomes a bisection, or a doubling step outward while an end is
 * still infinite.
 */
function solve(m: number, x0: number, lo0: number, hi0: number, sHi: number): number {
  let lo = lo0;
  let hi = hi0;
  let x = x0;
  let step = 1;
  solved = true;
  for (let iter = 0; iter < 400; iter++) {
    evalH(x, m);
    if (hv === 0) return x;
    if ((hv > 0 ? 1 : -1) === sHi) hi = x;
    else lo = x;
    let xn = x - hv / hd;
    if (xn > lo && xn < hi && converged(xn, xn - x)) return xn;
    if (!(xn > lo && xn < hi)) {
      if (lo > Number.NEGATIVE_INFINITY && hi < Number.POSITIVE_INFINITY) xn = lo + (hi - lo) / 2;
      else if (hi < Number.POSITIVE_INFINITY) xn = hi - step;
      else xn = lo + step;
      step *= 2;
      if (xn === lo || xn === hi || !Number.isFinite(xn)) {
        solved = Number.isFinite(xn); // the bracket down to adjacent doubles, or no finite end found
        return x;
      }
    }
    x = xn;
  }
  solved = false;
  return x;
}

/** Plain Newton (steps capped at ±2) for s even, where no bracket is known; NaN if it does not converge. */
function newton(m: number, x0: number): number {
  let x = x0;
  for (let iter = 0; iter < 40; iter++) {
    evalH(x, m);
    if (hv === 0) return x;
    const dx = Math.max(-2, Math.min(2, -hv / hd));
    if (!Number.isFinite(dx)) return Number.NaN;
    if (converged(x + dx, dx)) return x + dx;
    x += dx;
  }
  return Number.NaN;
}

// ---- full scan: find and count every root (T unshifted) ----
type Pt = { x: number; f: number; va: number; vb: number };
function point(x: number, m: number): Pt {
  balances(x, m);
  return { x, f: fSign, va: vAbove, vb: vBelow };
}

/**
 * Pushes the points x0 + k·h (k < n) by stepping: each term is multiplied by a fixed factor per step instead
 * of calling exp. Terms are scaled relative to the first date going up and to the last going down, so every
 * factor is ≤ 1 and nothing overflows; the drift over ≤ 61 steps (~61 ulps) is far below the sign threshold.
 */
function sweep(pts: Pt[], x0: number, h: number, n: number, m: number, E: Float64Array, R: Float64Array): Pt {
  const t_ = T;
  const a_ = A;
  const w_ = W;
  const ref = h > 0 ? t_[0]! : t_[m - 1]!;
  for (let i = 0; i < m; i++) {
    const dt = t_[i]! - ref;
    E[i] = Math.exp(-x0 * dt);
    R[i] = Math.exp(-h * dt);
  }
  let p: Pt = { x: x0, f: 0, va: 0, vb: 0 };
  for (let k = 0; k < n; k++) {
    let run = 0;
    let ab = 0;
    for (let i = 0; i < m; i++) {
      const e = E[i]!;
      const w = e * a_[i]!;
      E[i] = e * R[i]!;
      ab += w < 0 ? -w : w;
      run += w;
      w_[i] = run;
    }
    countRunning(m, run, ab);
    p = { x: x0 + k * h, f: fSign, va: vAbove, vb: vBelow };
    pts.push(p);
  }
  return p;
}

function scan(m: number): XirrResult {
  const pts: Pt[] = [];
  const E = new Float64Array(m);
  const R = new Float64Array(m);
  const sHi = A[0]! > 0 ? 1 : -1;
  const sLo = A[m - 1]! > 0 ? 1 : -1;
  // x = −3 … 3 (rates −95% … +1900%) in steps of 0.05; then outward in runs of 20 steps, doubling the step,
  // until F has its limit sign and the certificate leaves no room for a root beyond the ends.
  let p = sweep(pts, 0, 0.05, 61, m, E, R);
  for (let x = 3, h = 0.15; (p.va > 1 || p.f !== sHi) && x < 1e7; x += 20 * h, h *= 2) {
    p = sweep(pts, x + h, h, 20, m, E, R);
  }
  p = sweep(pts, -0.05, -0.05, 60, m, E, R);
  for (let x = -3, h = -0.15; (p.vb > 1 || p.f !== sLo) && x > -1e7; x += 20 * h, h *= 2) {
    p = sweep(pts, x + h, h, 20, m, E, R);
  }
  pts.sort((u, v) => u.x - v.x);
  let cells = analyse(pts);
  // Refine where the certificate is inconclusive, unless two roots are already known (ambiguous either way).
  // The budget (≈ 10^5 term evaluations, at least 60 points) bounds the cost of pathological series.
  let budget = Math.max(60, Math.floor(1e5 / m));
  for (let round = 0; round < 3 && cells.from > cells.to && cells.found.length < 2 && budget > 0; round++) {
    const lo = Math.max(0, cells.to);
    const hi = Math.min(pts.length - 1, cells.from);
    const per = Math.min(7, Math.floor(budget / Math.max(1, hi - lo)));
    if (per < 1) break;
    budget -= per * (hi - lo);
    const extra: Pt[] = [];
    for (let k = lo; k < hi; k++) {
      const a = pts[k]!.x;
      const b = pts[k + 1]!.x;
      for (let j = 1; j <= per; j++) extra.push(point(a + ((b - a) * j) / (per + 1), m));
    }
    pts.push(...extra);
    pts.sort((p, q) => p.x - q.x);
    cells = analyse(pts);
  }
  const xs = cells.found.map((k) => {
    const a = pts[k]!;
    if (a.f === 0) return a.x; // exact zero on a grid point
    const b = pts[k + 1]!;
    return solve(m, a.x + (b.x - a.x) / 2, a.x, b.x, b.f);
  });
  // Inconclusive after refinement (a loose bound, or roots closer than the grid): report what was found.
  if (xs.length === 0) return { ok: false, code: 'no_solution', reason: NO_SOLUTION };
  if (xs.length === 1) return rateResult(xs[0]!);
  return ambiguous(xs, cells.from <= cells.to);
}

/**
 * Roots found — k of an exact zero at pts[k] or of a sign change in (pts[k], pts[k+1]) — and the certified
 * range: all roots above pts[from] and all below pts[to] are among those found. Each sign-change cell holds an
 * odd number of roots, so with bound v and f roots found on a side, v ≤ f + 1 means exactly f.
 */
function analyse(pts: Pt[]): { found: number[]; from: number; to: number } {
  const found: number[] = [];
  const nBelow = new Int32Array(pts.length);
  let last = 0;
  for (let k = 0; k < pts.length; k++) {
    const f = pts[k]!.f;
    if (last !== 0 && f === -last) found.push(k - 1);
    nBelow[k] = found.length;
    if (f === 0) found.push(k);
    last = f;
  }
  let from = pts.length;
  let to = -1;
  for (let k = 0; k < pts.length; k++) {
    const p = pts[k]!;
    if (p.f === 0) continue;
    if (from === pts.length && p.va <= found.length - nBelow[k]! + 1) from = k;
    if (p.vb <= nBelow[k]! + 1) to = k;
  }
  return { found, from, to };
}

function rateResult(x: number): XirrResult {
  const rate = Math.expm1(x);
  if (!Number.isFinite(rate) || rate <= -1) return { ok: false, code: 'no_solution', reason: OUT_OF_RANGE };
  return { ok: true, rate };
}

function ambiguous(xs: number[], complete: boolean): XirrResult {
  const rates = xs.map(Math.expm1).sort((a, b) => a - b);
  const fmt = (r: number, dp: number): string => {
    if (!Number.isFinite(r)) return '极大值';
    if (r <= -1) return '−100%';
    return r < 1e6 ? `${(r * 100).toFixed(dp)}%` : `${(r * 100).toExponential(2)}%`;
  };
  let text: string[] = [];
  for (let dp = 2; dp <= 8; dp++) {
    text = rates.map((r) => fmt(r, dp));
    if (new Set(text).size === text.length) break;
  }
  const what = complete
    ? `存在${rates.length}个IRR（${text.join('、')}）`
    : `存在多个IRR（包括${text.join('、')}）`;
  return { ok: false, code: 'ambiguous', reason: `现金流多次正负变化，${what}，无法确定唯一的IRR` };
}
