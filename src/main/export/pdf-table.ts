/**
 * A report's tables drawn straight into a PDF with pdf-lib, as Chromium prints them from pdf-html.ts (same
 * page size and margins, font, column header with the unit on its own line repeated on every page, shaded
 * every second row, bold 合计 row, numbers right-aligned, long names wrapped, notes, running header and
 * “第 N 页 / 共 M 页”). Chromium's print costs 1.5–4 ms of CPU a row; drawing costs a few µs.
 *
 * Own layout code (no maintained PDF table library lays out Chinese text with a custom font at this speed):
 * column widths follow the browser's automatic table layout (each column's widest text; what does not fit is
 * taken from the wrapping text columns), rows never split across pages. The content streams are written as
 * text and deflated with node:zlib (pdf-lib's per-operator objects would hold gigabytes for 97,063 rows).
 */
import { deflateSync } from 'node:zlib';
import { type PDFDocument, PDFName, PDFPage, type PDFRef } from 'pdf-lib';
import type { Unit } from '../../shared/money';
import { chineseDate, columnHeader, DASH, formatCell } from '../../shared/reports/format';
import type { ReportColumn, ReportData, ReportTable } from '../../shared/reports/types';
import type { PdfGlyphs } from './pdf-table-fonts';

const MM = 72 / 25.4;
const PX = 0.75;
/** @page margins of pdf-html.ts: 15mm 12mm 14mm 12mm. */
const MARGIN = { top: 15 * MM, side: 12 * MM, bottom: 14 * MM };
const A4 = { short: 210 * MM, long: 297 * MM };
const LINE = 1.45;
/** Noto Sans SC's ascent and content height (em): where the baseline sits in a CSS line box. */
const ASCENT = 1.16;
const CONTENT = 1.448;

const INK = '0.122 0.176 0.239'; // #1f2d3d
const GREY = '0.357 0.4 0.451'; // #5b6673
const LIGHT = '0.482 0.529 0.58'; // #7b8794
const FAINT = '0.604 0.647 0.694'; // #9aa5b1
const BLUE = '0.122 0.373 0.749'; // #1f5fbf
const RULE = '0.788 0.82 0.859'; // #c9d1db
const HEAD_BG = '0.91 0.933 0.969'; // #e8eef7
const ZEBRA_BG = '0.98 0.984 0.992'; // #fafbfd
const TOTAL_BG = '0.933 0.953 0.984'; // #eef3fb

type Align = 'left' | 'right' | 'center';
interface Col {
  c: ReportColumn;
  align: Align;
  wrap: boolean;
  width: number;
}

/** Rows drawn so far; it may throw (the user cancelled): the drawing stops there. */
export type RowsDone = (rows: number) => Promise<void>;

const n2 = (v: number) => (Math.round(v * 100) / 100).toString();

export class PdfTableWriter {
  readonly width: number;
  readonly height: number;
  private page: PDFPage | null = null;
  /** The pages drawn here, in order. */
  readonly pages: PDFPage[] = [];
  private ops: string[] = [];
  /** The fill colour last set in this page's content (text is filled). */
  private color = '';
  /** Distance from the top of the page to where the next thing goes. */
  private y = 0;
  private rows = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly glyphs: PdfGlyphs,
    landscape: boolean,
  ) {
    this.width = landscape ? A4.long : A4.short;
    this.height = landscape ? A4.short : A4.long;
  }

  private get contentWidth() {
    return this.width - 2 * MARGIN.side;
  }
  private get bottom() {
    return this.height - MARGIN.bottom;
  }

  private newPage() {
    this.endPage();
    // Appended to the page tree directly: doc.addPage walks every page before it (4,800 pages at 100x: 7 s).
    const page = PDFPage.create(this.doc);
    page.setSize(this.width, this.height);
    const tree = this.doc.catalog.get(PDFName.of('Pages')) as PDFRef;
    page.node.setParent(tree);
    this.doc.catalog.Pages().pushLeafNode(page.ref);
    this.pages.push(page);
    this.page = page;
    this.y = MARGIN.top;
  }

  /** Writes the page's content stream and names every embedded font in its resources. */
  private endPage() {
    if (!this.page) return;
    addContent(this.doc, this.page, this.ops.join('\n'));
    this.ops = [];
    this.color = '';
    this.page = null;
  }

  private text(s: string, x: number, baseline: number, size: number, bold: boolean, color: string) {
    if (!s) return;
    const parts = [`BT 1 0 0 1 ${n2(x)} ${n2(this.height - baseline)} Tm`];
    if (color !== this.color) {
      parts.unshift(`${color} rg`);
      this.color = color;
    }
    for (const r of this.glyphs.runs(s, bold)) parts.push(`/${r.font.name} ${size} Tf <${r.hex}> Tj`);
    parts.push('ET');
    this.ops.push(parts.join(' '));
  }

  private fill(x: number, top: number, w: number, h: number, color: string) {
    this.color = color;
    this.ops.push(`${color} rg ${n2(x)} ${n2(this.height - top - h)} ${n2(w)} ${n2(h)} re f`);
  }

  private hline(x: number, y: number, w: number, lw: number, color: string) {
    this.ops.push(
      `${color} RG ${lw} w ${n2(x)} ${n2(this.height - y)} m ${n2(x + w)} ${n2(this.height - y)} l S`,
    );
  }

  /** Text wrapped to a width (break anywhere: Chinese has no spaces), in lines. */
  private wrap(s: string, width: number, size: number, bold: boolean): string[] {
    const lines: string[] = [];
    let start = 0;
    let w = 0;
    const max = (width * 1000) / size;
    for (let i = 0; i < s.length; i++) {
      const cp = s.codePointAt(i)!;
      const a = this.glyphs.advance(cp, bold);
      if (w + a > max && i > start) {
        lines.push(s.slice(start, i));
        start = i;
        w = 0;
      }
      w += a;
      if (cp > 0xffff) i++;
    }
    lines.push(s.slice(start));
    return lines;
  }

  /** A paragraph of wrapped text across the content width (with a left indent). */
  private paragraph(s: string, size: number, color: string, indent = 0, bold = false) {
    for (const line of this.wrap(s, this.contentWidth - indent, size, bold)) {
      const lh = size * LINE;
      if (this.y + lh > this.bottom) this.newPage();
      this.text(line, MARGIN.side + indent, baselineIn(this.y, lh, size), size, bold, color);
      this.y += lh;
    }
  }

  /** The tables from `from` on, each starting where the previous ended; a new page first. */
  async drawTables(r: ReportData, unit: Unit, from: number, done: RowsDone): Promise<void> {
    this.newPage();
    const showTitle = (t: ReportTable) => r.tables.length > 1 || t.title !== r.title;
    for (const t of r.tables.slice(from)) await this.table(t, unit, showTitle(t), done);
  }

  private async table(t: ReportTable, unit: Unit, showTitle: boolean, done: RowsDone) {
    const size = t.columns.length > 12 ? 7 : 8;
    const pad = { x: 4 * PX, y: 3 * PX, head: 4 * PX };
    const lh = size * LINE;
    const cells = t.rows.map((row) =>
      t.columns.map((c) => formatCell(c.kind, (row[c.key] ?? null) as never, unit)),
    );
    const totals = t.totals
      ? t.columns.map((c) => formatCell(c.kind, (t.totals![c.key] ?? null) as never, unit))
      : null;
    const heads = t.columns.map((c) => columnHeader(c, unit).replace('（', '\n（').split('\n'));
    await this.glyphs.prepare(
      `${cells.map((r) => r.join('')).join('')}${(totals ?? []).join('')}${t.title}${t.note ?? ''}（无记录）注：`,
      false,
    );
    await this.glyphs.prepare(`${heads.flat().join('')}${(totals ?? []).join('')}${t.title}`, true);
    const cols = this.columns(t, cells, totals, heads, size, pad.x);
    const x0 = MARGIN.side;
    const tableW = cols.reduce((s, c) => s + c.width, 0);
    const headH = Math.max(...heads.map((h) => h.length)) * lh + 2 * pad.head;

    const header = () => {
      const top = this.y;
      this.fill(x0, top, tableW, headH, HEAD_BG);
      let x = x0;
      cols.forEach((c, i) => {
        const lines = heads[i]!;
        const y = top + (headH - lines.length * lh) / 2;
        lines.forEach((s, k) => {
          const w = this.glyphs.width(s, size, true);
          this.text(s, x + (c.width - w) / 2, baselineIn(y + k * lh, lh, size), size, true, INK);
        });
        x += c.width;
      });
      this.y += headH;
      return top;
    };
    /** Borders of the rows drawn on this page: from the header's top to `this.y`. */
    const grid = (top: number, rowTops: number[]) => {
      const parts = [`${RULE} RG ${0.6} w`];
      const yb = this.height - this.y;
      let x = x0;
      for (let i = 0; i <= cols.length; i++) {
        parts.push(`${n2(x)} ${n2(this.height - top)} m ${n2(x)} ${n2(yb)} l`);
        x += cols[i]?.width ?? 0;
      }
      for (const y of [top, ...rowTops, this.y])
        parts.push(`${n2(x0)} ${n2(this.height - y)} m ${n2(x0 + tableW)} ${n2(this.height - y)} l`);
      parts.push('S');
      this.ops.push(parts.join(' '));
    };
    const rowHeight = (texts: string[], bold: boolean) => {
      let lines = 1;
      cols.forEach((c, i) => {
        if (c.wrap && texts[i])
          lines = Math.max(lines, this.wrap(texts[i]!, c.width - 2 * pad.x, size, bold).length);
      });
      return lines * lh + 2 * pad.y;
    };
    const drawRow = (texts: string[], h: number, bold: boolean, bg: string | null) => {
      if (bg) this.fill(x0, this.y, tableW, h, bg);
      let x = x0;
      cols.forEach((c, i) => {
        const s = texts[i]!;
        const lines = c.wrap ? this.wrap(s, c.width - 2 * pad.x, size, bold) : [s];
        const align = s === DASH ? 'center' : c.align;
        lines.forEach((line, k) => {
          const w = align === 'left' ? 0 : this.glyphs.width(line, size, bold);
          const tx =
            align === 'left'
              ? x + pad.x
              : align === 'right'
                ? x + c.width - pad.x - w
                : x + (c.width - w) / 2;
          this.text(line, tx, baselineIn(this.y + pad.y + k * lh, lh, size), size, bold, INK);
        });
        x += c.width;
      });
      this.y += h;
    };

    // The title stays with the header and the first row.
    const titleH = showTitle ? 10.5 + 11 * LINE + 4.5 : 0;
    const firstRowH = cells.length ? rowHeight(cells[0]!, false) : 30;
    if (this.y + titleH + headH + firstRowH > this.bottom && this.y > MARGIN.top) this.newPage();
    if (showTitle) {
      this.y += this.y > MARGIN.top ? 10.5 : 0;
      this.fill(x0, this.y + 1, 3 * PX, 11 * LINE - 2, BLUE);
      this.text(t.title, x0 + 10 * PX, baselineIn(this.y, 11 * LINE, 11), 11, true, INK);
      this.y += 11 * LINE + 4.5;
    }
    let top = header();
    let rowTops: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      const h = rowHeight(cells[i]!, false);
      if (this.y + h > this.bottom) {
        grid(top, rowTops);
        this.newPage();
        top = header();
        rowTops = [];
      }
      rowTops.push(this.y);
      drawRow(cells[i]!, h, false, i % 2 ? ZEBRA_BG : null);
      this.rows++;
      if (this.rows % 500 === 0) await done(this.rows);
    }
    if (!cells.length) {
      rowTops.push(this.y);
      const w = this.glyphs.width('（无记录）', size, false);
      this.text(
        '（无记录）',
        x0 + (tableW - w) / 2,
        baselineIn(this.y + 10 * PX, lh, size),
        size,
        false,
        LIGHT,
      );
      this.y += lh + 20 * PX;
    }
    let totalTop: number | null = null;
    if (totals) {
      const h = rowHeight(totals, true);
      if (this.y + h > this.bottom) {
        grid(top, rowTops);
        this.newPage();
        top = header();
        rowTops = [];
      }
      totalTop = this.y;
      rowTops.push(this.y);
      drawRow(totals, h, true, TOTAL_BG);
    }
    grid(top, rowTops);
    if (totalTop !== null) this.hline(x0, totalTop, tableW, 1.2, GREY);
    if (t.note) {
      this.y += 3 * PX;
      this.paragraph(`注：${t.note}`, 7.5, GREY);
    }
  }

  /** Column widths as the browser's automatic layout gives them across the content width. */
  private columns(
    t: ReportTable,
    cells: string[][],
    totals: string[] | null,
    heads: string[][],
    size: number,
    padX: number,
  ): Col[] {
    const avail = this.contentWidth;
    const cols = t.columns.map((c, i) => {
      const wrap = c.kind === 'text' && (c.width ?? 20) > 12;
      const align: Align =
        c.kind === 'text' ? 'left' : c.kind === 'date' || c.key === 'seq' ? 'center' : 'right';
      let max = 0;
      for (const row of cells) max = Math.max(max, this.glyphs.width(row[i]!, size, false));
      if (totals) max = Math.max(max, this.glyphs.width(totals[i]!, size, true));
      const head = Math.max(...heads[i]!.map((h) => this.glyphs.width(h, size, true)));
      const minStyle = c.kind === 'text' && (c.width ?? 0) >= 24 ? Math.round((c.width ?? 24) * 3.2) * PX : 0;
      const maxW = Math.max(max, head, minStyle) + 2 * padX;
      const minW = wrap ? Math.max(head, minStyle, 2 * size) + 2 * padX : maxW;
      return { c, align, wrap, width: maxW, minW, maxW };
    });
    const sumMax = cols.reduce((s, c) => s + c.maxW, 0);
    const sumMin = cols.reduce((s, c) => s + c.minW, 0);
    for (const c of cols) {
      if (sumMax <= avail) c.width = (c.maxW * avail) / sumMax;
      else if (sumMin >= avail) c.width = (c.minW * avail) / sumMin;
      else c.width = c.minW + ((c.maxW - c.minW) * (avail - sumMin)) / (sumMax - sumMin);
    }
    return cols;
  }

  /** The notes (说明) and the “generated by” line after the last table. */
  async drawEnd(r: ReportData): Promise<void> {
    const gen = `FundDesk 基金台账生成　${r.generatedAt.slice(0, 10)}`;
    await this.glyphs.prepare(`${r.notes.join('')}${gen}0123456789.`, false);
    await this.glyphs.prepare('说明', true);
    if (r.notes.length) {
      this.y += 9;
      if (this.y + 30 > this.bottom) this.newPage();
      this.text('说明', MARGIN.side, baselineIn(this.y, 9.5 * LINE, 9.5), 9.5, true, INK);
      this.y += 9.5 * LINE + 3;
      r.notes.forEach((s, i) => {
        this.paragraph(`${i + 1}. ${s}`, 7.5, GREY, 4 * PX);
      });
    }
    this.y += 7.5;
    if (this.y + 7 * LINE > this.bottom) this.newPage();
    const w = this.glyphs.width(gen, 7, false);
    this.text(gen, this.width - MARGIN.side - w, baselineIn(this.y, 7 * LINE, 7), 7, false, FAINT);
    this.endPage();
  }

  /** Running header (from page 2) and “第 N 页 / 共 M 页” on the head's pages and those drawn here. */
  async drawFurniture(r: ReportData, head: PDFPage[]): Promise<void> {
    const pages = [...head, ...this.pages];
    const running = `${r.title}　截至${chineseDate(r.asOf)}`;
    const brand = 'FundDesk 基金台账';
    await this.glyphs.prepare(`${running}${brand}第页/共 0123456789`, false);
    pages.forEach((page, i) => {
      this.ops = [];
      this.color = '';
      const num = `第 ${i + 1} 页 / 共 ${pages.length} 页`;
      this.text(
        num,
        (this.width - this.glyphs.width(num, 8, false)) / 2,
        this.height - MARGIN.bottom / 2 + 8 * 0.35,
        8,
        false,
        GREY,
      );
      if (i > 0) {
        const top = MARGIN.top / 2 + 7.5 * 0.35;
        this.text(running, MARGIN.side, top, 7.5, false, LIGHT);
        this.text(
          brand,
          this.width - MARGIN.side - this.glyphs.width(brand, 7.5, false),
          top,
          7.5,
          false,
          LIGHT,
        );
      }
      // Whatever state the page's own content leaves (Chromium's pages scale and flip it) is undone first.
      const q = this.doc.context.register(this.doc.context.stream('q'));
      const Q = this.doc.context.register(this.doc.context.stream('Q'));
      page.node.wrapContentStreams(q, Q);
      addContent(this.doc, page, this.ops.join('\n'));
    });
    this.ops = [];
  }

  /** Names every embedded font in the resources of every page (after the last glyph was prepared). */
  nameFonts(head: PDFPage[]): void {
    for (const page of [...head, ...this.pages]) {
      for (const f of this.glyphs.fonts) page.node.setFontDictionary(PDFName.of(f.name), f.font.ref);
    }
  }
}

/** The baseline of text of `size` in a CSS line box of height `lh` starting at `top`. */
function baselineIn(top: number, lh: number, size: number): number {
  return top + (lh - CONTENT * size) / 2 + ASCENT * size;
}

/**
 * Appends a deflated content stream to a page. zlib's set-up costs more than compressing a small stream (1 ms
 * a call in a large export, ~4,800 page-number streams at 100x): small streams get a small window.
 */
function addContent(doc: PDFDocument, page: PDFPage, content: string) {
  page.node.addContentStream(doc.context.register(doc.context.flateStream(content)));
}

/**
 * pdf-lib compresses with pako (JavaScript; each stream's setup alone took 1–5 ms under load: 0.7 s of CPU
 * for the ~40 fonts and their ToUnicode maps of a 10x ledger): node:zlib instead, at its fastest level (the
 * table pages' text is most of the file and compresses well even so).
 */
export function deflateWithNodeZlib(doc: PDFDocument): void {
  doc.context.flateStream = (contents, dict = {}) =>
    doc.context.stream(deflateSync(bytesOf(contents), small(contents.length)), {
      ...dict,
      Filter: 'FlateDecode',
    });
}

const bytesOf = (c: string | Uint8Array) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c);
const small = (n: number) => (n < 8192 ? { level: 1, memLevel: 1, windowBits: 9 } : { level: 1 });
