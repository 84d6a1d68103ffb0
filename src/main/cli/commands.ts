import type { Io } from './args';

export type Command = { run: (argv: string[], io: Io) => Promise<number> };

/** The module that runs a command: loaded only when one of its commands runs. */
export type Area = 'core' | 'serve' | 'reports' | 'data';

/**
 * Every command by name: its one-line help and its area. `funddesk --help` reads only this file, so it
 * answers without loading exceljs, ECharts, Kysely or the preview server (0.85 s of CPU when it loaded
 * every area); a command loads just its own area. tests/cli/help.test.ts checks this list against the areas.
 */
export const COMMANDS: Record<string, { area: Area; summary: string }> = {
  demo: { area: 'core', summary: 'demo --db FILE [--replace]            创建或写入示例数据' },
  report: {
    area: 'core',
    summary:
      'report NAME --db FILE [--as-of YYYY-MM-DD] --json | --format xlsx|pdf|csv|json --out PATH   输出或导出报表（funddesk reports 查看全部）',
  },
  serve: {
    area: 'serve',
    summary: 'serve [--db FILE] [--port N]            在浏览器中使用（仅本机 127.0.0.1）',
  },
  reports: { area: 'reports', summary: 'reports                                列出可导出的报表及用法' },
  import: {
    area: 'data',
    summary:
      'import LEDGER FILE --db FILE [--dry-run] [--sheet 名称] [--unit 万元] [--skip-duplicates|--allow-duplicates] [--create-missing]   导入台账（xlsx/CSV）',
  },
  'export-ledger': {
    area: 'data',
    summary: 'export-ledger LEDGER --db FILE --out FILE [--unit 万元] [--format xlsx|csv]   导出台账',
  },
  template: { area: 'data', summary: 'template LEDGER --out FILE [--unit 万元] [--db FILE]   生成导入模板' },
  backup: { area: 'data', summary: 'backup --db FILE [--out PATH] [--list]   备份数据库（联机备份并校验）' },
  restore: { area: 'data', summary: 'restore --db FILE --from PATH   从备份恢复（先自动备份当前数据）' },
};

export function usage(): string {
  return [
    'FundDesk 基金台账 命令行',
    '用法：funddesk <命令> [参数]',
    ...Object.values(COMMANDS).map((c) => `  funddesk ${c.summary}`),
    '',
  ].join('\n');
}
