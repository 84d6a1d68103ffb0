import { z } from 'zod';
import type { HistoryRow, Scorecard, TemplateSummary, TemplateVersion, YearRow } from '../evaluation/types';
import type { ExportedFile } from '../reports/types';
import type { AuditEntry } from './app';
import { channel } from './define';
import { unitSchema } from './fields';

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive({ error: `请选择${label}` });
const year = z
  .number({ error: '请选择评价年度' })
  .int({ error: '评价年度应为整数' })
  .min(1990, { error: '评价年度应在1990年至2100年之间' })
  .max(2100, { error: '评价年度应在1990年至2100年之间' });
const unit = unitSchema;

/** Channels of 绩效评价 and 年度报送 (issue #16). Template bodies are checked in the service (Chinese messages). */
export const evaluationChannels = {
  'evaluation.templates': channel<TemplateSummary[]>()(z.object({}).optional()),
  'evaluation.template': channel<
    TemplateVersion & { versions: { id: number; version: number; created_at: string; evaluations: number }[] }
  >()(z.object({ id: id('模板') })),
  /** Save an edited template as a new version of `familyId`, or a new template when familyId is null. */
  'evaluation.template.save': channel<TemplateVersion>()(
    z.object({ familyId: id('模板').nullable(), body: z.unknown() }),
  ),
  'evaluation.template.copy': channel<TemplateVersion>()(z.object({ id: id('模板') })),
  'evaluation.template.delete': channel<{ deleted: true }>()(z.object({ familyId: id('模板') })),
  'evaluation.template.default': channel<{ familyId: number }>()(z.object({ familyId: id('模板') })),
  'evaluation.template.export': channel<ExportedFile>()(z.object({ id: id('模板') })),
  'evaluation.template.import': channel<TemplateVersion>()(
    z.object({ fileName: z.string().max(260), base64: z.string().max(20_000_000, { error: '文件过大' }) }),
  ),
  /** Every fund of a year: totals, grades, ranks. */
  'evaluation.year': channel<{ year: number; rows: YearRow[] }>()(z.object({ year })),
  'evaluation.scorecard': channel<Scorecard & { audit: AuditEntry[] }>()(
    z.object({ fundId: id('基金'), year }),
  ),
  'evaluation.save': channel<Scorecard>()(
    z.object({
      fundId: id('基金'),
      year,
      templateId: id('模板').optional(),
      scores: z
        .array(
          z.object({
            key: z.string().min(1).max(20),
            score: z.number({ error: '得分必须是数字' }).nullable(),
            comment: z.string().max(2000).nullable(),
          }),
        )
        .max(200),
    }),
  ),
  'evaluation.history': channel<HistoryRow[]>()(z.object({ fundId: id('基金') })),
  /** One fund's scorecard, the year's summary, or the year's 年度报送 pack, as a file. */
  'evaluation.export': channel<ExportedFile>()(
    z.object({
      kind: z.enum(['scorecard', 'year', 'annual-pack'], { error: '未知的导出内容' }),
      year,
      fundId: id('基金').optional(),
      unit,
      format: z.enum(['xlsx', 'pdf'], { error: '导出格式应为 xlsx 或 pdf' }),
    }),
  ),
} as const;
