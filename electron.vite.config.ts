import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') };

// The backup/check worker thread is a plain CommonJS file run as it is (services/backup/copy-worker.ts finds it
// beside the bundle): copied next to out/main/index.js.
const sqliteThread = {
  name: 'funddesk-sqlite-thread',
  generateBundle(this: { emitFile(f: { type: 'asset'; fileName: string; source: string }): void }) {
    this.emitFile({
      type: 'asset',
      fileName: 'sqlite-thread.cjs',
      source: readFileSync(
        resolve(import.meta.dirname, 'src/main/services/backup/sqlite-thread.cjs'),
        'utf8',
      ),
    });
  },
};

export default defineConfig({
  main: {
    resolve: { alias: shared },
    plugins: [sqliteThread],
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src/main/electron/index.ts') } },
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
    plugins: [react()],
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
