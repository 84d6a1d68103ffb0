import { EXIT_CODES_HELP, type Io } from './args';

export type Command = { run: (argv: string[], io: Io) => Promise<number> };

/** The module that runs a command: loaded only when one of its commands runs. */
export type Area = 'core' | 'serve' | 'reports' | 'data' | 'compliance' | 'copy';

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
      'report NAME --db FILE [--as-of YYYY-MM-DD] [--unit 元|万元|亿元] --json | --format xlsx|pdf|csv|json --out PATH   输出或导出报表（funddesk reports 查看全部）',
  },
  serve: {
    area: 'serve',
    summary:
      'serve [--db FILE] [--create] [--port N]  在浏览器中使用（仅本机 127.0.0.1；--create 新建数据库）',
  },
  reports: { area: 'reports', summary: 'reports                                列出可导出的报表及用法' },
  import: {
    area: 'data',
    summary:
      'import LEDGER FILE --db FILE [--create] [--dry-run] [--sheet 名称] [--unit 元|万元|亿元] [--allow-duplicates] [--skip-invalid [--rejects FILE]] [--create-missing]   导入台账（xlsx/CSV；--create 新建数据库）；重复的行（与已有记录或文件中前面的行相同）跳过并列出，--allow-duplicates 仍然导入；有错误的行默认使整个文件不导入，--skip-invalid 只导入有效行，--rejects 把未导入的行连同“错误原因”写成 xlsx/CSV',
  },
  'export-ledger': {
    area: 'data',
    summary: 'export-ledger LEDGER --db FILE --out FILE [--unit 元|万元|亿元] [--format xlsx|csv]   导出台账',
  },
  template: {
    area: 'data',
    summary: 'template LEDGER --out FILE [--unit 元|万元|亿元] [--db FILE]   生成导入模板',
  },
  copy: {
    area: 'copy',
    summary:
      'copy --from 数据库 --to 数据库 [--replace]   在 SQLite 文件与 PostgreSQL（postgres://…）之间复制全部数据并核对',
  },
  backup: { area: 'data', summary: 'backup --db FILE [--out PATH] [--list]   备份数据库（联机备份并校验）' },
  restore: {
    area: 'data',
    summary: 'restore --db FILE --from PATH   从备份恢复（先自动备份当前数据；数据库损坏时也可恢复）',
  },
  alerts: {
    area: 'compliance',
    summary: 'alerts --db FILE [--as-of YYYY-MM-DD] [--json]   列出提醒（返投、期限、闲置资金、估值、报送…）',
  },
};

export function usage(): string {
  return [
    'FundDesk 基金台账 命令行',
    '用法：funddesk <命令> [参数]',
    ...Object.values(COMMANDS).map((c) => `  funddesk ${c.summary}`),
    '',
    '需要 --db FILE 的命令在未写 --db 时使用环境变量 FUNDDESK_DB 指定的数据库。',
    '操作记录中的用户名：--user 名字，或环境变量 FUNDDESK_USER，默认为系统登录名。',
    '金额单位 --unit 可写 元、万元、亿元（或 yuan、wan、yi）。',
    '',
    EXIT_CODES_HELP,
    '',
  ].join('\n');
}
