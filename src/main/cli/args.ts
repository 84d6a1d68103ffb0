import { parseArgs } from 'node:util';
import type { Unit } from '../../shared/money';
import { DbTargetError, dbTarget, isPostgresUrl } from '../db/target';

/** A failure the user caused: printed to stderr, exit code 2 (usage: the command's usage line follows) or 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * What to check when --db names nothing FundDesk can open: for a file, that nothing was created and its path;
 * for a PostgreSQL URL, that nothing was changed and the server and database it names. `createFlag` names the
 * option that would create it there.
 */
export function notOpenedAdvice(db: string, createFlag?: string): string {
  if (isPostgresUrl(db)) {
    const create = createFlag ? `；如确实要在这个数据库中建立 FundDesk 的表，请加 ${createFlag}` : '';
    return `未做任何改动。请检查 --db 的连接地址（服务器与数据库名）${create}`;
  }
  const create = createFlag ? `；如确实要在这里新建一个空数据库，请加 ${createFlag}` : '';
  return `没有创建任何文件。请检查 --db 的路径${create}`;
}

/** Exit codes, as `funddesk --help` states them. */
export const EXIT_CODES_HELP = [
  '退出码：',
  '  0  成功',
  '  1  操作未完成（数据有错误、文件不存在或无法写入、数据库无法打开等），原因见错误信息',
  '  2  参数错误（缺少或无效的参数），错误信息后附该命令的用法',
].join('\n');

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export type Options = Record<string, string | boolean | undefined>;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** node:util parseArgs' English errors, said in Chinese with the option and the fix. */
function argError(e: Error & { code?: string }, options: OptionSpec): CliError {
  const named = /'(-{1,2}[^' <]+)/.exec(e.message)?.[1] ?? /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const known = Object.keys(options)
    .map((o) => `--${o}`)
    .join('、');
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError(`未知的参数 ${named}：此命令可用的参数为 ${known}`, 2);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const spec = options[named.replace(/^-+/, '')];
      return spec?.type === 'boolean'
        ? new CliError(`参数 ${named} 不带值：请去掉“=”及其后的内容`, 2)
        : new CliError(`参数 ${named} 缺少值：请在 ${named} 后写上它的值`, 2);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliError(`多余的参数：${named}（此命令不接受它，请删去）`, 2);
    default:
      return new CliError(`参数有误（${named || '无法识别'}）：请对照下面的用法改正`, 2);
  }
}

export function parse(argv: string[], options: OptionSpec) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw argError(e as Error & { code?: string }, options);
  }
}

/** The options of a command that takes no positional argument: any such argument is a usage error. */
export function parseOptions(argv: string[], options: OptionSpec) {
  const { values, positionals } = parse(argv, options);
  if (positionals.length > 0)
    throw new CliError(`多余的参数：${positionals.join(' ')}（此命令不接受它们，请删去）`, 2);
  return values;
}

/**
 * --db FILE (or postgres://…), or else the FUNDDESK_DB environment variable (the same rule as `serve` and the
 * desktop app). A URL of a scheme FundDesk does not support is a usage error (db/target.ts).
 */
export function dbArg(values: Options, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const db = typeof values.db === 'string' && values.db !== '' ? values.db : env.FUNDDESK_DB || undefined;
  if (db === undefined) return undefined;
  try {
    dbTarget(db);
  } catch (e) {
    if (e instanceof DbTargetError) throw new CliError(e.message, 2);
    throw e;
  }
  return db;
}

export function requireDb(values: Options, env: NodeJS.ProcessEnv = process.env): string {
  const db = dbArg(values, env);
  if (!db) throw new CliError('缺少数据库文件：请用 --db FILE 指定，或设置环境变量 FUNDDESK_DB', 2);
  return db;
}

/** Every spelling of a money unit the command line accepts; always printed as 元/万元/亿元. */
const UNIT_WORDS: Record<string, Unit> = {
  元: 'yuan',
  万元: 'wan',
  亿元: 'yi',
  万: 'wan',
  亿: 'yi',
  yuan: 'yuan',
  wan: 'wan',
  yi: 'yi',
};
export const UNIT_ARG_HELP = '元|万元|亿元（也可写 yuan|wan|yi）';

export function unitArg(v: unknown, fallback?: Unit): Unit | undefined {
  if (v === undefined) return fallback;
  const u = typeof v === 'string' ? UNIT_WORDS[v.trim().toLowerCase()] : undefined;
  if (!u) throw new CliError(`参数 --unit 的金额单位无效：${String(v)}；请写 ${UNIT_ARG_HELP}`, 2);
  return u;
}

export function asOfDate(values: Options): string | undefined {
  const v = values['as-of'];
  if (v === undefined) return undefined;
  const bad = () =>
    new CliError(`参数 --as-of 的日期无效：${String(v)}；请写成 YYYY-MM-DD，如 2025-12-31`, 2);
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw bad();
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) throw bad();
  return v;
}

/** --port N: 0 (any free port) to 65535. */
export function portArg(v: unknown): number {
  if (v === undefined) return 0;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new CliError(
      `参数 --port 的端口无效：${String(v)}；请写 1 到 65535 之间的整数，或不写由系统选择`,
      2,
    );
  }
  return n;
}
