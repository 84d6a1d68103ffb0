import { REPORT_NAMES, REPORT_TITLES } from '../../shared/reports/types';
import type { Command } from './commands';

/**
 * `funddesk reports`: the list of reports and how to export them. Its own small module, so that printing the
 * list does not load the database, Kysely or the report builders (commands-reports.ts runs the reports).
 */
export const REPORT_USAGE =
  'report NAME --db FILE [--as-of YYYY-MM-DD] [--unit 元|万元|亿元] [--fund ID] --format json|xlsx|pdf|csv --out PATH  或  --json';

/** Commands of the reports area (merged into src/main/cli/main.ts). */
export const reportsCommands: Record<string, Command> = {
  reports: {
    run: async (_argv, io) => {
      io.out(
        [
          '可用的报表：',
          ...REPORT_NAMES.map(
            (n) => `  ${n.padEnd(16)}${REPORT_TITLES[n]}${n === 'fund' ? '（需 --fund ID）' : ''}`,
          ),
          '',
          `用法：funddesk ${REPORT_USAGE}`,
          '  --format json 写出报表全部数据（金额单位为分）；--json 输出到屏幕。',
          '  --unit 可写 元、万元、亿元（或 yuan、wan、yi）；默认：总览为亿元，其余报表为万元。--out 可为文件或已存在的文件夹。',
          '  未写 --db 时使用环境变量 FUNDDESK_DB。',
          '',
        ].join('\n'),
      );
      return 0;
    },
  },
};
