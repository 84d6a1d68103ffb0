// A Vite plugin (electron.vite.config.ts, and the bench's renderer build) for the bundled Noto Sans SC
// (@fontsource/noto-sans-sc, about 100 unicode-range subsets per weight):
// - its @font-face rules keep only the woff2 file: Chromium (and so Electron) reads woff2, and it created a
//   font resource for every url() of every rule at start, the never-used woff fallbacks included (564 of them,
//   about 40 ms of the renderer's main thread); the woff files then leave the package too;
// - the stylesheet that blocks the first paint keeps only the faces of the subsets the first screen's own
//   text needs (menu, brand, titles, the ledgers' column headers: about 13 of the ~100 subsets per weight);
//   the other faces are one more stylesheet, REST_OF_FONT, that src/renderer/src/fonts.ts adds once the first
//   page is up. Every @font-face rule costs Chromium a font face object at parse and at each style
//   recalculation (the 303 rules were most of the first style recalculation: a bare page 63 ms without CSS,
//   185 ms with the app's, 105 ms without the font's rules); a character of another subset shows in the
//   next font of the family list until then, as it did anyway while its file loaded (font-display: swap);
// - the page preloads the subsets that the text of the app's frame needs, so they arrive with the code
//   instead of only after the first layout has asked for them.
// Own code: fontsource has no option for any of it, and the preloads need the built file names.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** The import that brings the faces left out of the first stylesheet (src/renderer/src/fonts.ts). */
export const REST_OF_FONT = 'virtual:noto-sans-sc-rest.css';

const FONT_CSS = /\/@fontsource\/noto-sans-sc\/(\d+)\.css$/;
/** `, url(…woff) format('woff')` after each woff2 source. */
const WOFF = /,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g;

/** A fontsource stylesheet without its woff fallbacks. */
export function woff2Only(css: string): string {
  return css.replace(WOFF, '');
}

/** Each subset of a fontsource stylesheet: its file name stem (e.g. noto-sans-sc-118-400-normal) and ranges. */
export function subsetsOf(css: string): { stem: string; ranges: [number, number][] }[] {
  const out: { stem: string; ranges: [number, number][] }[] = [];
  for (const rule of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+)\.woff2\)/.exec(rule);
    const range = /unicode-range:\s*([^;]+);/.exec(rule);
    if (!file || !range) continue;
    const ranges = range[1]!.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [Number.parseInt(a!, 16), Number.parseInt(b ?? a!, 16)];
    });
    out.push({ stem: file[1]!, ranges });
  }
  return out;
}

/** The subsets (file name stems) holding the characters of `text`. */
export function subsetsFor(css: string, text: string): string[] {
  const codes = new Set([...text].map((c) => c.codePointAt(0)!));
  return subsetsOf(css)
    .filter((s) => [...codes].some((c) => s.ranges.some(([a, b]) => c >= a && c <= b)))
    .map((s) => s.stem);
}

/** The @font-face rules of a fontsource stylesheet, each with its subset's file name stem. */
function facesOf(css: string): { stem: string; rule: string }[] {
  return [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].map((m) => ({
    stem: /url\(\.\/files\/([^)]+)\.woff2\)/.exec(m[0])?.[1] ?? '',
    rule: m[0],
  }));
}

/**
 * A fontsource stylesheet split in two: the faces of the subsets holding a character of `text` (`first`),
 * and all the others (`rest`). Together they are every face of the sheet, each once.
 */
export function splitFaces(css: string, text: string): { first: string; rest: string } {
  const wanted = new Set(subsetsFor(css, text));
  const faces = facesOf(css);
  const pick = (inFirst: boolean) =>
    faces
      .filter((f) => wanted.has(f.stem) === inFirst)
      .map((f) => f.rule)
      .join('\n');
  return { first: pick(true), rest: pick(false) };
}

/** The characters in the string literals and JSX text of a source file. */
function textOf(file: string): string {
  return [...readFileSync(file, 'utf8').matchAll(/[\u3000-\u9fff\uff00-\uffef]+/g)].map((m) => m[0]).join('');
}

export interface FontPreload {
  /** Source files whose Chinese text is on the first screen: its faces are in the first stylesheet. */
  sources: string[];
  /** Of those, the files of the app's frame (menu, brand): the subsets of their text are preloaded. */
  frame: string[];
  /** The weights the app imports (main.tsx): the rest of each is in REST_OF_FONT. */
  weights: number[];
}

export function fontCss(preload: FontPreload): Plugin {
  // Resolved as a package (this file is bundled into the config by electron-vite: no path relative to it).
  const path = (w: number) => createRequire(import.meta.url).resolve(`@fontsource/noto-sans-sc/${w}.css`);
  const sheet = (w: number) => readFileSync(path(w), 'utf8');
  const firstText = () => `${preload.sources.map(textOf).join('')}FundDesk`;
  // The rest's stylesheet "lives" beside the package's own, so that its url(./files/…) resolve as theirs.
  const restId = () => join(dirname(path(400)), 'funddesk-rest.css');
  return {
    name: 'funddesk-font-css',
    // Before Vite's CSS plugin, which turns each url() into an asset of the build.
    enforce: 'pre',
    resolveId(id) {
      return id === REST_OF_FONT ? restId() : null;
    },
    load(id) {
      if (id !== restId()) return null;
      const text = firstText();
      return preload.weights.map((w) => splitFaces(woff2Only(sheet(w)), text).rest).join('\n');
    },
    transform(code, id) {
      if (!FONT_CSS.test(id.replace(/\\/g, '/'))) return null;
      return { code: splitFaces(woff2Only(code), firstText()).first, map: null };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        const text = `${preload.frame.map(textOf).join('')}FundDesk`;
        const stems = new Set(preload.weights.flatMap((w) => subsetsFor(sheet(w), text)));
        return Object.keys(ctx.bundle)
          .filter(
            (f) =>
              f.endsWith('.woff2') &&
              stems.has(
                f
                  .split('/')
                  .pop()!
                  .replace(/-[\w-]{8}\.woff2$/, ''),
              ),
          )
          .sort()
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${f}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
