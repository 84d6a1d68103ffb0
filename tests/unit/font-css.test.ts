/**
 * The bundled font's stylesheets (scripts/font-css.ts): every @font-face keeps its woff2 file and its
 * unicode-range (so every character still renders in Noto Sans SC), only the woff fallbacks go; and the
 * subsets chosen for preloading are the ones that hold the menu's characters; the first stylesheet holds the
 * faces of the first screen's text and the rest (added after the first page) all the others.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { splitFaces, subsetsFor, subsetsOf, woff2Only } from '../../scripts/font-css';

const require = createRequire(import.meta.url);
const sheet = (w: number) => readFileSync(require.resolve(`@fontsource/noto-sans-sc/${w}.css`), 'utf8');

describe('the font stylesheets, woff2 only', () => {
  for (const w of [400, 500, 700]) {
    it(`${w}: every rule keeps its woff2 file and range, no woff is left`, () => {
      const css = sheet(w);
      const out = woff2Only(css);
      expect(css).toContain(".woff) format('woff')");
      expect(out).not.toMatch(/\.woff\)/);
      const before = subsetsOf(css);
      expect(before.length).toBeGreaterThan(90);
      expect(subsetsOf(out)).toEqual(before);
      expect(out.match(/@font-face/g)?.length).toBe(css.match(/@font-face/g)?.length);
    });
  }
});

describe('the preloaded subsets', () => {
  it('hold every character of the text, and no subset without one', () => {
    const css = sheet(400);
    const text = '投资子基金台账FundDesk';
    const chosen = subsetsFor(css, text);
    const all = subsetsOf(css);
    const holds = (stem: string, c: string) =>
      all
        .find((s) => s.stem === stem)!
        .ranges.some(([a, b]) => c.codePointAt(0)! >= a && c.codePointAt(0)! <= b);
    for (const c of text) expect(chosen.some((stem) => holds(stem, c))).toBe(true);
    for (const stem of chosen) expect([...text].some((c) => holds(stem, c))).toBe(true);
    expect(chosen).toContain('noto-sans-sc-latin-400-normal');
  });
});

describe('the first stylesheet and the rest', () => {
  for (const w of [400, 500, 700]) {
    it(`${w}: together every face once; the first holds each character of the text, and only those subsets`, () => {
      const css = woff2Only(sheet(w));
      const text = '投资子基金台账FundDesk';
      const { first, rest } = splitFaces(css, text);
      const firstStems = subsetsOf(first).map((s) => s.stem);
      const restStems = subsetsOf(rest).map((s) => s.stem);
      expect([...firstStems, ...restStems].sort()).toEqual(
        subsetsOf(css)
          .map((s) => s.stem)
          .sort(),
      );
      expect(firstStems.filter((s) => restStems.includes(s))).toEqual([]);
      expect(firstStems.sort()).toEqual(subsetsFor(css, text).sort());
      expect(firstStems.length).toBeLessThan(20);
      // Each face is whole: its family, weight, file and range.
      for (const part of [first, rest])
        expect(part.match(/@font-face/g)?.length).toBe(part.match(/unicode-range/g)?.length);
      expect(first).toContain(`font-weight: ${w}`);
    });
  }
});
