// The text a money or number cell shows, built in SQL, so that a large ledger's quick search (page.ts) finds a
// typed amount as the client-side search does (cellText.ts: money rounded half away from zero to the unit's
// decimals with thousands commas; numbers to at most their digits, trailing zeros dropped, then the suffix).
// Own code, not a library: neither engine has one formatting function the other shares (SQLite's printf('%,d'),
// PostgreSQL's to_char), so the text is put together from integer arithmetic, CAST, substr and || alone.
import { type Expression, type RawBuilder, sql } from 'kysely';
import type { ColumnSpec } from '../../../shared/columns/spec';
import { FEN_PER_UNIT, UNIT_DECIMALS, type Unit } from '../../../shared/money';

const lit = (n: number) => sql.raw(String(n));
const text = (e: Expression<unknown>) => sql<string>`CAST(${e} AS TEXT)`;

/** A non-negative integer with thousands commas (up to 10^18). */
function grouped(n: Expression<unknown>): RawBuilder<string> {
  const whens = [];
  for (let k = 1; k <= 5; k++) {
    const parts = [text(sql`${n} / ${lit(1000 ** k)}`)];
    for (let j = k - 1; j >= 0; j--) {
      const group = j === 0 ? sql`${n} % 1000` : sql`(${n} / ${lit(1000 ** j)}) % 1000`;
      parts.push(sql`substr(${text(sql`1000 + ${group}`)}, 2)`);
    }
    whens.push(sql`WHEN ${n} < ${lit(1000 ** (k + 1))} THEN ${sql.join(parts, sql` || ',' || `)}`);
  }
  return sql<string>`(CASE WHEN ${n} < 1000 THEN ${text(n)} ${sql.join(whens, sql` `)} END)`;
}

/** Its digits alone (at least decimals + 1 of them, as the text shows them: 0.05 → 005). */
function digitsOf(q: Expression<unknown>, decimals: number): RawBuilder<string> {
  const min = 10 ** (decimals + 1);
  return sql<string>`(CASE WHEN ${q} < ${lit(min)} THEN substr(${text(sql`${q} + ${lit(min)}`)}, 2) ELSE ${text(q)} END)`;
}

/**
 * Whether a money cell (integer fen) shows `word` in `unit` (its text e.g. 12,345.68). The text is built only
 * for rows whose digits hold the word's digits (a cheap test first: a typed amount over 100,000 rows).
 */
export function moneyShowsSql(cell: Expression<unknown>, unit: Unit, word: string): RawBuilder<boolean> {
  const decimals = UNIT_DECIMALS[unit];
  const scale = 10 ** decimals;
  const div = FEN_PER_UNIT[unit] / scale;
  const fen = sql`CAST(${cell} AS BIGINT)`;
  const q = sql`((abs(${fen}) * 2 + ${lit(div)}) / ${lit(2 * div)})`;
  const sign = sql`CASE WHEN ${fen} < 0 AND ${q} <> 0 THEN '-' ELSE '' END`;
  const frac = sql`substr(${text(sql`${lit(scale)} + ${q} % ${lit(scale)}`)}, 2)`;
  const shown = sql`(${sign} || ${grouped(sql`(${q} / ${lit(scale)})`)} || '.' || ${frac})`;
  const digits = word.replace(/[^0-9]/g, '');
  const full = sql<boolean>`${shown} LIKE ${contains(word)} ESCAPE '\\'`;
  return digits === '' ? full : sql<boolean>`(${digitsOf(q, decimals)} LIKE ${`%${digits}%`} AND ${full})`;
}

/** LIKE's pattern for a text holding `word` (its % and _ taken as themselves). */
const contains = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Whether a number or ratio cell shows `word`: at most `digits` decimals, no trailing zeros, its suffix. */
export function numberShowsSql(
  cell: Expression<unknown>,
  spec: ColumnSpec,
  word: string,
): RawBuilder<boolean> {
  const digits = spec.kind === 'number' ? (spec.digits ?? 2) : 2;
  const suffix = spec.kind === 'number' ? (spec.suffix ?? '') : spec.kind === 'ratio' ? '倍' : '';
  const scale = 10 ** digits;
  const m = sql`CAST(floor(abs(${cell}) * ${lit(scale)} + 0.5) AS BIGINT)`;
  const sign = sql`CASE WHEN ${cell} < 0 AND ${m} <> 0 THEN '-' ELSE '' END`;
  const int = grouped(digits === 0 ? m : sql`(${m} / ${lit(scale)})`);
  const frac =
    digits === 0
      ? sql`''`
      : sql`CASE WHEN ${m} % ${lit(scale)} = 0 THEN '' ELSE '.' || rtrim(substr(${text(
          sql`${lit(scale)} + ${m} % ${lit(scale)}`,
        )}, 2), '0') END`;
  return sql<boolean>`(${sign} || ${int} || ${frac} || ${suffix}) LIKE ${contains(word)} ESCAPE '\\'`;
}

/** The characters a money or number cell's text can hold: a word with any other cannot be in it. */
export function numericChars(spec: ColumnSpec): Set<string> {
  const suffix = spec.kind === 'number' ? (spec.suffix ?? '') : spec.kind === 'ratio' ? '倍' : '';
  return new Set([...'-0123456789.,', ...suffix]);
}
