/**
 * A report is pure data (docs/PRODUCT.md §6): built once in main from the database, shown on screen and
 * written to xlsx / PDF / CSV by one renderer per format. Money is integer fen (unit-independent); the
 * display unit is chosen only when the report is shown or exported.
 */

export const REPORT_NAMES = [
  'overview',
  'sub-funds',
  'direct-funds',
  'reinvestment',
  'landed-projects',
  'financing',
  'performance',
  'fund',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const REPORT_TITLES: Record<ReportName, string> = {
  overview: '引导基金总览',
  'sub-funds': '子基金台账',
  'direct-funds': '直投基金台账',
  reinvestment: '返投台账',
  'landed-projects': '落地项目台账',
  financing: '融资对接台账',
  performance: '基金业绩',
  fund: '单只基金报告',
};

/** Documents built like reports but outside the 报表 menu (issue #16: 绩效评价, 年度报送). */
export type DocumentName = 'scorecard' | 'evaluation-year' | 'annual-pack';

export function isReportName(s: unknown): s is ReportName {
  return typeof s === 'string' && (REPORT_NAMES as readonly string[]).includes(s);
}

export const EXPORT_FORMATS = ['xlsx', 'pdf', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

/**
 * How a column's values are stored and shown:
 * - money: integer fen, shown in the chosen unit (the header says which);
 * - int: a count; text; date: 'YYYY-MM-DD';
 * - percent: a fraction shown as a percentage (0.8415 → 84.15%): 出资进度, 完成率, IRR;
 * - ratio: a plain ratio shown with two decimals: DPI, RVPI, TVPI, MOIC;
 * - multiple: a multiple shown as “3.38倍”: 放大倍数, 返投倍数.
 */
export type ColumnKind = 'money' | 'text' | 'int' | 'ratio' | 'percent' | 'date' | 'multiple';
export type CellValue = string | number | null;
export type ReportRow = Record<string, CellValue>;

export interface ReportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Width hint in characters (xlsx, PDF and grid); a default per kind otherwise. */
  width?: number;
  /** A short explanation (tooltip on screen). */
  note?: string;
}

export interface ReportTable {
  key: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /**
   * The totals row (合计), or null where adding up makes no sense (key figures, a NAV history). In a
   * totals row every money and int value is the sum of the rows' values; ratios are taken on the sums.
   */
  totals: ReportRow | null;
  /** Shown under the table. */
  note?: string;
}

export interface ReportFigure {
  key: string;
  label: string;
  value: number | null;
  kind: 'money' | 'int' | 'percent' | 'ratio' | 'multiple';
  /** Measure word of a count: 只、个、家. */
  suffix?: string;
  note?: string;
}

export interface ChartSeries {
  name: string;
  /** Money in fen, counts, or fractions for percent. */
  values: (number | null)[];
  kind: 'money' | 'int' | 'percent';
  /** Line instead of bars (in a bar chart); drawn against the right-hand axis. */
  line?: boolean;
}

export interface ReportChart {
  key: string;
  title: string;
  type: 'bar' | 'hbar' | 'pie' | 'funnel' | 'line';
  categories: string[];
  series: ChartSeries[];
}

export interface ReportData {
  name: ReportName | DocumentName;
  title: string;
  /** e.g. the fund's name and quarter in the single-fund report. */
  subtitle: string | null;
  asOf: string;
  /** ISO timestamp of when the report was built. */
  generatedAt: string;
  /** The database holds the bundled demo dataset: exports are marked 示例数据. */
  isDemo: boolean;
  figures: ReportFigure[];
  /** A one-paragraph Chinese summary written from the data (总览). */
  brief: string | null;
  charts: ReportChart[];
  tables: ReportTable[];
  notes: string[];
  /** Print layout: always A4 landscape; the summary sheet's name (摘要 otherwise). */
  layout?: { landscape?: boolean; summarySheet?: string };
  /** The fund of the single-fund report. */
  fund?: { id: number; name: string };
}

/** A report file ready to save. */
export interface ExportedFile {
  fileName: string;
  mime: string;
  /** The bytes, base64 (travels over IPC and HTTP alike). */
  base64: string;
  size: number;
}
