/** Text clean-up for values typed or pasted by users (Chinese IME input, Excel, Word). */

const IDEOGRAPHIC_SPACE = 0x3000;
const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0;

/**
 * Converts full-width ASCII variants (０-９, Ａ-Ｚ, ａ-ｚ, ，．－／（） …, U+FF01–U+FF5E) and the
 * ideographic space (U+3000) to their ASCII counterparts. Everything else is left unchanged.
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST)
      out += String.fromCharCode(code - FULL_TO_HALF_OFFSET);
    else out += ch;
  }
  return out;
}

/** toHalfWidth, then trims and collapses every run of inner whitespace to a single ASCII space. */
export function normalizeInput(s: string): string {
  return toHalfWidth(s).trim().replace(/\s+/g, ' ');
}
