import { CliError, EXIT_CODES_HELP, type Io } from './args';
import { type Area, COMMANDS, type Command, usage } from './commands';

type Runner = (argv: string[], io: Io) => Promise<number>;

/**
 * Command areas load only when one of their commands runs (src/main/cli/commands.ts says which), so
 * `funddesk report overview` does not pay for exceljs, ECharts or the preview server.
 */
const AREAS: Record<Area, () => Promise<Record<string, Command>>> = {
  core: async () => ({ ...(await import('./commands-core')).coreCommands, report: reportCommand }),
  serve: async () => ({ serve: (await import('./serve')).serveCommand }),
  reports: async () => (await import('./commands-list')).reportsCommands,
  data: async () => (await import('./commands-data')).dataCommands,
  compliance: async () => (await import('./commands-compliance')).complianceCommands,
  copy: async () => (await import('./commands-copy')).copyCommands,
};

async function reportRunners(): Promise<Record<string, Runner>> {
  const { overviewReport } = await import('./commands-core');
  return {
    overview: overviewReport,
    ...(await import('./commands-reports')).reportRunners,
    ...(await import('./commands-evaluation')).evaluationRunners,
  };
}

const reportCommand: Command = {
  run: async (argv, io) => {
    const [name, ...rest] = argv;
    // The overview's --json/text output stays in commands-core; its file exports are the reports area's.
    if (name === 'overview' && !rest.some((a) => /^--(format|out|unit)(=|$)/.test(a))) {
      return (await import('./commands-core')).overviewReport(rest, io);
    }
    const runners = await reportRunners();
    const run = name ? runners[name] : undefined;
    if (!run) {
      throw new CliError(
        `${name ? `未知的报表：${name}；` : '缺少报表名称：'}请在 report 后写报表名称：${Object.keys(runners).join('、')}`,
        2,
      );
    }
    return run(rest, io);
  },
};

/** The commands of an area (tests/cli/help.test.ts compares them with COMMANDS). */
export function areaCommands(area: Area): Promise<Record<string, Command>> {
  return AREAS[area]();
}

async function findCommand(name: string): Promise<Command | undefined> {
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  return entry ? (await AREAS[entry.area]())[name] : undefined;
}

/**
 * `--user NAME` (any command): the user name the audit log records for this run's changes (#17); it is
 * passed on as FUNDDESK_USER (db/session-user.ts defaultUserName), so `serve`'s data host sees it too.
 */
function takeUser(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--user' || a.startsWith('--user=')) {
      const name = (a === '--user' ? argv[++i] : a.slice(7))?.trim();
      if (!name) throw new CliError('--user 后面需要写用户名', 2);
      process.env.FUNDDESK_USER = name;
    } else out.push(a);
  }
  return out;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args: string[];
  try {
    args = takeUser(argv);
  } catch (e) {
    io.err(`错误：${(e as Error).message}\n`);
    return 2;
  }
  const [cmd, ...rest] = args;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(usage());
    return cmd ? 0 : 2;
  }
  const c = await findCommand(cmd);
  if (!c) {
    io.err(`未知的命令：${cmd}\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`用法：funddesk ${COMMANDS[cmd]?.summary}\n\n${EXIT_CODES_HELP}\n`);
    return 0;
  }
  try {
    return await c.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      // A usage error is followed by the command's usage line, so the fix is on screen.
      io.err(`错误：${e.message}\n${e.exitCode === 2 ? `用法：funddesk ${COMMANDS[cmd]?.summary}\n` : ''}`);
      return e.exitCode;
    }
    io.err(`错误：${await userMessage(e)}\n`);
    return 1;
  }
}

/**
 * What the user reads for a failure: a message already written for users (Chinese) as it is; a raw database
 * error (e.g. a UNIQUE violation when two `demo` runs fill one new PostgreSQL schema at once) explained in
 * Chinese. The explanation's module loads only on this path.
 */
export async function userMessage(e: unknown): Promise<string> {
  const raw = (e as Error)?.message ?? String(e);
  if (/[\u4e00-\u9fff]/.test(raw)) return raw;
  const { explainDbError } = await import('../db/errors');
  return explainDbError(e).message;
}
