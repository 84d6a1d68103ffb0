/**
 * Checks on text as it arrives from any caller (API, grid, import): lone UTF-16 surrogates (SQLite would
 * store them as U+FFFD), invisible control characters, and sizes. Written here because they are a few
 * lines each and must behave the same in the renderer, the host and the CLI.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A control character other than tab, line feed and carriage return (never part of a name or a note). */
const isControl = (c: number) => (c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f;

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** The first control character of `s` as "U+000B", or null. */
export function controlCharIn(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isControl(c)) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return null;
}

/** `s` without its control characters (tab, line feed and carriage return stay). */
export function withoutControlChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isControl(s.charCodeAt(i))) out += s[i];
  return out;
}

export const LONE_SURROGATE_MESSAGE =
  '含有无法保存的字符（不成对的 UTF-16 代理字符，常见于截断的表情符号），请删除后重试';

/** Bytes of `s` in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Where in a JSON-like value a string (or an object key) holds a lone surrogate: its path, or null. */
export function loneSurrogatePath(
  v: unknown,
  path: (string | number)[] = [],
  depth = 0,
): (string | number)[] | null {
  if (typeof v === 'string') return hasLoneSurrogate(v) ? path : null;
  if (v === null || typeof v !== 'object' || depth > 64) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = loneSurrogatePath(v[i], [...path, i], depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const [k, x] of Object.entries(v)) {
    if (hasLoneSurrogate(k)) return [...path, k];
    const p = loneSurrogatePath(x, [...path, k], depth + 1);
    if (p) return p;
  }
  return null;
}
