/**
 * 绩效评价 and 年度报送 (issue #16), as the app asks for them: dispatch('evaluation.year') — a year's
 * scorecards for every fund (indicators as of 12-31, scored, ranked) — and dispatch('evaluation.export') of
 * the year's filing pack as xlsx (ten sheets built from the reports as of 12-31). Targets at 100x: ≤ 1 s, ≤ 5 s.
 */
import { openDatabase } from '../../src/main/db/open';
import { dispatch, type HandlerContext } from '../../src/main/handlers';
import { type BenchContext, fmtInt, runsOf } from '../lib/context';
import { measure } from '../lib/measure';

export async function evaluationSuite(ctx: BenchContext) {
  const { results: R } = ctx;
  const year = Number(ctx.asOf.slice(0, 4));
  for (const scale of ctx.scales) {
    const opened = await openDatabase(ctx.dbs[scale]!, { mustExist: true, skipIntegrityCheck: true });
    try {
      const hctx: HandlerContext = { opened, host: 'test', version: 'bench' };
      let funds = 0;
      const t = await measure({
        run: async () => {
          const env = await dispatch(hctx, 'evaluation.year', { year });
          if (!env.ok) throw new Error(env.error.message);
          funds = (env.data as { rows: unknown[] }).rows.length;
        },
        warmup: 1,
        runs: runsOf(ctx, 5),
        budgetMs: 15_000,
      });
      R.add('evaluation.year', `scorecards of a year: all funds`, scale, t, {
        target: scale === '100x' ? { kind: 'max', value: 1000, text: '≤ 1000 ms' } : null,
        note: `${fmtInt(funds)} funds, ${year}-12-31`,
      });
      let bytes = 0;
      const p = await measure({
        run: async () => {
          const env = await dispatch(hctx, 'evaluation.export', {
            kind: 'annual-pack',
            year,
            unit: 'wan',
            format: 'xlsx',
          });
          if (!env.ok) throw new Error(env.error.message);
          bytes = (env.data as { size: number }).size;
        },
        warmup: scale === '1x' ? 1 : 0,
        runs: runsOf(ctx, 3),
        budgetMs: 30_000,
      });
      R.add('evaluation.pack', 'annual filing pack (xlsx)', scale, p, {
        target: scale === '100x' ? { kind: 'max', value: 5000, text: '≤ 5000 ms' } : null,
        note: `10 sheets, ${(bytes / 1024).toFixed(0)} KB`,
      });
    } finally {
      await opened.close();
    }
  }
}
