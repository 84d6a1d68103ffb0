/** Text clean-up for values typed or pasted by users (Chinese IME input, Excel, Word). */

const IDEOGRAPHIC_SPACE = 0x3000;
const FULL_TO_HALF_OFFSET = 0xfee0;
const HAS_FULL_WIDTH = /[\u3000\uff01-\uff5e]/;
const FULL_WIDTH_CHARS = /[\u3000\uff01-\uff5e]/g;

/**
 * Converts full-width ASCII variants (０-９, Ａ-Ｚ, ａ-ｚ, ，．－／（） …, U+FF01–U+FF5E) and the
 * ideographic space (U+3000) to their ASCII counterparts. Everything else is left unchanged.
 */
export function toHalfWidth(s: string): string {
  // Most text holds no full-width character: returned as it is, without a copy.
  if (!HAS_FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH_CHARS, (ch) => {
    const code = ch.charCodeAt(0);
    return code === IDEOGRAPHIC_SPACE ? ' ' : String.fromCharCode(code - FULL_TO_HALF_OFFSET);
  });
}

/** toHalfWidth, then trims and collapses every run of inner whitespace to a single ASCII space. */
export function normalizeInput(s: string): string {
  return toHalfWidth(s).trim().replace(/\s+/g, ' ');
}
