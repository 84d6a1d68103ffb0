import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DbScale } from '../generate';
import { TMP_DIR } from '../generate';
import type { Results } from './results';

/** What every suite gets. */
export interface BenchContext {
  results: Results;
  /** Databases per scale (paths of the cached, read-mostly files; copy before writing). */
  dbs: Partial<Record<DbScale, string>>;
  scales: DbScale[];
  /** Database with 50,000 extra cash flows (export/import source). */
  export50k: string | null;
  /** The as-of date every figure is taken at: the demo's reporting date. */
  asOf: string;
  /** Multiplies every suite's run counts (--runs N sets it to N/5). */
  runFactor: number;
  log: (s: string) => void;
}

export function runsOf(ctx: BenchContext, n: number): number {
  return Math.max(1, Math.round(n * ctx.runFactor));
}

/** A scratch folder under bench/tmp/work, removed by cleanup(). */
export function workDir(name: string): { dir: string; cleanup: () => void } {
  const dir = join(TMP_DIR, 'work', `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A private copy of a database file, to write to without touching the cached one. */
export function copyDb(src: string, dir: string, name = 'funddesk.sqlite'): string {
  const dst = join(dir, name);
  copyFileSync(src, dst);
  return dst;
}

export const fmtInt = (n: number) => n.toLocaleString('en-US');
