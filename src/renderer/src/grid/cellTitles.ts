/**
 * The full text of a cell cut off by its column's width, shown as the cell's title when the pointer rests on
 * it. Own code rather than AG Grid's `tooltipShowMode: 'whenTruncated'`: that needs AG Grid's own tooltips on
 * every cell, which it sets up (a tooltip manager, its listeners) for each cell it draws — a good part of a
 * sort's time. Here the grid's box has one handler (LedgerGrid's onMouseOver), which looks at the one cell
 * the pointer enters, and only then.
 *
 * A title the grid set itself (a refused edit's reason: colDefs.ts, as a browser tooltip) is left as it is.
 */
const MINE = 'fdTitle';

export function showTruncatedTitle(e: { target: EventTarget | null }) {
  const cell = (e.target as HTMLElement | null)?.closest?.('.ag-cell');
  if (!(cell instanceof HTMLElement)) return;
  if (cell.hasAttribute('title') && cell.dataset[MINE] === undefined) return;
  const shown = cell.querySelector<HTMLElement>('.ag-cell-value') ?? cell;
  const text = (shown.textContent ?? '').trim();
  if (text !== '' && shown.scrollWidth > shown.clientWidth) {
    cell.title = text;
    cell.dataset[MINE] = '';
  } else if (cell.dataset[MINE] !== undefined) {
    cell.removeAttribute('title');
    delete cell.dataset[MINE];
  }
}
