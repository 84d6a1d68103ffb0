/** The compliance desk: every fund's 返投 by its rule set, and every alert, as of the demo's date (issue #15). */
import { openDatabase } from '../../src/main/db/open';
import { listAlerts } from '../../src/main/services/compliance/alerts';
import { reinvestmentSums } from '../../src/main/services/compliance/reinvest';
import { type BenchContext, fmtInt, runsOf } from '../lib/context';
import { measure } from '../lib/measure';

const TARGET = { kind: 'max' as const, value: 300, text: '≤ 300 ms' };

export async function complianceSuite(ctx: BenchContext) {
  const { results: R } = ctx;
  for (const scale of ctx.scales) {
    const opened = await openDatabase(ctx.dbs[scale]!, { mustExist: true, skipIntegrityCheck: true });
    try {
      let funds = 0;
      const re = await measure({
        run: () => {
          funds = reinvestmentSums(opened, ctx.asOf).length;
        },
        runs: runsOf(ctx, 5),
      });
      R.add('compliance.reinvestment', '返投 of every fund by its rule set', scale, re, {
        target: TARGET,
        note: `reinvestmentSums: ${fmtInt(funds)} funds with a requirement`,
      });
      let alerts = 0;
      const al = await measure({
        run: () => {
          alerts = listAlerts(opened, ctx.asOf).length;
        },
        runs: runsOf(ctx, 5),
      });
      R.add('compliance.alerts', 'every alert (提醒) of every fund', scale, al, {
        target: TARGET,
        note: `listAlerts: ${fmtInt(alerts)} alerts`,
      });
    } finally {
      await opened.close();
    }
  }
}
