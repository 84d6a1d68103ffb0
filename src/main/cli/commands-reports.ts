import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { todayIso } from '../../shared/dates';
import type { Unit } from '../../shared/money';
import { EXPORT_FORMATS, type ExportFormat, REPORT_NAMES, type ReportName } from '../../shared/reports/types';
import { buildReport, performanceData } from '../services/reports';
import { asOfDate, CliError, type Io, parseOptions, requireDb, unitArg } from './args';
import { reinvestmentData } from './commands-compliance';
import { overviewReport } from './commands-core';
import { withDb } from './session';

const FORMATS = ['json', ...EXPORT_FORMATS] as const;
type CliFormat = (typeof FORMATS)[number];

function parseUnit(v: string | boolean | undefined, name: ReportName): Unit {
  return unitArg(v, name === 'overview' ? 'yi' : 'wan')!;
}

function parseFormat(v: string | boolean | undefined): CliFormat | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && (FORMATS as readonly string[]).includes(v)) return v as CliFormat;
  throw new CliError(`参数 --format 的导出格式无效：${String(v)}；请写 ${FORMATS.join('、')} 之一`, 2);
}

function parseFund(v: string | boolean | undefined, name: ReportName): number | undefined {
  if (v === undefined) {
    if (name === 'fund')
      throw new CliError(
        '缺少参数 --fund：单只基金报告需要用 --fund ID 指定基金编号（编号见 funddesk report performance --json）',
        2,
      );
    return undefined;
  }
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new CliError(`参数 --fund 的基金编号无效：${String(v)}；请写正整数`, 2);
  return n;
}

/** The output file: --out PATH, or a default file name inside --out DIR. */
function outPath(out: string, defaultName: string): string {
  const p = resolve(out);
  if (existsSync(p) && statSync(p).isDirectory()) return join(p, defaultName);
  if (!existsSync(dirname(p))) throw new CliError(`输出文件夹不存在：${dirname(p)}`, 2);
  return p;
}

function runner(name: ReportName) {
  return async (argv: string[], io: Io): Promise<number> => {
    const values = parseOptions(argv, {
      db: { type: 'string' },
      'as-of': { type: 'string' },
      unit: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      fund: { type: 'string' },
      json: { type: 'boolean' },
    });
    const db = requireDb(values);
    const asOf = asOfDate(values);
    const unit = parseUnit(values.unit, name);
    const format = parseFormat(values.format);
    const fundId = parseFund(values.fund, name);
    const out = values.out;

    if (!format) {
      if (!values.json) {
        throw new CliError(
          '缺少参数 --format：请用 --format json|xlsx|pdf|csv 和 --out PATH 指定导出格式与文件，或用 --json 输出到屏幕',
          2,
        );
      }
      if (typeof out === 'string')
        throw new CliError('参数 --out 需与 --format 一起使用：请加上 --format，或去掉 --out', 2);
      // The overview keeps its original JSON shape (commands-core).
      if (name === 'overview') {
        return overviewReport(['--db', db, ...(asOf ? ['--as-of', asOf] : []), '--json'], io);
      }
      const data = await withDb(db, { mustExist: true }, async (ctx) =>
        name === 'performance'
          ? performanceData(ctx.opened, asOf ?? todayIso())
          : name === 'reinvestment'
            ? reinvestmentData(ctx.opened, asOf ?? todayIso())
            : buildReport(ctx.opened, name, { asOf, fundId }),
      );
      io.out(`${JSON.stringify(data, null, 2)}\n`);
      return 0;
    }
    if (values.json) throw new CliError('参数 --json 与 --format 只能选一个：请去掉其中之一', 2);
    if (typeof out !== 'string' || out === '')
      throw new CliError('缺少参数 --out：请用 --out PATH 指定输出文件或文件夹', 2);

    const started = Date.now();
    const { file, bytes } = await withDb(db, { mustExist: true }, async (ctx) => {
      const report = await buildReport(ctx.opened, name, { asOf, fundId });
      // The exporters (exceljs, ECharts) load only when a file is written, not for `reports` or --json.
      const { exportFileName } = await import('../export/common');
      if (format === 'json') {
        const file = outPath(out, exportFileName(report, 'xlsx').replace(/\.xlsx$/, '.json'));
        return { file, bytes: Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8') };
      }
      const { exportReport } = await import('../export');
      const r = await exportReport(report, format as ExportFormat, unit, { printPdf: ctx.printPdf });
      return { file: outPath(out, r.fileName), bytes: r.bytes };
    });
    await writeFile(file, bytes);
    io.out(`已导出：${file}（${(bytes.length / 1024).toFixed(1)} KB，${Date.now() - started} ms）\n`);
    return 0;
  };
}

/** Reports for `funddesk report NAME`: every report, overview included (its --json stays in commands-core). */
export const reportRunners: Record<string, (argv: string[], io: Io) => Promise<number>> = Object.fromEntries(
  REPORT_NAMES.map((n) => [n, runner(n)]),
);
