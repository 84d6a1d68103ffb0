/** One row of the benchmark table, the printed table and the saved results (bench/results/). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Timing } from './measure';

export type Scale = '1x' | '10x' | '100x' | '—';

export interface Target {
  /** 'max': the median must stay under value (ms); 'min': the figure must reach value. */
  kind: 'max' | 'min';
  value: number;
  /** How the target reads in the table, e.g. "< 50 ms", "≥ 3× peer". */
  text: string;
}

export interface BenchRow {
  /** Stable id, e.g. "overview.get" (the regression key together with scale). */
  id: string;
  /** What the row measures, for the table. */
  name: string;
  scale: Scale;
  /** Median of the timed runs (ms); null when not measured. */
  medianMs: number | null;
  runs: number;
  samplesMs: number[];
  target: Target | null;
  /** The figure compared with the target when it is not the median (ratio, speed-up). */
  figure?: number;
  /** true / false against the target; null without one (or not measured). */
  pass: boolean | null;
  note: string;
  /** Extra figures (rows, bytes, ops/s, errors…) kept in the JSON. */
  extra?: Record<string, unknown>;
}

export class Results {
  readonly rows: BenchRow[] = [];

  add(
    id: string,
    name: string,
    scale: Scale,
    t: Timing | null,
    opts: { target?: Target | null; figure?: number; note?: string; extra?: Record<string, unknown> } = {},
  ): BenchRow {
    const target = opts.target ?? null;
    const medianMs = t ? round(t.median) : null;
    const figure = opts.figure ?? medianMs;
    let pass: boolean | null = null;
    if (target && figure != null && Number.isFinite(figure)) {
      pass = target.kind === 'max' ? figure < target.value : figure >= target.value;
    }
    const row: BenchRow = {
      id,
      name,
      scale,
      medianMs,
      runs: t ? t.samples.length : 0,
      samplesMs: t ? t.samples.map(round) : [],
      target,
      ...(opts.figure != null ? { figure: round(opts.figure) } : {}),
      pass,
      note: opts.note ?? '',
      ...(opts.extra ? { extra: opts.extra } : {}),
    };
    this.rows.push(row);
    if (process.env.FUNDDESK_BENCH_QUIET !== '1') process.stderr.write(`  ${lineOf(row)}\n`);
    return row;
  }

  /** A row that could not be measured, with the reason. */
  missing(id: string, name: string, scale: Scale, why: string, target: Target | null = null): BenchRow {
    return this.add(id, name, scale, null, { target, note: `not available: ${why}` });
  }
}

function round(x: number): number {
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100;
}

const fmtMs = (x: number | null) => (x == null ? '—' : x >= 100 ? String(Math.round(x)) : x.toFixed(2));
const passText = (p: boolean | null) => (p === null ? '—' : p ? 'pass' : 'FAIL');

function lineOf(r: BenchRow): string {
  return `${r.name} [${r.scale}] ${fmtMs(r.medianMs)} ms ×${r.runs} ${r.target ? `${r.target.text} ${passText(r.pass)}` : ''} ${r.note}`;
}

const HEAD = ['name', 'scale', 'median ms', 'runs', 'target', 'pass/fail', 'note'];
const cells = (r: BenchRow) => [
  r.name,
  r.scale,
  fmtMs(r.medianMs),
  String(r.runs),
  r.target?.text ?? '—',
  passText(r.pass),
  r.note,
];

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}
const pad = (s: string, n: number, right = false) =>
  right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s)));

/** The one table, for the terminal. */
export function textTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = HEAD.map((h, i) => Math.max(width(h), ...body.map((c) => (i === 6 ? 0 : width(c[i]!)))));
  const numeric = new Set([2, 3]);
  const line = (c: string[]) =>
    c
      .map((x, i) => (i === 6 ? x : pad(x, widths[i]!, numeric.has(i))))
      .join('  ')
      .trimEnd();
  return [line(HEAD), line(widths.map((w, i) => (i === 6 ? '----' : '-'.repeat(w)))), ...body.map(line)].join(
    '\n',
  );
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${HEAD.join(' | ')} |`,
    '|---|---|--:|--:|---|---|---|',
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
}

export interface RunInfo {
  startedAt: string;
  finishedAt: string;
  totalSeconds: number;
  options: Record<string, unknown>;
  env: Record<string, unknown>;
}

/** Writes bench/results/latest.{json,md} and a dated copy of each. */
export function saveResults(dir: string, rows: readonly BenchRow[], info: RunInfo): string[] {
  mkdirSync(dir, { recursive: true });
  const failed = rows.filter((r) => r.pass === false).length;
  const json = `${JSON.stringify({ ...info, summary: summaryOf(rows), rows }, null, 2)}\n`;
  const md = `# FundDesk benchmark results\n\n${info.startedAt} · ${info.env.cpu} (${info.env.cores} cores) · Node ${
    info.env.node
  } · ${info.totalSeconds.toFixed(0)} s in all · ${failed === 0 ? 'every target met' : `${failed} target(s) missed`}\n\n${markdownTable(
    rows,
  )}\n\nGenerated by \`npm run bench\` (bench/main.ts); see bench/README.md for what each row measures.\n`;
  const stamp = info.startedAt.replace(/[:]/g, '-').replace(/\..*$/, '');
  const files = [
    join(dir, 'latest.json'),
    join(dir, 'latest.md'),
    join(dir, `${stamp}.json`),
    join(dir, `${stamp}.md`),
  ];
  writeFileSync(files[0]!, json);
  writeFileSync(files[1]!, md);
  writeFileSync(files[2]!, json);
  writeFileSync(files[3]!, md);
  return files;
}

export function summaryOf(rows: readonly BenchRow[]) {
  return {
    rows: rows.length,
    withTarget: rows.filter((r) => r.target).length,
    passed: rows.filter((r) => r.pass === true).length,
    failed: rows.filter((r) => r.pass === false).map((r) => `${r.id} [${r.scale}]`),
    notMeasured: rows
      .filter((r) => r.medianMs == null && r.figure == null)
      .map((r) => `${r.id} [${r.scale}]`),
  };
}
