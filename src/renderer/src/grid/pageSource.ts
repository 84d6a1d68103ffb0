import type { LedgerPage, PageRequest } from '@shared/contract/ledger';
import type { Entity } from '@shared/domain';
import type { Unit } from '@shared/money';
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { api } from '../api';
import { tableRows } from './ledgerRows';

/** Rows per block: a screenful or three (the first block is the first page the ledger was opened with). */
export const BLOCK_ROWS = 100;

type Where = Record<string, string | number>;
type Sums = { count: number; totals: Record<string, number> };

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

  /** Sets the search text; true when the grid has to read its rows again. */
  setQuick(text: string): boolean {
    if (text === this.quick) return false;
    this.quick = text;
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
  }

  getRows(p: IGetRowsParams): void {
    const filter = p.filterModel && Object.keys(p.filterModel).length > 0 ? p.filterModel : undefined;
    const sort = p.sortModel.length > 0 ? p.sortModel : undefined;
    const key = sumsKeyOf(filter, this.quick, this.fields);
    const totals = key !== this.sumsKey;
    // One request reads the count and sums (a refresh asks for several blocks at once).
    this.sumsKey = key;
    const seed = this.seed;
    this.seed = null;
    if (seed && p.startRow === 0 && !filter && !sort && this.quick === '' && !totals) {
      p.successCallback(tableRows(seed), this.sums?.count);
      return;
    }
    const req: PageRequest = {
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
    api('ledger.page', req).then(
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

/** What the count and sums depend on: the filters, and the search text with the columns it looks in. */
function sumsKeyOf(filter: unknown, quick: string, fields: string[] | undefined): string {
  return JSON.stringify([filter ?? null, quick, quick ? (fields ?? null) : null]);
}
