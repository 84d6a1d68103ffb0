import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the data host's entry is, and how to run it: the built `data-host.js` next to the running built
 * module (out/main/, beside index.js and cli.js) when there is one; otherwise the TypeScript source, run
 * through tsx (development, tests).
 */
export interface HostEntry {
  file: string;
  /** A process runs the source with these Node options (Electron's utilityProcess.fork). */
  execArgv: string[];
  /** tsx's API module when the entry is TypeScript source, else null. */
  tsxApi: string | null;
}

export function dataHostEntry(here = dirname(fileURLToPath(import.meta.url))): HostEntry {
  // Bundled, this code may sit in out/main/chunks/: data-host.js is then one folder up.
  const builtCandidates = [join(here, 'data-host.js'), join(here, '..', 'data-host.js')];
  const built = builtCandidates.find((p) => existsSync(p));
  if (built) return { file: built, execArgv: [], tsxApi: null };
  const candidates = [
    join(here, 'entry.ts'),
    // A built module (out/main or out/main/chunks) without data-host.js: the sources it was built from.
    join(here, '..', '..', 'src', 'main', 'host', 'data-host', 'entry.ts'),
    join(here, '..', '..', '..', 'src', 'main', 'host', 'data-host', 'entry.ts'),
  ];
  const source = candidates.find((p) => existsSync(p));
  if (!source) throw new Error(`找不到数据服务程序（${builtCandidates[0]}），请先运行 npm run build`);
  return {
    file: source,
    execArgv: ['--import', resolveUrl('tsx', 'tsx')],
    tsxApi: resolveUrl('tsx/esm/api', 'tsx/esm/api'),
  };
}

/**
 * What `new Worker(...)` takes to run the entry. On Node 20 a worker ignores `--import tsx` in its execArgv
 * for its own entry module ("Unknown file extension .ts"), so source runs through a two-line bootstrap that
 * registers tsx in the worker and then imports the entry.
 */
export function workerSpec(entry: HostEntry): { code: string | URL; eval: boolean } {
  if (!entry.tsxApi) return { code: pathToFileURL(entry.file), eval: false };
  const api = JSON.stringify(entry.tsxApi);
  const file = JSON.stringify(pathToFileURL(entry.file).href);
  return { code: `import(${api}).then((tsx) => { tsx.register(); return import(${file}); });`, eval: true };
}

/** A package's module as a file URL, so that it is found whatever the working folder is. */
function resolveUrl(specifier: string, fallback: string): string {
  try {
    return import.meta.resolve(specifier);
  } catch {
    return fallback;
  }
}
