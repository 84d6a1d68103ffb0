import { CliError, type Io } from './args';
import { type Command, coreCommands, overviewReport } from './commands-core';
import { dataCommands } from './commands-data';
import { reportRunners, reportsCommands } from './commands-reports';
import { serveCommand } from './serve';

/** Reports by name; the reports area adds its own. */
export const reportCommands: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  overview: overviewReport,
  ...reportRunners,
};

const commands: Record<string, Command> = {
  ...coreCommands,
  report: {
    summary: 'report NAME --db FILE [--as-of YYYY-MM-DD] --json   输出报表',
    run: async (argv, io) => {
      const [name, ...rest] = argv;
      const run = name ? reportCommands[name] : undefined;
      if (!run) {
        throw new CliError(
          `请指定报表名称：${Object.keys(reportCommands).join('、')}${name ? `（未知：${name}）` : ''}`,
          2,
        );
      }
      return run(rest, io);
    },
  },
  serve: serveCommand,
  ...reportsCommands,
  ...dataCommands,
};

function usage() {
  return [
    'FundDesk 基金台账 命令行',
    '用法：funddesk <命令> [参数]',
    ...Object.values(commands).map((c) => `  funddesk ${c.summary}`),
    '',
  ].join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(usage());
    return cmd ? 0 : 2;
  }
  const c = commands[cmd];
  if (!c) {
    io.err(`未知的命令：${cmd}\n\n${usage()}`);
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

export function registerCommand(name: string, command: Command) {
  commands[name] = command;
}
