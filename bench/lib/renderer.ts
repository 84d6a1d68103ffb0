/**
 * The renderer the browser rows run: built from the current sources with the same settings as
 * `electron-vite build` (electron.vite.config.ts: root src/renderer, base './', its plugins and `minify`), into
 * bench/tmp/renderer-<hash of the sources>/ so the benchmark never measures a stale build and never touches
 * out/, which other work uses.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TMP_DIR } from '../generate';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else out.push(p);
  }
  return out;
}

function sourceHash(): string {
  const h = createHash('sha256');
  const files = [
    ...filesUnder(join(root, 'src', 'renderer')),
    ...filesUnder(join(root, 'src', 'shared')),
    join(root, 'package-lock.json'),
    join(root, 'electron.vite.config.ts'),
    join(root, 'scripts', 'antd-css.ts'),
    join(root, 'scripts', 'font-css.ts'),
  ].sort();
  for (const f of files) h.update(relative(root, f)).update(readFileSync(f));
  return h.digest('hex').slice(0, 12);
}

/** The folder of a renderer build of the current sources (built now unless cached). */
export async function rendererBuild(
  log: (s: string) => void,
): Promise<{ dir: string; builtSeconds: number }> {
  const key = sourceHash();
  const dir = join(TMP_DIR, `renderer-${key}`);
  if (existsSync(join(dir, 'index.html'))) return { dir, builtSeconds: 0 };
  for (const f of existsSync(TMP_DIR) ? readdirSync(TMP_DIR) : []) {
    if (f.startsWith('renderer-')) rmSync(join(TMP_DIR, f), { recursive: true, force: true });
  }
  log('building the renderer (vite, as electron-vite does)…');
  const t0 = performance.now();
  const { build } = await import('vite');
  // The app's own renderer settings, so the benchmark runs what `electron-vite build` ships.
  const app = (await import('../../electron.vite.config')).default as {
    renderer: { plugins: import('vite').PluginOption[]; build: { minify?: boolean } };
  };
  const part = `${dir}.part`;
  rmSync(part, { recursive: true, force: true });
  await build({
    configFile: false,
    root: join(root, 'src', 'renderer'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    resolve: { alias: { '@shared': join(root, 'src', 'shared') } },
    plugins: app.renderer.plugins,
    build: {
      outDir: part,
      emptyOutDir: true,
      minify: app.renderer.build.minify ?? false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 8000,
      modulePreload: { polyfill: false },
      rolldownOptions: { input: { index: join(root, 'src', 'renderer', 'index.html') } },
    },
  });
  renameSync(part, dir);
  const builtSeconds = (performance.now() - t0) / 1000;
  log(`renderer built in ${builtSeconds.toFixed(0)} s`);
  return { dir, builtSeconds };
}
