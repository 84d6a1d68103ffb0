/**
 * A stored sort key for names (#13): text whose plain byte order (SQLite's BINARY, PostgreSQL's "C") is the
 * order the grids show names in, Intl.Collator('zh-CN') — pinyin for Chinese, digits and Latin before it.
 * So a large ledger sorts by name in SQL, on an index, in the same order its client-side grid sorts.
 *
 * Own code, not a pinyin library: a pinyin table (pinyin-pro and the like) gives its own order for
 * homophones and mixed text, not the collator's, and the grid of a small ledger keeps sorting with the
 * collator; here the key is made from that same collator. Every character of the Basic Multilingual Plane is
 * ranked once per process (~130 ms, only when a key is first made), at two levels: its rank with case and
 * accents ignored (sensitivity 'base'), then its full rank. The key is the first-level ranks of each character
 * (4 hex digits each), '!' (below any hex digit: a shorter name whose characters start the other's comes
 * first, as in the collator), then the full ranks: names that tie at the first level are told apart by case
 * and accents. Characters the collator ignores are left out; a character beyond the BMP ranks last.
 */

interface Ranks {
  primary: Map<number, number>;
  full: Map<number, number>;
}

let ranks: Ranks | null = null;

function buildRanks(): Ranks {
  const zh = new Intl.Collator('zh-CN');
  const base = new Intl.Collator('zh-CN', { sensitivity: 'base' });
  const chars: string[] = [];
  for (let c = 0x20; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const s = String.fromCharCode(c);
    if (zh.compare(s, '') !== 0) chars.push(s);
  }
  chars.sort(zh.compare);
  const primary = new Map<number, number>();
  const full = new Map<number, number>();
  let p = 0;
  let f = 0;
  for (let i = 0; i < chars.length; i++) {
    const s = chars[i]!;
    if (i > 0) {
      const prev = chars[i - 1]!;
      if (zh.compare(prev, s) !== 0) f++;
      if (base.compare(prev, s) !== 0) p++;
    }
    full.set(s.charCodeAt(0), f + 1);
    // A character equal to nothing at the first level (a combining mark) adds nothing there.
    if (base.compare(s, '') !== 0) primary.set(s.charCodeAt(0), p + 1);
  }
  return { primary, full };
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
const LAST = 0xffff;

/** The sort key of a name ('' for no name: empty names sort first, as in the grid). */
export function nameSortKey(name: string | null | undefined): string {
  if (name == null || name === '') return '';
  ranks ??= buildRanks();
  let first = '';
  let second = '';
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code > 0xffff) {
      first += hex4(LAST);
      second += hex4(LAST);
      continue;
    }
    const f = ranks.full.get(code);
    if (f === undefined) continue;
    second += hex4(f);
    const p = ranks.primary.get(code);
    if (p !== undefined) first += hex4(p);
  }
  return `${first}!${second}`;
}

/** The tables whose `name` has a stored `name_key` (migration 0008). */
export const KEYED_TABLES: readonly string[] = [
  'managers',
  'funds',
  'enterprises',
  'institutions',
  'landed_projects',
];

/**
 * The values of a whole row to write (an insert, or an update of every column), with `name_key` made from
 * `name` where the table keeps one: every write of such a row goes through this, so the keys stay current.
 */
export function withNameKey<T extends Record<string, unknown>>(table: string, values: T): T {
  if (!KEYED_TABLES.includes(table)) return values;
  return { ...values, name_key: nameSortKey((values.name ?? null) as string | null) };
}
