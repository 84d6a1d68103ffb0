import type { GridApi } from 'ag-grid-community';

/** Rows drawn beyond the visible ones while a grid opens (LedgerGrid's rowBuffer). */
export const FIRST_BUFFER = 4;
/** A ledger up to this many rows gets every row drawn once the grid is idle. */
const SMALL_ROWS = 300;
/** Rows drawn per idle step (each step a short task: a click is not held up by the drawing). */
const STEP_ROWS = 24;

const idle = (f: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(f, { timeout: 2000 })
    : (setTimeout(f, 50) as unknown as number);

/**
 * A small ledger's rows are all drawn once its first screenful is painted and the page is idle, a step at a
 * time. A header sort then only moves rows that exist: AG Grid keys its row DOM by record (getRowId) and
 * builds a row's cells (ag-grid-react components) only when the row first enters the drawn range, so with
 * only the rows in view drawn a sort built a new screenful and destroyed the old one (a trace of a 1x sort:
 * most of its CPU). A large ledger (the Infinite Row Model) and a client ledger past SMALL_ROWS keep
 * drawing only the rows in view. Returns a stop function.
 */
export function drawAhead(api: GridApi): () => void {
  let handle = 0;
  let stopped = false;
  const step = () => {
    if (stopped || api.isDestroyed()) return;
    const rows = api.getDisplayedRowCount();
    if (rows > SMALL_ROWS) return;
    const buffer = api.getGridOption('rowBuffer') ?? FIRST_BUFFER;
    if (buffer >= rows) return;
    api.setGridOption('rowBuffer', Math.min(rows, buffer + STEP_ROWS));
    handle = idle(step);
  };
  // After the frame that paints the rows just set, not inside it.
  requestAnimationFrame(() => {
    if (!stopped) handle = idle(step);
  });
  return () => {
    stopped = true;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
    else clearTimeout(handle);
  };
}
