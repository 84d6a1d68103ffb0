import { z } from 'zod';
import type { Alert, AlertThresholds } from '../compliance/alerts';
import type { ReinvestStatus } from '../compliance/reinvest';
import type { RuleSet } from '../compliance/rule-set';
import type { ExportedFile } from '../reports/types';
import { date } from '../schemas/fields';
import { channel } from './define';

/** The date figures are taken as of (the same rule as every date: schemas/fields.ts). */
const isoDate = date('截至日期');
const id = z.number({ error: '编号应为数字' }).int().positive();

export interface FundReinvestmentView extends ReinvestStatus {
  fundName: string;
  fundKind: 'sub' | 'direct';
}

export interface FilingView {
  id: number;
  name: string;
  fund_id: number | null;
  fund_name: string | null;
  due_date: string;
  done_date: string | null;
  note: string | null;
}

/** Channels of the compliance desk: 返投 rule sets, alerts (提醒), filings. */
export const complianceChannels = {
  /** Every alert as of a date (today when omitted), acknowledged ones flagged, and the thresholds in force. */
  'compliance.alerts': channel<{ asOf: string; alerts: Alert[]; thresholds: AlertThresholds }>()(
    z.object({ asOf: isoDate.optional() }),
  ),
  /** The menu's count: alerts not acknowledged (and how many of them are high). */
  'compliance.alertCount': channel<{ open: number; high: number }>()(z.object({ asOf: isoDate.optional() })),
  'compliance.ack': channel<null>()(
    z.object({
      asOf: isoDate.optional(),
      key: z.string().min(1),
      note: z.string({ error: '请填写处理说明' }),
    }),
  ),
  /** 返投 of every fund with a requirement, or of one fund. */
  'compliance.reinvestment': channel<FundReinvestmentView[]>()(
    z.object({ asOf: isoDate.optional(), fundId: id.optional() }),
  ),
  'compliance.ruleSets': channel<{ ruleSets: RuleSet[]; usage: Record<number, number> }>()(z.object({})),
  /** Create (no id) or change a rule set; values are checked by ruleSetInputSchema in the service. */
  'compliance.ruleSet.save': channel<{ id: number }>()(z.object({ id: id.optional(), values: z.unknown() })),
  'compliance.ruleSet.delete': channel<null>()(z.object({ id })),
  'compliance.ruleSet.export': channel<ExportedFile>()(
    z.object({ format: z.enum(['xlsx', 'csv'], { error: '导出格式应为 xlsx 或 csv' }) }),
  ),
  'compliance.ruleSet.import': channel<{ created: number; updated: number }>()(
    z.object({ fileName: z.string().min(1), base64: z.string({ error: '文件内容应为 base64 文本' }) }),
  ),
  'compliance.fundRuleSet': channel<null>()(z.object({ fundId: id, ruleSetId: id.nullable() })),
  /** A manual 返投 recognition (fen + required reason), or null to go back to the rule. */
  'compliance.override': channel<null>()(
    z.object({
      source: z.enum(['investment', 'landed_project']),
      id,
      override: z.object({ fen: z.number().int().nonnegative(), reason: z.string() }).nullable(),
    }),
  ),
  'compliance.thresholds.save': channel<AlertThresholds>()(
    z.object({ values: z.record(z.string(), z.unknown()) }),
  ),
  'compliance.filings': channel<FilingView[]>()(z.object({})),
  'compliance.filing.create': channel<{ id: number }>()(
    z.object({
      name: z.string(),
      fund_id: id.nullable(),
      due_date: date('到期日'),
      note: z.string().nullable().optional(),
    }),
  ),
  'compliance.filing.mark': channel<null>()(z.object({ id, doneDate: date('完成日期').nullable() })),
} as const;
