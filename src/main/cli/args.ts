import { parseArgs } from 'node:util';

/** A failure the user caused: printed to stderr, exit code 2 (usage) or 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export type Options = Record<string, string | boolean | undefined>;

export function parse(
  argv: string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`参数错误：${(e as Error).message}`, 2);
  }
}

export function requireDb(values: Options): string {
  const db = values.db;
  if (typeof db !== 'string' || db === '') throw new CliError('请用 --db FILE 指定数据库文件', 2);
  return db;
}

export function asOfDate(values: Options): string | undefined {
  const v = values['as-of'];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw new CliError(`日期无效：${String(v)}（格式 YYYY-MM-DD）`, 2);
  }
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) throw new CliError(`日期无效：${v}`, 2);
  return v;
}
