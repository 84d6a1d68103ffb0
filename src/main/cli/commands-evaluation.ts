/**
 * `funddesk report scorecard` (绩效评价, JSON or a file) and `funddesk report annual-pack` (年度报送), both
 * for one year (as of 12-31). Merged into the `report` command's runners in main.ts.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UNIT_LABEL, UNITS, type Unit } from '../../shared/money';
import { exportReport } from '../export';
import { scorecardDocument, yearDocument } from '../services/evaluation/documents';
import { yearScorecards } from '../services/evaluation/scorecards';
import { annualPack } from '../services/reports/annual-pack';
import { CliError, type Io, parse, requireDb } from './args';
import { withDb } from './session';

function yearOf(v: string | boolean | undefined): number {
  if (typeof v !== 'string' || !/^\d{4}$/.test(v) || Number(v) < 1990 || Number(v) > 2100) {
    throw new CliError(
      `请用 --year YYYY 指定年度（1990–2100）${v === undefined ? '' : `，收到：${String(v)}`}`,
      2,
    );
  }
  return Number(v);
}

function unitOf(v: string | boolean | undefined): Unit {
  if (v === undefined) return 'wan';
  if (typeof v === 'string' && (UNITS as string[]).includes(v)) return v as Unit;
  throw new CliError(
    `金额单位无效：${String(v)}（可选：${UNITS.map((u) => `${u}=${UNIT_LABEL[u]}`).join('、')}）`,
    2,
  );
}

function formatOf(v: string | boolean | undefined, fallback: 'xlsx' | undefined): 'xlsx' | 'pdf' | undefined {
  if (v === undefined) return fallback;
  if (v === 'xlsx' || v === 'pdf') return v;
  throw new CliError(`导出格式无效：${String(v)}（可选：xlsx、pdf）`, 2);
}

function fundOf(v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new CliError(`基金编号无效：${String(v)}（应为正整数）`, 2);
  return n;
}

const OPTIONS = {
  db: { type: 'string' },
  year: { type: 'string' },
  unit: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  fund: { type: 'string' },
  json: { type: 'boolean' },
} as const;

async function writeOut(io: Io, out: string, bytes: Uint8Array, started: number) {
  const file = resolve(out);
  try {
    await writeFile(file, bytes);
  } catch (e) {
    throw new CliError(
      `无法写入文件：${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`,
    );
  }
  io.out(`已导出：${file}（${(bytes.length / 1024).toFixed(1)} KB，${Date.now() - started} ms）\n`);
  return 0;
}

/** The scorecards of a year: `--json` to the screen, or `--format xlsx|pdf --out FILE` (one fund with --fund). */
async function scorecard(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (positionals.length) throw new CliError(`多余的参数：${positionals.join(' ')}`, 2);
  const db = requireDb(values);
  const year = yearOf(values.year);
  const fundId = fundOf(values.fund);
  const format = formatOf(values.format, undefined);
  if (!format) {
    if (!values.json) throw new CliError('请用 --json 输出到屏幕，或用 --format xlsx|pdf --out FILE 导出', 2);
    const cards = await withDb(db, { mustExist: true }, async (ctx) =>
      yearScorecards(ctx.opened, year, fundId),
    );
    const funds = cards.map((c) => ({
      fundId: c.fundId,
      fundName: c.fundName,
      evaluated: c.evaluationId !== null,
      template: { name: c.template.name, version: c.template.version },
      total: c.total,
      grade: c.grade,
      indicators: c.indicators.map((i) => ({
        key: i.key,
        name: i.name,
        level: i.level,
        weight: i.weight,
        value: i.value,
        score: i.score,
        computed: i.computed,
      })),
    }));
    io.out(`${JSON.stringify({ year, asOf: `${year}-12-31`, funds }, null, 2)}\n`);
    return 0;
  }
  if (values.json) throw new CliError('--json 与 --format 只能选一个', 2);
  if (typeof values.out !== 'string' || !values.out) throw new CliError('请用 --out FILE 指定输出文件', 2);
  const started = Date.now();
  const bytes = await withDb(db, { mustExist: true }, async (ctx) => {
    const doc = fundId ? scorecardDocument(ctx.opened, fundId, year) : yearDocument(ctx.opened, year);
    return (await exportReport(doc, format, unitOf(values.unit), { printPdf: ctx.printPdf })).bytes;
  });
  return writeOut(io, values.out, bytes, started);
}

/** 年度报送: `--year YYYY --out FILE.xlsx [--format pdf] [--unit yuan|wan|yi]`. */
async function pack(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (positionals.length) throw new CliError(`多余的参数：${positionals.join(' ')}`, 2);
  const db = requireDb(values);
  const year = yearOf(values.year);
  const format = formatOf(values.format, 'xlsx')!;
  if (typeof values.out !== 'string' || !values.out) throw new CliError('请用 --out FILE 指定输出文件', 2);
  const started = Date.now();
  const bytes = await withDb(db, { mustExist: true }, async (ctx) => {
    const doc = await annualPack(ctx.opened, year);
    return (await exportReport(doc, format, unitOf(values.unit), { printPdf: ctx.printPdf })).bytes;
  });
  return writeOut(io, values.out, bytes, started);
}

export const evaluationRunners: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  scorecard,
  'annual-pack': pack,
};
