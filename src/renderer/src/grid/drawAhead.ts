import type { GridApi } from 'ag-grid-community';

/** Rows drawn beyond the visible ones while a grid opens (LedgerGrid's rowBuffer). */
export const FIRST_BUFFER = 4;
/** A ledger up to this many rows gets every row drawn once the grid is idle. */
const SMALL_ROWS = 300;
/** Rows drawn per idle step (each step a short task: a click is not held up by the drawing). */
const STEP_ROWS = 24;

/** `f` once the page is idle (within 2 s), or after 50 ms where idle callbacks are missing. */
export const idle = (f: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(f, { timeout: 2000 })
    : (setTimeout(f, 50) as unknown as number);
const cancelIdle = (h: number) =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(h) : clearTimeout(h);

/**
 * A small ledger's rows are all drawn once its first screenful is painted and the page is idle, a step at a
 * time (AG Grid's rowBuffer raised). A header sort then only moves rows that exist: AG Grid keys its row DOM
 * by record (getRowId) and builds a row's cells only when the row enters the
 * drawn range, so with only the rows in view drawn a sort built a new screenful and destroyed the old one
 * (a trace of a 1x sort: most of its CPU). A large ledger (the Infinite Row Model) and a client ledger past
 * SMALL_ROWS keep drawing only the rows in view.
 *
 * A filter that may bring rows back (one is active: some rows are hidden) first returns to the small
 * buffer, so clearing a search builds a screenful, not every row at once (that took 3x as long); the rest
 * are drawn again once idle.
 */
export class DrawAhead {
  private api: GridApi | null = null;
  private handle: number | null = null;

  /** New rows in the grid: draw them all once idle. */
  start(api: GridApi) {
    if (this.api !== api) {
      this.api = api;
      api.addEventListener('filterOpened', this.beforeFilter);
      api.addEventListener('filterChanged', this.later);
    }
    this.later();
  }

  /** Called before the grid filters again (the quick search; a column filter's menu opening). */
  readonly beforeFilter = () => {
    const g = this.live();
    if (!g) return;
    this.cancel();
    if ((g.getGridOption('rowBuffer') ?? FIRST_BUFFER) <= FIRST_BUFFER) return;
    let all = 0;
    g.forEachNode(() => {
      all++;
    });
    if (g.getDisplayedRowCount() < all) g.setGridOption('rowBuffer', FIRST_BUFFER);
  };

  stop() {
    this.cancel();
    const g = this.live();
    g?.removeEventListener('filterOpened', this.beforeFilter);
    g?.removeEventListener('filterChanged', this.later);
    this.api = null;
  }

  // After the frame that paints the rows just drawn, not inside it.
  private readonly later = () => {
    this.cancel();
    requestAnimationFrame(() => {
      if (this.live() && this.handle === null) this.handle = idle(this.step);
    });
  };

  private readonly step = () => {
    this.handle = null;
    const g = this.live();
    if (!g) return;
    const rows = g.getDisplayedRowCount();
    if (rows > SMALL_ROWS) return;
    const buffer = g.getGridOption('rowBuffer') ?? FIRST_BUFFER;
    if (buffer >= rows) return;
    g.setGridOption('rowBuffer', Math.min(rows, buffer + STEP_ROWS));
    this.handle = idle(this.step);
  };

  private live(): GridApi | null {
    return this.api && !this.api.isDestroyed() ? this.api : null;
  }

  private cancel() {
    if (this.handle !== null) cancelIdle(this.handle);
    this.handle = null;
  }
}
