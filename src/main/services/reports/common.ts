import type {
  CellValue,
  ChartSeries,
  ReportChart,
  ReportColumn,
  ReportData,
  ReportRow,
  ReportTable,
} from '../../../shared/reports/types';
import { REPORT_TITLES } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';

export interface ReportParams {
  asOf: string;
  fundId?: number | undefined;
}

export function isDemoDb(opened: OpenedDb): boolean {
  const v = opened.raw.prepare(`SELECT value FROM meta WHERE key = 'dataset'`).pluck().get();
  return v === 'demo';
}

/** A chart per fund stays readable: past this many bars only the largest are drawn. */
export const CHART_MAX_BARS = 20;

/** Keep the CHART_MAX_BARS largest categories (by the first series) of a long per-fund bar chart. */
export function limitChart(c: ReportChart): ReportChart {
  if (c.type !== 'hbar' || c.categories.length <= CHART_MAX_BARS + 5) return c;
  const first = c.series[0]!.values;
  const keep = c.categories
    .map((_, i) => i)
    .sort((a, b) => (first[b] ?? Number.NEGATIVE_INFINITY) - (first[a] ?? Number.NEGATIVE_INFINITY))
    .slice(0, CHART_MAX_BARS);
  return {
    ...c,
    title: `${c.title}（${c.series[0]!.name}前${CHART_MAX_BARS}名，共${c.categories.length}只）`,
    categories: keep.map((i) => c.categories[i]!),
    series: c.series.map((s) => ({ ...s, values: keep.map((i) => s.values[i] ?? null) })),
  };
}

export function baseReport(
  opened: OpenedDb,
  name: ReportData['name'],
  asOf: string,
  extra: Partial<ReportData> = {},
): ReportData {
  if (extra.charts) extra = { ...extra, charts: extra.charts.map(limitChart) };
  return {
    name,
    title: (REPORT_TITLES as Record<string, string>)[name] ?? '',
    subtitle: null,
    asOf,
    generatedAt: new Date().toISOString(),
    isDemo: isDemoDb(opened),
    figures: [],
    brief: null,
    charts: [],
    tables: [],
    notes: [],
    ...extra,
  };
}

/** Column shorthands. */
export const col = {
  seq: (): ReportColumn => ({ key: 'seq', header: '序号', kind: 'int', width: 6 }),
  text: (key: string, header: string, width?: number): ReportColumn => ({ key, header, kind: 'text', width }),
  money: (key: string, header: string, width?: number): ReportColumn => ({
    key,
    header,
    kind: 'money',
    width,
  }),
  int: (key: string, header: string, width?: number): ReportColumn => ({ key, header, kind: 'int', width }),
  date: (key: string, header: string): ReportColumn => ({ key, header, kind: 'date', width: 12 }),
  pct: (key: string, header: string, width?: number): ReportColumn => ({
    key,
    header,
    kind: 'percent',
    width,
  }),
  ratio: (key: string, header: string, width?: number): ReportColumn => ({
    key,
    header,
    kind: 'ratio',
    width,
  }),
  mult: (key: string, header: string, width?: number): ReportColumn => ({
    key,
    header,
    kind: 'multiple',
    width,
  }),
};

/**
 * The name of every row of a table by id, from one read in the table's order: cheaper than a JOIN that looks
 * each one up at random for every row of a large ledger. Read with all(), not iterate(): a call into SQLite
 * per row and an iterator result each cost more than the read (see the commit).
 */
export function namesById(raw: OpenedDb['raw'], tableName: 'enterprises' | 'funds' | 'institutions') {
  const names = new Map<number, string>();
  const rows = raw.prepare(`SELECT id, name FROM ${tableName}`).raw(true).all() as [number, string][];
  for (let i = 0; i < rows.length; i++) names.set(rows[i]![0], rows[i]![1]);
  return names;
}

/** Rows of a small table by id, their first column (see namesById); each row as read, the id at [0]. */
export function rowsById<T extends [number, ...unknown[]]>(
  raw: OpenedDb['raw'],
  sql: string,
): Map<number, T> {
  const byId = new Map<number, T>();
  const rows = raw.prepare(sql).raw(true).all() as T[];
  for (let i = 0; i < rows.length; i++) byId.set(rows[i]![0], rows[i]!);
  return byId;
}

/** Sum of a numeric column (nulls count as nothing). */
export function sum(rows: readonly ReportRow[], key: string): number {
  let s = 0;
  for (const r of rows) {
    const v = r[key];
    if (typeof v === 'number') s += v;
  }
  return s;
}

/**
 * A totals row: `label` in the first text column, every money and int column summed (except 序号), and
 * `extra` (ratios taken on the sums) on top.
 */
export function totalsRow(
  columns: readonly ReportColumn[],
  rows: readonly ReportRow[],
  label: string,
  extra: Record<string, CellValue> = {},
): ReportRow {
  const t: ReportRow = {};
  const labelCol = columns.find((c) => c.kind === 'text');
  for (const c of columns) {
    if (c.key === 'seq') t[c.key] = null;
    else if (c.kind === 'money' || c.kind === 'int') t[c.key] = sum(rows, c.key);
    else t[c.key] = null;
  }
  if (labelCol) t[labelCol.key] = label;
  return Object.assign(t, extra);
}

/**
 * One column of a table together with how its cell is read from an item. A table declared as a list of
 * fields keeps each column and its value on one line, so the two cannot drift apart (a header without a
 * cell, a cell under the wrong header).
 */
export type Field<T> = readonly [ReportColumn, (item: T, i: number) => CellValue];

/** 序号: the row's position, from 1. */
export const seqField: Field<unknown> = [col.seq(), (_, i) => i + 1];

/** A table's columns and rows from its fields; `id` (a cell no column shows) lets a row open its record. */
export function fieldTable<T>(
  fields: readonly Field<T>[],
  items: readonly T[],
  id?: (item: T) => number,
): { columns: ReportColumn[]; rows: ReportRow[] } {
  // Plain loops over the keys and getters: a destructuring `for (const [c, of] of fields)` ran the iterator
  // protocol for every cell (1.1 million at 100x in 融资对接台账).
  const keys = fields.map((f) => f[0].key);
  const getters = fields.map((f) => f[1]);
  // Each row a copy of one template holding every key (in the same order): it is allocated at its full
  // size once, where keys added one by one to `{}` outgrew its room and reallocated its property store
  // several times per row (garbage that was most of a 100x ledger's collection time, see the commit).
  const template: ReportRow = id ? { id: 0 } : {};
  for (const k of keys) template[k] = null;
  const rows = new Array<ReportRow>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const r: ReportRow = { ...template };
    if (id) r.id = id(item);
    for (let k = 0; k < keys.length; k++) r[keys[k]!] = getters[k]!(item, i);
    rows[i] = r;
  }
  return { columns: fields.map((f) => f[0]), rows };
}

/**
 * A table of `items`, a row each by `fields`, under a totals row labelled `total`; the totals' ratios, where
 * a table has any, are set on `totals` afterwards.
 */
export function itemTable<T>(
  key: string,
  title: string,
  fields: readonly Field<T>[],
  items: readonly T[],
  total: string,
  o: { id?: (item: T) => number; note?: string } = {},
): ReportTable & { totals: ReportRow } {
  const { columns, rows } = fieldTable(fields, items, o.id);
  const totals = totalsRow(columns, rows, total);
  return { ...table(key, title, columns, rows, totals, o.note), totals };
}

export function table(
  key: string,
  title: string,
  columns: ReportColumn[],
  rows: ReportRow[],
  totals: ReportRow | null,
  note?: string,
): ReportTable {
  return note ? { key, title, columns, rows, totals, note } : { key, title, columns, rows, totals };
}

type SeriesOf = string | { key: string; name?: string; line?: true };

/**
 * A chart of a table's rows: one category a row (`category`: a column's key, or a row's label) and one
 * series per listed column, named and typed by the column unless `name` says otherwise (`line`: drawn as a
 * line on the right-hand axis). What a chart shows is thus always a column the table shows too.
 */
export function chartOf(
  key: string,
  title: string,
  type: ReportChart['type'],
  t: Pick<ReportTable, 'columns' | 'rows'>,
  category: string | ((r: ReportRow) => string),
  series: readonly SeriesOf[],
): ReportChart {
  const label = typeof category === 'string' ? (r: ReportRow) => String(r[category]) : category;
  return {
    key,
    title,
    type,
    categories: t.rows.map(label),
    series: series.map((s) => {
      const pick = typeof s === 'string' ? { key: s } : s;
      const c = t.columns.find((x) => x.key === pick.key);
      if (!c || (c.kind !== 'money' && c.kind !== 'int' && c.kind !== 'percent')) {
        throw new Error(`图表“${title}”的数据列无效：${pick.key}`);
      }
      const out: ChartSeries = {
        name: pick.name ?? c.header,
        kind: c.kind,
        values: t.rows.map((r) => r[pick.key] as number | null),
      };
      if (pick.line) out.line = true;
      return out;
    }),
  };
}

export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** Year of a YYYY-MM-DD date. */
export const yearOf = (d: string) => d.slice(0, 4);

/** A count with thousands separators, for 合计 labels: 97,063. */
export const count = (n: number) => n.toLocaleString('en-US');

/** The label of a totals row over n rows: 合计（97,063笔）. */
export const totalLabel = (n: number, measure: string) => `合计（${count(n)}${measure}）`;
