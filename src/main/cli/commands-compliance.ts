import { ALERT_KIND_INFO, SEVERITY_LABEL } from '../../shared/compliance/alerts';
import { RULE_CATEGORY, type RuleCategory } from '../../shared/compliance/rule-set';
import { todayIso } from '../../shared/dates';
import type { OpenedDb } from '../db/open';
import { listAlerts } from '../services/compliance/alerts';
import { reinvestmentSums } from '../services/compliance/reinvest';
import { asOfDate, CliError, type Io, parse, requireDb } from './args';
import type { Command } from './commands-core';
import { withDb } from './session';

/** `funddesk report reinvestment --json`: per fund, the 返投 figures by its rule set (docs/COMPLIANCE.md). */
export function reinvestmentData(opened: OpenedDb, asOf: string) {
  const byCat = (pick: (c: RuleCategory) => number) =>
    Object.fromEntries(RULE_CATEGORY.codes.map((c) => [c, pick(c)])) as Record<RuleCategory, number>;
  return {
    asOf,
    funds: reinvestmentSums(opened, asOf).map((r) => ({
      fundId: r.fundId,
      fundName: r.fundName,
      ruleSet: r.ruleSet,
      requiredFen: r.requiredFen,
      recognisedFen: r.recognisedFen,
      byCategory: byCat((c) => r.byCategory[c].totalFen),
      computedByCategory: byCat((c) => r.byCategory[c].computedFen),
      overriddenByCategory: byCat((c) => r.byCategory[c].overriddenFen),
      gapFen: r.gapFen,
      deadline: r.deadline,
      daysLeft: r.daysLeft,
      neededPerYearFen: r.neededPerYearFen,
    })),
  };
}

export const complianceCommands: Record<string, Command> = {
  alerts: {
    run: async (argv: string[], io: Io) => {
      const { values, positionals } = parse(argv, {
        db: { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'boolean' },
      });
      if (positionals.length) throw new CliError(`多余的参数：${positionals.join(' ')}`, 2);
      const db = requireDb(values);
      const asOf = asOfDate(values) ?? todayIso();
      const alerts = await withDb(db, { mustExist: true }, async (ctx) => listAlerts(ctx.opened, asOf));
      if (values.json) {
        const out = alerts.map((a) => ({
          kind: a.kind,
          severity: a.severity,
          fundId: a.fundId,
          fundName: a.fundName,
          dueDate: a.dueDate,
          message: a.message,
          acknowledged: a.acknowledged,
          action: a.action,
          ackNote: a.ackNote,
        }));
        io.out(`${JSON.stringify(out, null, 2)}\n`);
        return 0;
      }
      const open = alerts.filter((a) => !a.acknowledged).length;
      const lines = [`提醒（截至 ${asOf}）：共 ${alerts.length} 条，未处理 ${open} 条`];
      for (const a of alerts) {
        lines.push(
          `[${SEVERITY_LABEL[a.severity]}] ${ALERT_KIND_INFO[a.kind].label}${a.dueDate ? `（${a.dueDate}）` : ''}${a.acknowledged ? ' 已确认' : ''}：${a.message}`,
        );
        lines.push(`    处理：${a.action}`);
      }
      io.out(`${lines.join('\n')}\n`);
      return 0;
    },
  },
};
