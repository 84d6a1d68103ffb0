/**
 * Noto Sans SC (from @fontsource/noto-sans-sc, bundled with the app) as @font-face rules with data: URLs,
 * so a PDF shows Chinese on any machine, whatever fonts it has. The font ships in ~100 unicode-range
 * subsets per weight; only the subsets holding characters of the page are embedded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const PDF_FONT_FAMILY = 'FundDesk Noto Sans SC';

interface Subset {
  file: string;
  ranges: [number, number][];
}

let pkgDir: string | null = null;
function fontDir(): string {
  if (!pkgDir) {
    const require = createRequire(import.meta.url);
    pkgDir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  }
  return pkgDir;
}

const subsetsByWeight = new Map<number, Subset[]>();
function subsets(weight: number): Subset[] {
  let s = subsetsByWeight.get(weight);
  if (s) return s;
  const css = readFileSync(join(fontDir(), `${weight}.css`), 'utf8');
  s = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges: [number, number][] = range.split(',').map((r) => {
      const t = r.trim().replace(/^U\+/i, '');
      if (t.includes('-')) {
        const [a, b] = t.split('-');
        return [Number.parseInt(a!, 16), Number.parseInt(b!, 16)];
      }
      if (t.includes('?')) {
        return [Number.parseInt(t.replace(/\?/g, '0'), 16), Number.parseInt(t.replace(/\?/g, 'f'), 16)];
      }
      const v = Number.parseInt(t, 16);
      return [v, v];
    });
    s.push({ file, ranges });
  }
  subsetsByWeight.set(weight, s);
  return s;
}

const fileByCodePoint = new Map<number, Map<number, string>>();
/**
 * The subset file (the .woff of a .woff2, same glyphs; pdf-table-fonts.ts unpacks it to TrueType for fontkit)
 * holding a code point at a weight, or null when no subset has it.
 */
export function subsetFileFor(weight: number, cp: number): string | null {
  let byCp = fileByCodePoint.get(weight);
  if (!byCp) {
    byCp = new Map();
    for (const s of subsets(weight)) {
      const woff = s.file.replace(/\.woff2$/, '.woff');
      for (const [a, b] of s.ranges) for (let c = a; c <= b; c++) if (!byCp.has(c)) byCp.set(c, woff);
    }
    fileByCodePoint.set(weight, byCp);
  }
  return byCp.get(cp) ?? null;
}

/** The bytes of one subset file. */
export function subsetBytes(file: string): Uint8Array {
  return readFileSync(join(fontDir(), 'files', file));
}

const dataUrls = new Map<string, string>();
function dataUrl(file: string): string {
  let u = dataUrls.get(file);
  if (!u) {
    u = `data:font/woff2;base64,${readFileSync(join(fontDir(), 'files', file)).toString('base64')}`;
    dataUrls.set(file, u);
  }
  return u;
}

/** The distinct code points of a text. */
export function codePoints(text: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    set.add(c);
  }
  return set;
}

/** @font-face rules (weights 400 and 700) for the subsets covering `text`. */
export function fontFaceCss(text: string, weights: number[] = [400, 700]): string {
  const cps = codePoints(text);
  const rules: string[] = [];
  for (const w of weights) {
    for (const s of subsets(w)) {
      let needed = false;
      for (const [a, b] of s.ranges) {
        if (b - a < 64) {
          for (let c = a; c <= b && !needed; c++) needed = cps.has(c);
        } else {
          for (const c of cps) {
            if (c >= a && c <= b) {
              needed = true;
              break;
            }
          }
        }
        if (needed) break;
      }
      if (!needed) continue;
      const range = s.ranges.map(([a, b]) =>
        a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`,
      );
      rules.push(
        `@font-face{font-family:'${PDF_FONT_FAMILY}';font-style:normal;font-weight:${w};font-display:block;src:url(${dataUrl(s.file)}) format('woff2');unicode-range:${range.join(',')};}`,
      );
    }
  }
  return rules.join('\n');
}
