/** Timing: the median of several runs, each after a full GC (globalThis.gc, exposed by bin/funddesk-bench.js). */

export interface Timing {
  /** Milliseconds of each timed run, in the order they ran. */
  samples: number[];
  median: number;
  min: number;
  max: number;
}

export interface MeasureOptions<S> {
  /** Untimed, before each run (e.g. copy a database); its value is passed to run(). */
  setup?: () => S | Promise<S>;
  /** The timed work. */
  run: (state: S) => unknown | Promise<unknown>;
  /** Untimed, after each run. */
  teardown?: (state: S) => unknown | Promise<unknown>;
  /** Untimed runs first (JIT, caches). */
  warmup?: number;
  /** Timed runs wanted. */
  runs?: number;
  /** Stop adding runs once timed work has taken this long (at least one run always happens). */
  budgetMs?: number;
  /**
   * A pause after each run's GC before the clock starts (ms). The GC returns with V8's helper threads still
   * sweeping what it freed; a call that needs a second process (the PostgreSQL server) then waited for a core
   * on 2 cores. See bench/suites/pg.ts.
   */
  settleMs?: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function timingOf(samples: number[]): Timing {
  return { samples, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

export async function measure<S = undefined>(o: MeasureOptions<S>): Promise<Timing> {
  const runs = o.runs ?? 5;
  const budget = o.budgetMs ?? Number.POSITIVE_INFINITY;
  const once = async (): Promise<number> => {
    const state = (await o.setup?.()) as S;
    globalThis.gc?.();
    if (o.settleMs) await new Promise((ok) => setTimeout(ok, o.settleMs));
    const t0 = performance.now();
    await o.run(state);
    const ms = performance.now() - t0;
    await o.teardown?.(state);
    return ms;
  };
  for (let i = 0; i < (o.warmup ?? 1); i++) {
    const ms = await once();
    if (ms > budget) break; // one run already spends the budget: do not warm up again
  }
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < runs && (samples.length === 0 || spent < budget)) {
    const ms = await once();
    samples.push(ms);
    spent += ms;
  }
  return timingOf(samples);
}

/** Wall time of one call. */
export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  globalThis.gc?.();
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
