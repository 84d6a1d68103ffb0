/**
 * Text that a spreadsheet would run as a formula (starting with = + - @, or a tab or CR) is written to a
 * CSV with a leading apostrophe, as Excel itself marks text. Text that already starts with an apostrophe
 * gets one more, so the CSV import, which takes exactly one leading apostrophe off such text, gives back
 * what was stored. Both directions live here so they cannot drift apart.
 */

const GUARDED = /^[=+\-@'\t\r]/;

export function guardFormula(s: string): string {
  return GUARDED.test(s) ? `'${s}` : s;
}

/** Undoes guardFormula; also takes the apostrophe off '0123 (how Excel users keep digits as text). */
export function unguardFormula(s: string): string {
  return /^'[=+\-@'\t\r\d]/.test(s) ? s.slice(1) : s;
}
