/**
 * A report as one self-contained HTML page for printing to an A4 PDF: embedded Noto Sans SC (only the
 * subsets the page uses), a header with title and as-of date, key figures, the brief, the charts as SVG
 * rendered server-side, the tables (every row; header repeated on every page, bold 合计 row), notes, and page
 * numbers “第 N 页 / 共 M 页” in the page margin (CSS @page margin boxes, so they are in the embedded font too).
 * A large report prints only its head here (pdf.ts: a part with the leading short tables, no page furniture);
 * pdf-lib draws the rest and the running header and page numbers of the whole file (pdf-table.ts).
 */
import { UNIT_LABEL, type Unit } from '../../shared/money';
import { chineseDate, columnHeader, DASH, formatCell } from '../../shared/reports/format';
import type { ReportChart, ReportData, ReportFigure, ReportTable } from '../../shared/reports/types';
import { chartHeight, chartSvg } from './charts-svg';
import { subtitleLine } from './common';
import { fontFaceCss, PDF_FONT_FAMILY } from './fonts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A CSS string literal. */
const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

/**
 * The pages are only ever printed, never shown: on screen their content is not laid out at all (a table of
 * 5,000 rows was laid out three times per print: for the screen, again when the fonts arrived, then for
 * paper). So no text on screen asks for the fonts: the printer loads them with this expression (run through
 * the DevTools protocol, the page runs no script) before printing; the page declares only the subsets it uses.
 */
export const LOAD_PRINT_FONTS =
  'Promise.all(Array.from(document.fonts, (f) => f.load().catch(() => null))).then(() => document.fonts.ready).then(() => true)';
const SCREENLESS_CSS = '@media screen { body > * { display: none; } }';

/** Rows from..to of table `table` of a report. */
export interface TableSlice {
  table: number;
  from: number;
  to: number;
}

/** One part of a PDF printed in parts: the first has the report's head, the last its notes. */
export interface PdfPart {
  slices: TableSlice[];
  first: boolean;
  last: boolean;
}

/** Landscape when a table is too wide for portrait A4. */
export function isLandscape(r: ReportData): boolean {
  return r.layout?.landscape === true || r.tables.some((t) => t.columns.length > 9);
}

function figureText(f: ReportFigure, unit: Unit): { value: string; unit: string } {
  if (f.value === null) return { value: DASH, unit: '' };
  if (f.kind === 'money') return { value: formatCell('money', f.value, unit), unit: UNIT_LABEL[unit] };
  if (f.kind === 'int') return { value: formatCell('int', f.value, unit), unit: f.suffix ?? '' };
  return { value: formatCell(f.kind, f.value, unit), unit: '' };
}

function figuresHtml(r: ReportData, unit: Unit): string {
  if (!r.figures.length) return '';
  const cells = r.figures.map((f) => {
    const t = figureText(f, unit);
    return `<div class="fig"><div class="fig-l">${esc(f.label)}</div><div class="fig-v">${esc(t.value)}<small>${esc(t.unit)}</small></div>${
      f.note ? `<div class="fig-n">${esc(f.note)}</div>` : ''
    }</div>`;
  });
  return `<section class="figs">${cells.join('')}</section>`;
}

function chartsHtml(charts: ReportChart[], unit: Unit, contentWidth: number): string {
  if (!charts.length) return '';
  const gap = 12;
  const half = Math.floor((contentWidth - gap) / 2) - 2;
  const items = charts.map((c) => {
    const wide =
      charts.length === 1 || (c.type === 'hbar' && c.categories.length > 20) || c.categories.length > 24;
    const w = wide ? contentWidth - 2 : half;
    // Half-width charts are kept short so two rows of them fit under the figures on the first page.
    const h = wide
      ? chartHeight(c)
      : c.type === 'hbar'
        ? Math.min(
            c.series.length > 1 ? 440 : 280,
            50 + c.categories.length * (c.series.length > 1 ? 26 : 20),
          )
        : 220;
    return `<figure class="chart${wide ? ' wide' : ''}"><figcaption>${esc(c.title)}</figcaption>${chartSvg(
      c,
      unit,
      w - 16,
      h,
    )}</figure>`;
  });
  return `<section class="charts">${items.join('')}</section>`;
}

function tableHtml(t: ReportTable, unit: Unit, showTitle: boolean, from = 0, to = t.rows.length): string {
  const cols = t.columns;
  const cls = cols.map((c) =>
    c.kind === 'text'
      ? (c.width ?? 20) <= 12
        ? 't nw'
        : 't'
      : c.kind === 'date' || c.key === 'seq'
        ? 'c'
        : 'n',
  );
  // The unit goes on its own line: “认缴规模<br>（万元）”.
  const head = cols
    .map((c) => {
      const h = esc(columnHeader(c, unit)).replace('（', '<br>（');
      const style =
        c.kind === 'text' && (c.width ?? 0) >= 24
          ? ` style="min-width:${Math.round((c.width ?? 24) * 3.2)}px"`
          : '';
      return `<th${style}>${h}</th>`;
    })
    .join('');
  // Every second row shaded, counted over the whole table (a slice may start at an odd row).
  const row = (r: Record<string, unknown>, rowClass: string) =>
    `<tr${rowClass ? ` class="${rowClass}"` : ''}>${cols
      .map((c, i) => {
        const v = formatCell(c.kind, (r[c.key] ?? null) as never, unit);
        return `<td class="${cls[i]}${v === DASH ? ' c' : ''}">${esc(v)}</td>`;
      })
      .join('')}</tr>`;
  const body: string[] = [];
  for (let i = from; i < to; i++) body.push(row(t.rows[i]!, i % 2 ? 'z' : ''));
  const end = to === t.rows.length;
  if (end && t.totals) body.push(row(t.totals, 'total'));
  if (!t.rows.length) body.push(`<tr><td colspan="${cols.length}" class="empty">（无记录）</td></tr>`);
  const dense = cols.length > 12 ? ' class="dense"' : '';
  return `<section class="tbl">${showTitle && from === 0 ? `<h2>${esc(t.title)}</h2>` : ''}<table${dense}><thead><tr>${head}</tr></thead><tbody>${body.join(
    '',
  )}</tbody></table>${end && t.note ? `<p class="tnote">注：${esc(t.note)}</p>` : ''}</section>`;
}

/** The running header of pages after the first: “引导基金总览　截至2025年12月31日”. */
const runningTitle = (r: ReportData) => `${r.title}　截至${chineseDate(r.asOf)}`;

/** A4 in the report's orientation, its margins, and (with `furniture`) the running header and page numbers. */
function pageCss(r: ReportData, furniture: boolean): string {
  const size = `@page { size: A4 ${isLandscape(r) ? 'landscape' : 'portrait'}; margin: 15mm 12mm 14mm 12mm;`;
  if (!furniture) return `${size} }`;
  return `${size}
  @top-left { content: ${cssString(runningTitle(r))}; font-family: '${PDF_FONT_FAMILY}', sans-serif; font-size: 7.5pt; color: #7b8794; }
  @top-right { content: "FundDesk 基金台账"; font-family: '${PDF_FONT_FAMILY}', sans-serif; font-size: 7.5pt; color: #7b8794; }
  @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: '${PDF_FONT_FAMILY}', sans-serif; font-size: 8pt; color: #5b6673; }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }`;
}

/** The page: the whole report, or one part of it (without page furniture: pdf-table.ts draws it). */
export function renderPdfHtml(r: ReportData, unit: Unit, part?: PdfPart): string {
  const landscape = isLandscape(r);
  // A4 less 12 mm margins left and right, in CSS pixels (96 per inch).
  const contentWidth = Math.floor(((landscape ? 297 : 210) - 24) * (96 / 25.4));
  const first = part?.first ?? true;
  const last = part?.last ?? true;
  const slices = part?.slices ?? r.tables.map((t, i) => ({ table: i, from: 0, to: t.rows.length }));
  const body = [
    first
      ? `<header class="head"><h1>${esc(r.title)}</h1><div class="meta">${esc(subtitleLine(r, unit))}</div></header>`
      : '',
    first ? figuresHtml(r, unit) : '',
    first && r.brief ? `<section class="brief"><p>${esc(r.brief)}</p></section>` : '',
    first ? chartsHtml(r.charts, unit, contentWidth) : '',
    ...slices.map((s) => {
      const t = r.tables[s.table]!;
      return tableHtml(t, unit, r.tables.length > 1 || t.title !== r.title, s.from, s.to);
    }),
    last && r.notes.length
      ? `<section class="notes"><h3>说明</h3><ol>${r.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ol></section>`
      : '',
    last ? `<footer class="gen">FundDesk 基金台账生成　${esc(r.generatedAt.slice(0, 10))}</footer>` : '',
  ].join('\n');

  const css = `
${pageCss(r, !part)}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: '${PDF_FONT_FAMILY}', sans-serif; font-size: 9pt; color: #1f2d3d; line-height: 1.45; }
.head { border-bottom: 2px solid #1f5fbf; padding-bottom: 6px; margin-bottom: 10px; }
h1 { font-size: 17pt; font-weight: 700; margin: 0 0 3px; letter-spacing: 0.5px; }
.meta { color: #5b6673; font-size: 9pt; }
h2 { font-size: 11pt; font-weight: 700; margin: 14px 0 6px; padding-left: 7px; border-left: 3px solid #1f5fbf; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 12px 0 4px; }
.figs { display: grid; grid-template-columns: repeat(${landscape ? 6 : 4}, 1fr); gap: 6px; margin-bottom: 10px; }
.fig { border: 1px solid #dde3ea; border-radius: 4px; padding: 5px 8px; background: #f8fafc; break-inside: avoid; }
.fig-l { color: #5b6673; font-size: 8pt; }
.fig-v { font-size: 12.5pt; font-weight: 700; white-space: nowrap; }
.fig-v small { font-size: 8pt; font-weight: 400; margin-left: 2px; color: #5b6673; }
.fig-n { font-size: 7pt; color: #7b8794; }
.brief { border: 1px solid #dde3ea; border-left: 3px solid #1f5fbf; background: #f8fafc; padding: 6px 10px; margin-bottom: 10px; }
.brief p { margin: 0; text-indent: 2em; font-size: 10pt; line-height: 1.75; text-align: justify; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 4px; }
.chart { margin: 0; border: 1px solid #dde3ea; border-radius: 4px; padding: 6px 8px 4px; break-inside: avoid; width: calc(50% - 6px); }
.chart.wide { width: 100%; }
.chart figcaption { font-weight: 700; font-size: 9.5pt; margin-bottom: 2px; }
.chart svg { display: block; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; }
table.dense { font-size: 7pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #e8eef7; font-weight: 700; border: 0.6pt solid #c9d1db; padding: 4px 4px; text-align: center; vertical-align: middle; white-space: nowrap; }
td { border: 0.6pt solid #c9d1db; padding: 3px 4px; vertical-align: top; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c { text-align: center; white-space: nowrap; }
td.nw { white-space: nowrap; }
td.empty { text-align: center; color: #7b8794; padding: 10px; }
tr.z td { background: #fafbfd; }
tr.total td { font-weight: 700; background: #eef3fb !important; border-top: 1.2pt solid #5b6673; }
.tnote { font-size: 7.5pt; color: #5b6673; margin: 3px 0 0; }
.notes { font-size: 7.5pt; color: #5b6673; break-inside: avoid; }
.notes ol { margin: 0; padding-left: 16px; }
.gen { margin-top: 10px; font-size: 7pt; color: #9aa5b1; text-align: right; }
${SCREENLESS_CSS}
`;
  const text = `${body}${css}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>
${fontFaceCss(text)}
${css}
</style></head><body>
${body}
</body></html>`;
}
