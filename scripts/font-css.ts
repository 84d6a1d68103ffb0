// A Vite plugin (electron.vite.config.ts, and the bench's renderer build) for the bundled Noto Sans SC
// (@fontsource/noto-sans-sc, about 100 unicode-range subsets per weight):
// - its @font-face rules keep only the woff2 file: Chromium (and so Electron) reads woff2, and it created a
//   font resource for every url() of every rule at start, the never-used woff fallbacks included (564 of them,
//   about 40 ms of the renderer's main thread); the woff files then leave the package too;
// - the page preloads the subsets that the text of the app's frame needs (menu, brand, titles), so they
//   arrive with the code instead of only after the first layout has asked for them.
// Own code: fontsource has no option for either, and both need the built file names.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

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

/** The characters in the string literals and JSX text of a source file. */
function textOf(file: string): string {
  return [...readFileSync(file, 'utf8').matchAll(/[\u3000-\u9fff\uff00-\uffef]+/g)].map((m) => m[0]).join('');
}

export interface FontPreload {
  /** Source files whose Chinese text is on the first screen (the app's frame). */
  sources: string[];
  /** Weights used by that text. */
  weights: number[];
}

export function fontCss(preload: FontPreload): Plugin {
  // Resolved as a package (this file is bundled into the config by electron-vite: no path relative to it).
  const sheet = (w: number) =>
    readFileSync(createRequire(import.meta.url).resolve(`@fontsource/noto-sans-sc/${w}.css`), 'utf8');
  return {
    name: 'funddesk-font-css',
    // Before Vite's CSS plugin, which turns each url() into an asset of the build.
    enforce: 'pre',
    transform(code, id) {
      if (!FONT_CSS.test(id.replace(/\\/g, '/'))) return null;
      return { code: woff2Only(code), map: null };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        const text = `${preload.sources.map(textOf).join('')}FundDesk`;
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
