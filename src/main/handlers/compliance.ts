import { Buffer } from 'node:buffer';
import type { complianceChannels } from '../../shared/contract/compliance';
import { todayIso } from '../../shared/dates';
import { alertThresholds, listAlerts } from '../services/compliance/alerts';
import {
  acknowledgeAlert,
  createFiling,
  createRuleSet,
  deleteRuleSet,
  listFilings,
  markFiling,
  saveThresholds,
  setFundRuleSet,
  setOverride,
  updateRuleSet,
} from '../services/compliance/edit';
import { loadRuleSets, reinvestmentStatus } from '../services/compliance/reinvest';
import { exportRuleSets, importRuleSets } from '../services/compliance/rule-set-file';
import type { HandlerMap } from './types';

export const complianceHandlers: HandlerMap<keyof typeof complianceChannels> = {
  'compliance.alerts': async (input, ctx) => {
    const asOf = input.asOf ?? todayIso();
    return { asOf, alerts: listAlerts(ctx.opened, asOf), thresholds: alertThresholds(ctx.opened.raw) };
  },
  'compliance.alertCount': async (input, ctx) => {
    const open = listAlerts(ctx.opened, input.asOf ?? todayIso()).filter((a) => !a.acknowledged);
    return { open: open.length, high: open.filter((a) => a.severity === 'high').length };
  },
  'compliance.ack': async (input, ctx) => {
    acknowledgeAlert(ctx.opened, input.asOf ?? todayIso(), input.key, input.note);
    return null;
  },
  'compliance.reinvestment': async (input, ctx) =>
    reinvestmentStatus(ctx.opened, input.asOf ?? todayIso(), input.fundId),
  'compliance.ruleSets': async (_input, ctx) => {
    const usage = Object.fromEntries(
      ctx.opened.raw
        .prepare(
          `SELECT reinvest_rule_set_id, count(*) FROM funds WHERE reinvest_rule_set_id IS NOT NULL GROUP BY 1`,
        )
        .raw(true)
        .all() as [number, number][],
    );
    const ruleSets = loadRuleSets(ctx.opened.raw);
    const def = ruleSets.find((r) => r.is_default);
    if (def) {
      const nulls = ctx.opened.raw
        .prepare(`SELECT count(*) FROM funds WHERE reinvest_rule_set_id IS NULL`)
        .pluck()
        .get() as number;
      usage[def.id] = (usage[def.id] ?? 0) + nulls;
    }
    return { ruleSets, usage };
  },
  'compliance.ruleSet.save': async (input, ctx) => {
    if (input.id === undefined) return { id: createRuleSet(ctx.opened, input.values) };
    updateRuleSet(ctx.opened, input.id, input.values);
    return { id: input.id };
  },
  'compliance.ruleSet.delete': async (input, ctx) => {
    deleteRuleSet(ctx.opened, input.id);
    return null;
  },
  'compliance.ruleSet.export': async (input, ctx) => {
    const f = await exportRuleSets(ctx.opened, input.format);
    return { fileName: f.fileName, mime: f.mime, base64: f.data.toString('base64'), size: f.data.length };
  },
  'compliance.ruleSet.import': async (input, ctx) =>
    importRuleSets(ctx.opened, input.fileName, Buffer.from(input.base64, 'base64')),
  'compliance.fundRuleSet': async (input, ctx) => {
    setFundRuleSet(ctx.opened, input.fundId, input.ruleSetId);
    return null;
  },
  'compliance.override': async (input, ctx) => {
    setOverride(ctx.opened, input.source, input.id, input.override);
    return null;
  },
  'compliance.thresholds.save': async (input, ctx) => saveThresholds(ctx.opened, input.values),
  'compliance.filings': async (_input, ctx) => listFilings(ctx.opened),
  'compliance.filing.create': async (input, ctx) => ({
    id: createFiling(ctx.opened, { ...input, note: input.note ?? null }),
  }),
  'compliance.filing.mark': async (input, ctx) => {
    markFiling(ctx.opened, input.id, input.doneDate);
    return null;
  },
};
