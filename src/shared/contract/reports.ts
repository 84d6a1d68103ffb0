import { z } from 'zod';
import { EXPORT_FORMATS, type ExportedFile, REPORT_NAMES, type ReportData } from '../reports/types';
import { date } from '../schemas/fields';
import { channel } from './define';
import { unitSchema } from './fields';

const isoDate = date('截至日期');
const reportName = z.enum(REPORT_NAMES, { error: '未知的报表' });
const fundId = z.number().int().positive().optional();

/** Channels of the reports area (see docs/ARCHITECTURE.md). */
export const reportsChannels = {
  /** One report as data (money in fen), as of a date (today when omitted). */
  'report.get': channel<ReportData>()(z.object({ name: reportName, asOf: isoDate.optional(), fundId })),
  /** One report as an xlsx, PDF or CSV file in the chosen unit. */
  'report.export': channel<ExportedFile>()(
    z.object({
      name: reportName,
      asOf: isoDate.optional(),
      fundId,
      unit: unitSchema,
      format: z.enum(EXPORT_FORMATS, { error: '导出格式应为 xlsx、pdf 或 csv' }),
    }),
  ),
} as const;
