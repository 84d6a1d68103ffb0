import type { ColumnSpec } from '@shared/columns/spec';
import type { Unit } from '@shared/money';
import type { GridApi } from 'ag-grid-community';
import { moneyText } from './cellText';
import type { Row } from './row';

/** Room a cell takes besides its text when the grid's own cannot be read (Quartz: 16 px each side + border). */
const CELL_ROOM = 34;
const FALLBACK_FONT = '13px "Noto Sans SC", sans-serif';

let canvas: CanvasRenderingContext2D | null = null;

function textWidth(text: string, font: string): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * 8;
  canvas.font = font;
  return canvas.measureText(text).width;
}

/**
 * Money columns widened, never narrowed, to show their largest figure whole: at 元 a total such as
 * 4,563,000,000.00 is three digits longer than at 万元 and was cut off at the column's first width (130 or
 * 140 px; the whole text only on hover). Run when rows come in (once idle) and when the unit changes. A width
 * the user made wider stays; one made narrower than its figures is widened again then: a figure is never
 * shown cut off.
 *
 * Own code rather than AG Grid's autoSizeColumns: that measures the cells it has drawn, and with column
 * virtualisation a money column off to the right has none, nor do rows not yet drawn. Here the longest
 * figure of every loaded row and of the totals rows is formatted as the cells show it (cellText.ts) and
 * measured on a canvas in the cells' font, without laying anything out.
 */
export function fitMoneyColumns(
  api: GridApi<Row>,
  specs: readonly ColumnSpec[],
  unit: Unit,
  box: HTMLElement | null,
) {
  if (api.isDestroyed()) return;
  const money = specs.filter((s) => s.kind === 'money');
  if (money.length === 0) return;
  const rows: Row[] = [];
  api.forEachNode((n) => {
    if (n.data) rows.push(n.data);
  });
  const totals: Row[] = [];
  for (let i = 0; i < api.getPinnedBottomRowCount(); i++) {
    const data = api.getPinnedBottomRow(i)?.data;
    if (data) totals.push(data);
  }
  // The totals row is drawn in its own weight: each kind of row measured in its own cells' font.
  const body = cellLook(box, '.ag-grid-scrolling-container .ag-cell');
  const total = cellLook(box, '.ag-grid-pinned-bottom-rows-container .ag-cell') ?? body;
  const widths: { key: string; newWidth: number }[] = [];
  for (const spec of money) {
    const col = api.getColumn(spec.field);
    if (!col?.isVisible()) continue;
    const need = Math.max(widest(rows, spec.field, unit, body), widest(totals, spec.field, unit, total));
    if (need > col.getActualWidth()) widths.push({ key: spec.field, newWidth: need });
  }
  if (widths.length > 0) api.setColumnWidths(widths);
}

interface CellLook {
  font: string;
  /** Padding and borders beside the text. */
  room: number;
}

function cellLook(box: HTMLElement | null, selector: string): CellLook | null {
  const cell = box?.querySelector<HTMLElement>(selector);
  if (!cell) return null;
  const s = getComputedStyle(cell);
  // Built from the longhands: the `font` shorthand reads as '' when a longhand it cannot say is set.
  const px = (v: string) => Number.parseFloat(v) || 0;
  return {
    font: `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`,
    room: px(s.paddingLeft) + px(s.paddingRight) + px(s.borderLeftWidth) + px(s.borderRightWidth) + 2,
  };
}

/**
 * Width a column needs for its longest figure in these rows. The longest text is that of the largest amount
 * or, with its minus sign, the most negative one: only those two are formatted and measured (a 10x ledger
 * has 10,000 rows).
 */
function widest(rows: readonly Row[], field: string, unit: Unit, look: CellLook | null): number {
  let most = 0;
  let least = 0;
  for (const r of rows) {
    const v = r[field];
    if (typeof v !== 'number') continue;
    if (v > most) most = v;
    else if (v < least) least = v;
  }
  if (most === 0 && least === 0) return 0;
  const font = look?.font ?? FALLBACK_FONT;
  const text = Math.max(textWidth(moneyText(most, unit), font), textWidth(moneyText(least, unit), font));
  return Math.ceil(text + (look?.room ?? CELL_ROOM));
}
