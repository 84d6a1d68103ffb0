import type { ColumnSpec } from '@shared/columns/spec';
import type { Unit } from '@shared/money';
import type { GridApi, IRowNode } from 'ag-grid-community';
import { cellTextOf } from './cellText';
import type { Row } from './row';

/**
 * The quick search box, as AG Grid's quick filter matches (every space-separated word, any case, in the
 * text the visible columns show), but with each row's text made ahead, in idle time once the rows are
 * loaded, so that the first search of 100,000 rows only has to look: AG Grid builds its cache on the
 * first search, which took seconds.
 */
export class QuickSearch {
  private parts: string[] | null = null;
  private texts = new WeakMap<Row, string>();
  private fns: ((row: Row) => string)[];
  private idle: number | null = null;

  constructor(
    private readonly columns: ColumnSpec[],
    private unit: Unit,
  ) {
    this.fns = this.fnsFor(new Set(columns.filter((c) => c.hidden !== true).map((c) => c.field)));
  }

  private fnsFor(shown: Set<string>) {
    return this.columns
      .filter((c) => shown.has(c.field))
      .map((spec) => {
        const text = cellTextOf(spec, this.unit);
        return (row: Row) => text(row[spec.field], row);
      });
  }

  readonly isPresent = () => this.parts !== null;

  readonly passes = (node: IRowNode<Row>) => {
    const row = node.data;
    if (!row || !this.parts) return true;
    const text = this.textOf(row);
    return this.parts.every((p) => text.includes(p));
  };

  /** Sets the search text; true when the grid has to filter again. */
  set(text: string): boolean {
    const upper = text === '' ? null : text.toUpperCase();
    const parts = upper === null ? null : upper.split(' ');
    if (parts?.join(' ') === this.parts?.join(' ')) return false;
    this.parts = parts;
    return true;
  }

  /** Columns shown or hidden, or another unit: the texts are made again. */
  reset(g: GridApi<Row>, unit: Unit) {
    this.unit = unit;
    this.texts = new WeakMap();
    const cols = g.getColumns();
    if (cols) this.fns = this.fnsFor(new Set(cols.filter((c) => c.isVisible()).map((c) => c.getColId())));
    // The texts are made again ahead of the next search, not by it.
    this.warm(g);
  }

  /** Makes the rows' texts in idle time, a slice at a time. */
  warm(g: GridApi<Row>) {
    if (this.idle !== null) cancelIdleCallback(this.idle);
    const rows: Row[] = [];
    g.forEachNode((n) => {
      if (n.data) rows.push(n.data);
    });
    let i = 0;
    const step = (d: IdleDeadline) => {
      while (i < rows.length && d.timeRemaining() > 2) {
        const end = Math.min(rows.length, i + 500);
        for (; i < end; i++) this.textOf(rows[i]!);
      }
      this.idle = i < rows.length ? requestIdleCallback(step) : null;
    };
    this.idle = requestIdleCallback(step);
  }

  stop() {
    if (this.idle !== null) cancelIdleCallback(this.idle);
    this.idle = null;
  }

  private textOf(row: Row): string {
    let t = this.texts.get(row);
    if (t === undefined) {
      const parts: string[] = [];
      for (const f of this.fns) {
        const s = f(row);
        if (s !== '') parts.push(s);
      }
      t = parts.join('\n').toUpperCase();
      this.texts.set(row, t);
    }
    return t;
  }
}
