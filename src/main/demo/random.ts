/**
 * Deterministic randomness and small date/amount helpers for the demo dataset. Nothing here reads
 * the clock or Math.random: the same seed always gives the same data.
 */

/** mulberry32: a tiny, fast 32-bit PRNG with good enough statistics for made-up ledgers. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the items, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1]![0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** k distinct items (k ≤ items.length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, k);
  }
}

// ---- dates as day numbers (days since 1970-01-01; Howard Hinnant's civil-calendar algorithms) ----
// Fast and allocation-free, with no validation: the generator only builds valid dates.

export function dayOf(iso: string): number {
  let y =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    iso.charCodeAt(3) -
    48;
  const m = (iso.charCodeAt(5) - 48) * 10 + iso.charCodeAt(6) - 48;
  const d = (iso.charCodeAt(8) - 48) * 10 + iso.charCodeAt(9) - 48;
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoOf(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function addDaysIso(iso: string, n: number): string {
  return isoOf(dayOf(iso) + n);
}

/** The same month and day n years later (29 February becomes 28 February). */
export function addYearsIso(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4)) + n;
  const md = iso.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

export function minIso(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

/** A random date in [from, to] (inclusive); `from` when the range is empty. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = dayOf(from);
  const b = dayOf(to);
  return b <= a ? from : isoOf(rng.int(a, b));
}

/** Quarter-end dates (03-31, 06-30, 09-30, 12-31) in [from, to]. */
export function quarterEnds(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const md of ['03-31', '06-30', '09-30', '12-31']) {
      const d = `${y}-${md}`;
      if (d >= from && d <= to) out.push(d);
    }
  }
  return out;
}

// ---- amounts ----

/** Fen per 元, 万元 and 亿元. */
export const YUAN = 100;
export const WAN = 1_000_000;
export const YI = 10_000_000_000;

/** Round fen to a whole multiple of `unit` fen. */
export function roundTo(fen: number, unit: number): number {
  return Math.round(fen / unit) * unit;
}

/**
 * n amounts that are whole multiples of `unit`, each within [min, max], summing to exactly `total`
 * (all in fen; total, min and max multiples of unit). Sizes are log-normally spread (sigma), so a few are
 * large and most are modest, as in a real ledger. Throws if the constraints cannot be met.
 */
export function allocate(
  rng: Rng,
  n: number,
  total: number,
  opts: { unit: number; min: number; max: number; sigma?: number },
): number[] {
  const { unit } = opts;
  const units = Math.round(total / unit);
  const lo = Math.ceil(opts.min / unit);
  const hi = Math.floor(opts.max / unit);
  if (n <= 0) {
    if (units !== 0) throw new RangeError('allocate: nothing to allocate to');
    return [];
  }
  if (units * unit !== total || n * lo > units || n * hi < units) {
    throw new RangeError(`allocate: cannot split ${total} into ${n} parts of ${opts.min}–${opts.max}`);
  }
  const sigma = opts.sigma ?? 0.6;
  const weights = Array.from({ length: n }, () => Math.exp(rng.normal() * sigma));
  // Water-filling: share the amount above the minimum by weight, cap at the maximum, repeat.
  const x = new Array<number>(n).fill(lo);
  const capped = new Array<boolean>(n).fill(false);
  let rest = units - n * lo;
  for (let round = 0; round < n + 1 && rest > 1e-9; round++) {
    let wsum = 0;
    for (let i = 0; i < n; i++) if (!capped[i]) wsum += weights[i]!;
    if (wsum === 0) break;
    let overflow = 0;
    for (let i = 0; i < n; i++) {
      if (capped[i]) continue;
      const v = x[i]! + (rest * weights[i]!) / wsum;
      if (v >= hi) {
        overflow += v - hi;
        x[i] = hi;
        capped[i] = true;
      } else {
        x[i] = v;
      }
    }
    rest = overflow;
  }
  // Integer units, largest remainders first, never above the maximum.
  const ints = x.map((v) => Math.min(hi, Math.floor(v + 1e-9)));
  let left = units - ints.reduce((a, b) => a + b, 0);
  const order = x.map((v, i) => [v - Math.floor(v + 1e-9), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % n) {
    const i = order[k]![1];
    if (ints[i]! < hi) {
      ints[i]! += 1;
      left--;
    }
  }
  return ints.map((v) => v * unit);
}

/** Split `total` fen into `weights.length` parts, each a multiple of `unit`, the last taking the rest. */
export function splitByWeights(total: number, weights: number[], unit: number): number[] {
  const wsum = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let used = 0;
  for (let i = 0; i < weights.length - 1; i++) {
    const v = Math.max(unit, roundTo((total * weights[i]!) / wsum, unit));
    out.push(v);
    used += v;
  }
  out.push(total - used);
  return out;
}
