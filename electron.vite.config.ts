import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { antdCss } from './scripts/antd-css';
import { fontCss } from './scripts/font-css';

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') };
const fromRoot = (f: string) => resolve(import.meta.dirname, f);
/** The files of the app's frame (menu, brand): the font subsets of their text are preloaded. */
const FRAME_TEXT = ['src/renderer/src/nav.tsx', 'src/renderer/src/App.tsx'];

// The SQLite worker threads are plain CommonJS files run as they are (db/sqlite-threads.ts finds them beside
// the bundle): copied next to out/main/index.js.
const THREAD_FILES = [
  'src/main/services/backup/sqlite-thread.cjs',
  'src/main/services/reports/ledgers-thread.cjs',
];
const sqliteThreads = {
  name: 'funddesk-sqlite-threads',
  generateBundle(this: { emitFile(f: { type: 'asset'; fileName: string; source: string }): void }) {
    for (const f of THREAD_FILES) {
      this.emitFile({
        type: 'asset',
        fileName: f.split('/').pop()!,
        source: readFileSync(resolve(import.meta.dirname, f), 'utf8'),
      });
    }
  },
};

export default defineConfig({
  main: {
    resolve: { alias: shared },
    plugins: [sqliteThreads],
    build: {
      outDir: 'out/main',
      // Pure-JavaScript libraries are bundled (tree-shaken into a few files): loading them as hundreds of
      // separate modules from node_modules was most of every CLI and preview start (preview URL 5.9 s -> 3.7 s,
      // `report overview` 2.3 s -> 1.5 s, medians of 7 on a loaded machine). What stays external, and so in
      // package.json's dependencies: the native better-sqlite3, exceljs (big CommonJS), playwright-core (loaded
      // only to print PDFs) and the font files of @fontsource/noto-sans-sc (read at run time).
      externalizeDeps: {
        exclude: ['kysely', 'zod', 'echarts', 'zrender', 'papaparse', 'jschardet', 'iconv-lite'],
      },
      // One line per entry, each built to out/main/<name>.js; shared code goes to out/main/chunks/.
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/electron/index.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli/entry.ts'),
          'data-host': resolve(import.meta.dirname, 'src/main/host/data-host/entry.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file with nothing required from node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias: shared },
    // antd's stylesheet without the rules of components the app does not use (scripts/antd-css.ts); the
    // font's rules woff2 only, those of the first screen's text (frame, a ledger's toolbar and headers) in
    // the first stylesheet, the rest added after the first page (src/renderer/src/fonts.ts), and the subsets
    // of the frame's text preloaded (scripts/font-css.ts).
    plugins: [
      react(),
      antdCss(),
      fontCss({
        sources: [
          ...FRAME_TEXT,
          'src/shared/columns/ledgers.ts',
          'src/renderer/src/pages/ledgers/views.ts',
          'src/renderer/src/grid/LedgerGrid.tsx',
          'src/renderer/src/grid/SearchBox.tsx',
          'src/renderer/src/components/UnitSwitch.tsx',
        ].map(fromRoot),
        frame: FRAME_TEXT.map(fromRoot),
        weights: [400, 500, 700],
      }),
    ],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified by default: minified, the code Chromium parses and
      // compiles at every start is about a third.
      minify: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
