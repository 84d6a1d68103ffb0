import { CliError, type Io } from './args';
import { type Command, coreCommands, overviewReport } from './commands-core';

type Runner = (argv: string[], io: Io) => Promise<number>;

/**
 * Command areas load only when needed, so `funddesk report overview` does not pay for exceljs,
 * ECharts or the preview server.
 */
const AREAS: (() => Promise<Record<string, Command>>)[] = [
  async () => ({ serve: (await import('./serve')).serveCommand }),
  async () => (await import('./commands-reports')).reportsCommands,
  async () => (await import('./commands-data')).dataCommands,
  async () => (await import('./commands-compliance')).complianceCommands,
];

async function reportRunners(): Promise<Record<string, Runner>> {
  return {
    overview: overviewReport,
    ...(await import('./commands-reports')).reportRunners,
    ...(await import('./commands-evaluation')).evaluationRunners,
  };
}

const reportCommand: Command = {
  summary:
    'report NAME --db FILE [--as-of YYYY-MM-DD] --json | --format xlsx|pdf|csv|json --out PATH   输出或导出报表（funddesk reports 查看全部）',
  run: async (argv, io) => {
    const [name, ...rest] = argv;
    // The overview's --json/text output stays in commands-core; its file exports are the reports area's.
    if (name === 'overview' && !rest.some((a) => /^--(format|out|unit)(=|$)/.test(a))) {
      return overviewReport(rest, io);
    }
    const runners = await reportRunners();
    const run = name ? runners[name] : undefined;
    if (!run) {
      throw new CliError(
        `请指定报表名称：${Object.keys(runners).join('、')}${name ? `（未知：${name}）` : ''}`,
        2,
      );
    }
    return run(rest, io);
  },
};

const eager: Record<string, Command> = { ...coreCommands, report: reportCommand };

async function findCommand(name: string): Promise<Command | undefined> {
  if (eager[name]) return eager[name];
  for (const area of AREAS) {
    const c = (await area())[name];
    if (c) return c;
  }
  return undefined;
}

async function usage() {
  const all: Record<string, Command> = { ...eager };
  for (const area of AREAS) Object.assign(all, await area());
  return [
    'FundDesk 基金台账 命令行',
    '用法：funddesk <命令> [参数]',
    ...Object.values(all).map((c) => `  funddesk ${c.summary}`),
    '',
  ].join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(await usage());
    return cmd ? 0 : 2;
  }
  const c = await findCommand(cmd);
  if (!c) {
    io.err(`未知的命令：${cmd}\n\n${await usage()}`);
    return 2;
  }
  try {
    return await c.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`错误：${e.message}\n`);
      return e.exitCode;
    }
    io.err(`错误：${(e as Error).message}\n`);
    return 1;
  }
}
