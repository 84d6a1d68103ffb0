import type { LedgerPage, PageRequest } from '@shared/contract/ledger';
import type { Entity } from '@shared/domain';
import type { Unit } from '@shared/money';
import type { GridApi, IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import { api } from '../api';
import { tableRows } from './ledgerRows';

/** Rows per block: a screenful or three (the first block is the first page the ledger was opened with). */
export const BLOCK_ROWS = 100;

type Where = Record<string, string | number>;
type Sums = { count: number; totals: Record<string, number> };
type FilterModel = Record<string, unknown>;
/** What a block's request depends on from the grid: its rows, sort and column filters. */
type BlockAsk = {
  startRow: number;
  endRow: number;
  sortModel: SortModelItem[];
  filterModel: FilterModel | null;
};

/**
 * The datasource of a large ledger's grid. The grid gives each block's sort and filter model; the quick
 * search text, shown columns and unit are set here. The count and 合计 sums are read with the first block
 * after any change of filter or search (a sort changes neither) and after `invalidate` (an edit).
 */
export class PageSource implements IDatasource {
  private quick = '';
  private fields: string[] | undefined;
  private unit: Unit;
  private sums: Sums | null = null;
  private sumsKey = '';
  /** The ledger's first block, already read: answers the grid's first request without another. */
  private seed: LedgerPage | null;
  /** The first block of a new sort, asked for as the sort changed (see `watch`). */
  private early: { key: string; page: Promise<LedgerPage> } | null = null;
  private watched: GridApi | null = null;

  constructor(
    private readonly entity: Entity,
    private readonly where: Where | undefined,
    unit: Unit,
    seed: LedgerPage | null,
    private readonly onSums: (s: Sums) => void,
  ) {
    this.unit = unit;
    this.seed = seed;
    if (seed?.count !== undefined) {
      this.sums = { count: seed.count, totals: seed.totals ?? {} };
      this.sumsKey = sumsKeyOf(undefined, '', undefined);
    }
  }

  /**
   * Sets the search text; true when the grid has to read its rows again. The first block of the new search
   * is asked for at once, as a new sort's is (see `watch`): the grid asks its datasource only in a timer,
   * after the keystroke's task and often a frame (a trace of a 100x search: the request started 22–180 ms
   * after the input event, under load; now within its task).
   */
  setQuick(text: string): boolean {
    if (text === this.quick) return false;
    this.quick = text;
    if (this.watched && !this.watched.isDestroyed()) this.askFirst(this.watched);
    return true;
  }

  isSearching = () => this.quick !== '';

  setFields(fields: string[]) {
    this.fields = fields;
  }

  setUnit(unit: Unit) {
    this.unit = unit;
  }

  /** A record changed: the next first block reads the count and sums again. */
  invalidate() {
    this.sumsKey = '';
    this.seed = null;
    this.early = null;
  }

  /**
   * The first block of a new sort is asked for as the sort changes. AG Grid asks its datasource only in a
   * timer, after it has drawn the grid empty (its rows taken out, one placeholder drawn and painted), and its
   * API's sortChanged listeners are called later still; a column's own sortChanged is called at once, while
   * the grid is still sorting: a microtask from there runs once it has finished, before that drawing. So the
   * request and the drawing run side by side, and the grid's own request takes the answer on its way (the
   * same request; else it asks on its own). A trace of a 100x sort: the request started 65 ms after the
   * click (the click's task, then a frame with the empty grid laid out and painted, then the timer).
   */
  private watch(g: GridApi) {
    if (this.watched === g) return;
    this.watched = g;
    let queued = false;
    const early = () => {
      queued = false;
      if (!g.isDestroyed()) this.askFirst(g);
    };
    for (const c of g.getColumns() ?? []) {
      c.addEventListener('sortChanged', () => {
        if (queued) return;
        queued = true;
        queueMicrotask(early);
      });
    }
  }

  /** Asks for the first block of the grid's sort and filters now (the grid's own request takes the answer). */
  private askFirst(g: GridApi) {
    const sortModel = g
      .getColumnState()
      .filter((c) => c.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((c) => ({ colId: c.colId, sort: c.sort! }));
    const ask = { startRow: 0, endRow: BLOCK_ROWS, sortModel, filterModel: g.getFilterModel() };
    const totals = this.sumsKeyOf(ask) !== this.sumsKey;
    // The stored order's first block is at hand (the seed answers it).
    if (sortModel.length === 0 && this.seed && !filterOf(ask) && this.quick === '' && !totals) return;
    const req = this.requestOf(ask, totals);
    this.early = { key: JSON.stringify(req), page: api('ledger.page', req) };
    // An answer nobody took fails quietly: the grid's own request reports its failure.
    this.early.page.catch(() => {});
  }

  private sumsKeyOf(p: BlockAsk): string {
    return sumsKeyOf(filterOf(p), this.quick, this.fields);
  }

  private requestOf(p: BlockAsk, totals: boolean): PageRequest {
    const filter = filterOf(p);
    const sort = p.sortModel.length > 0 ? p.sortModel : undefined;
    return {
      entity: this.entity,
      ...(this.where ? { where: this.where } : {}),
      ...(sort ? { sort: sort.map((s) => ({ colId: s.colId, sort: s.sort })) } : {}),
      ...(filter ? { filter: filter as PageRequest['filter'] } : {}),
      ...(this.quick ? { quick: this.quick } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
      unit: this.unit,
      startRow: p.startRow,
      endRow: p.endRow,
      ...(totals ? { totals: true } : {}),
    };
  }

  getRows(p: IGetRowsParams): void {
    this.watch(p.api);
    const key = this.sumsKeyOf(p);
    const totals = key !== this.sumsKey;
    // One request reads the count and sums (a refresh asks for several blocks at once).
    this.sumsKey = key;
    const seed = this.seed;
    this.seed = null;
    if (
      seed &&
      p.startRow === 0 &&
      !filterOf(p) &&
      p.sortModel.length === 0 &&
      this.quick === '' &&
      !totals
    ) {
      p.successCallback(tableRows(seed), this.sums?.count);
      return;
    }
    const req = this.requestOf(p, totals);
    const early = p.startRow === 0 ? this.early : null;
    if (early) this.early = null;
    const answer = early?.key === JSON.stringify(req) ? early.page : api('ledger.page', req);
    answer.then(
      (page) => {
        if (page.count !== undefined) {
          this.sums = { count: page.count, totals: page.totals ?? {} };
          this.onSums(this.sums);
        }
        p.successCallback(tableRows(page), this.sums?.count);
      },
      () => {
        if (totals) this.sumsKey = '';
        p.failCallback();
      },
    );
  }
}

function filterOf(p: { filterModel: FilterModel | null }): FilterModel | undefined {
  return p.filterModel && Object.keys(p.filterModel).length > 0 ? p.filterModel : undefined;
}

/** What the count and sums depend on: the filters, and the search text with the columns it looks in. */
function sumsKeyOf(filter: unknown, quick: string, fields: string[] | undefined): string {
  return JSON.stringify([filter ?? null, quick, quick ? (fields ?? null) : null]);
}
