import type { ColumnSpec } from '@shared/columns/spec';

/**
 * The order of a ledger grid's rows under its sort, worked out here rather than by AG Grid: AG Grid compares
 * two rows by asking its value service for both cells at each of the ~1.7 million comparisons a sort of
 * 100,000 rows takes (300–500 ms on a 2-core machine), and a Chinese text column goes through the collator
 * at each one too. Here each row's key is read once, text is ranked once per distinct value (ranks kept
 * while the values stay the same), and the comparisons are on numbers.
 *
 * The grid keeps its sort state, header arrows and saved layout as ever; its own comparator says "equal"
 * (so its sort is one pass over rows already in order) and `postSortRows` puts the rows in this order.
 * The order is the one AG Grid gave with the comparators these columns had: empty values first; numbers,
 * dates and codes as AG Grid compares them; names, enum labels and text in pinyin order (zh-CN collator);
 * ties in the order the rows came in.
 */

type Row = Record<string, unknown>;

/** How a column's cells compare. */
export type SortKey =
  /** AG Grid's default comparator: empty first, then < and > (numbers; dates and codes as strings). */
  | { kind: 'plain'; get: (row: Row) => unknown }
  /** Text in the zh-CN collator's order; empty counts as ''. */
  | { kind: 'text'; get: (row: Row) => string };

const zh = new Intl.Collator('zh-CN');

/** The sort key of a ledger column, matching the comparator its grid column used to have. */
export function sortKeyOf(spec: ColumnSpec): SortKey {
  const f = spec.field;
  switch (spec.kind) {
    case 'enum': {
      const label = spec.set.label as Record<string, string | undefined>;
      return { kind: 'text', get: (r) => label[String(r[f])] ?? '' };
    }
    case 'link': {
      const name = spec.nameField;
      return { kind: 'text', get: (r) => (r[name] == null ? '' : String(r[name])) };
    }
    case 'money':
    case 'number':
    case 'ratio':
    case 'date':
    case 'multiEnum':
    case 'bool':
      return { kind: 'plain', get: (r) => r[f] };
    default:
      return { kind: 'text', get: (r) => (r[f] == null ? '' : String(r[f])) };
  }
}

/**
 * Ranks of distinct texts in collator order (equal under the collator: equal rank). Kept per column and
 * made again only when a text it has not ranked turns up.
 */
export class TextRanks {
  private ranks = new Map<string, number>();

  rankAll(texts: string[]): Float64Array {
    let fresh = true;
    for (const t of texts) {
      if (!this.ranks.has(t)) {
        fresh = false;
        break;
      }
    }
    if (!fresh) this.build(texts);
    const out = new Float64Array(texts.length);
    for (let i = 0; i < texts.length; i++) out[i] = this.ranks.get(texts[i]!)!;
    return out;
  }

  private build(texts: string[]) {
    const distinct = [...new Set([...this.ranks.keys(), ...texts])].sort(zh.compare);
    const ranks = new Map<string, number>();
    let rank = 0;
    for (let i = 0; i < distinct.length; i++) {
      if (i > 0 && zh.compare(distinct[i - 1]!, distinct[i]!) !== 0) rank++;
      ranks.set(distinct[i]!, rank);
    }
    this.ranks = ranks;
  }
}

/** One column of the sort: its key, direction, and (for text) the ranks it keeps between sorts. */
export interface SortBy {
  key: SortKey;
  descending: boolean;
  ranks?: TextRanks;
}

/**
 * Puts `items` (the grid's row nodes) in sort order, in place. `rowOf` gives an item's row data; items
 * without data sort as rows of empty values. Ties keep the incoming order.
 */
export function sortRows<T>(items: T[], rowOf: (item: T) => Row | undefined, by: SortBy[]): void {
  const n = items.length;
  if (by.length === 0 || n < 2) return;
  const keys = by.map((b) => keysOf(items, rowOf, b));
  const order = by.length === 1 ? orderByOne(keys[0]!, by[0]!.descending) : orderByMany(keys, by);
  const copy = items.slice();
  for (let i = 0; i < n; i++) items[i] = copy[order[i]!]!;
}

/**
 * One column: each row's key becomes its rank among the distinct keys, packed with its position as one
 * number (rank × 2^k + position), and those are sorted by the engine's own numeric sort, with no
 * comparator called from JavaScript (a 100,000-row sort in a few milliseconds).
 */
function orderByOne(keys: Float64Array, descending: boolean): Float64Array {
  const n = keys.length;
  const distinct = uniqueSorted(keys);
  let shift = 1;
  while (shift < n) shift *= 2;
  const top = distinct.length - 1;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rank = lowerBound(distinct, keys[i]!);
    packed[i] = (descending ? top - rank : rank) * shift + i;
  }
  packed.sort();
  for (let i = 0; i < n; i++) packed[i] = packed[i]! % shift;
  return packed;
}

function orderByMany(keys: Float64Array[], by: SortBy[]): Uint32Array {
  const n = keys[0]!.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    for (let c = 0; c < keys.length; c++) {
      const k = keys[c]!;
      const r = k[a]! > k[b]! ? 1 : k[a]! < k[b]! ? -1 : 0;
      if (r !== 0) return by[c]!.descending ? -r : r;
    }
    return a - b;
  });
  return order;
}

function uniqueSorted(keys: Float64Array): Float64Array {
  const sorted = keys.slice().sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  return sorted.subarray(0, m);
}

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each row's key as a number in the column's order: a number as itself, text as its collator rank, other
 * values (dates, codes) as their rank in AG Grid's default order; empty as -Infinity (first going up).
 */
function keysOf<T>(items: T[], rowOf: (item: T) => Row | undefined, b: SortBy): Float64Array {
  const n = items.length;
  const { key } = b;
  if (key.kind === 'text') {
    const texts = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const row = rowOf(items[i]!);
      texts[i] = row ? key.get(row) : '';
    }
    return (b.ranks ?? new TextRanks()).rankAll(texts);
  }
  const values = new Array<unknown>(n);
  let numeric = true;
  for (let i = 0; i < n; i++) {
    const row = rowOf(items[i]!);
    const v = row ? key.get(row) : undefined;
    values[i] = v;
    if (v != null && typeof v !== 'number') numeric = false;
  }
  const out = new Float64Array(n);
  if (numeric) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v == null ? Number.NEGATIVE_INFINITY : (v as number);
    }
    return out;
  }
  const distinct = [...new Set(values.filter((v) => v != null))].sort(plainCompare);
  const rank = new Map<unknown, number>();
  distinct.forEach((v, i) => {
    rank.set(v, i > 0 && plainCompare(distinct[i - 1], v) === 0 ? rank.get(distinct[i - 1])! : i);
  });
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[i] = v == null ? Number.NEGATIVE_INFINITY : rank.get(v)!;
  }
  return out;
}

/** AG Grid's default comparator (without its accented and toNumber cases, which these columns never use). */
export function plainCompare(a: unknown, b: unknown): number {
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  if ((a as number) > (b as number)) return 1;
  if ((a as number) < (b as number)) return -1;
  return 0;
}
