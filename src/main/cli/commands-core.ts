import { describeDemoLoaded } from '../../shared/demo-loaded';
import { redactSecrets } from '../db/target';
import { getOverview } from '../services/overview';
import { asOfDate, CliError, type Io, parse, requireDb } from './args';
import type { Command } from './commands';
import { withDb } from './session';

export type { Command };

export const coreCommands: Record<string, Command> = {
  demo: {
    run: async (argv, io) => {
      const { values } = parse(argv, { db: { type: 'string' }, replace: { type: 'boolean' } });
      const db = requireDb(values);
      // The demo's generator loads only for this command (`report overview` shares this module).
      const { loadDemo } = await import('../demo');
      const r = await withDb(db, {}, (ctx) => loadDemo(ctx.opened.db, { replace: values.replace === true }));
      io.out(`已写入示例数据：${describeDemoLoaded(r)} → ${redactSecrets(db)}\n`);
      return 0;
    },
  },
};

/** `funddesk report overview`; other reports register in the report command. */
export async function overviewReport(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  });
  const db = requireDb(values);
  const asOf = asOfDate(values);
  const o = await withDb(db, { mustExist: true }, (ctx) => getOverview(ctx.opened.db, asOf));
  if (values.json) {
    io.out(`${JSON.stringify(o, null, 2)}\n`);
    return 0;
  }
  const yi = (fen: number) => `${(fen / 1e10).toFixed(2)}亿元`;
  io.out(
    [
      `引导基金总览（截至 ${o.asOf}）`,
      `子基金 ${o.subFunds.count} 只，总规模 ${yi(o.subFunds.totalSizeFen)}，引导基金认缴 ${yi(o.subFunds.guidanceCommitmentFen)}，实缴 ${yi(o.subFunds.paidInFen)}`,
      `直投基金 ${o.directFunds.count} 只，规模 ${yi(o.directFunds.totalSizeFen)}，集体资产 ${yi(o.directFunds.collectiveAssetsFen)}`,
      `落地项目 ${o.landedProjects.count} 个，落户金额 ${yi(o.landedProjects.amountFen)}`,
      `融资对接企业 ${o.financing.enterprisesMatched} 家，完成融资 ${o.financing.enterprisesFinanced} 家，${yi(o.financing.amountClosedFen)}`,
      '',
    ].join('\n'),
  );
  return 0;
}

export function unknownReport(name: string): never {
  throw new CliError(`未知的报表：${name}`, 2);
}
