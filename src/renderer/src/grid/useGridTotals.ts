import type { ColumnSpec } from '@shared/columns/spec';
import type { Unit } from '@shared/money';
import type { GridApi } from 'ag-grid-community';
import { type RefObject, useCallback, useEffect, useRef } from 'react';
import { type Row, totalsRow } from './colDefs';

export type TotalsExtra = (rows: Row[], unit: Unit) => Record<string, unknown> | Record<string, unknown>[];

/**
 * The grid's pinned 合计 row (and any rows of totalsExtra), over the rows the filter shows. Totals depend on
 * which rows the filter keeps and their values, not their order: a sort leaves them be (at 100,000 rows
 * summing them again took a good part of a sort's time). New rows mark them stale; the grid's next model
 * update redraws them.
 */
export function useGridTotals(p: {
  gridRef: RefObject<GridApi<Row> | null>;
  columns: ColumnSpec[];
  unitWord: string;
  totalsExtra: TotalsExtra | undefined;
  unit: Unit;
  /** Only the first page is here: totals are over every row, none until all have arrived. */
  loadingRest: boolean;
  /** A large ledger's totals are read in SQL with its rows (useLargeLedger.ts): nothing to do here. */
  inSql: boolean;
}) {
  const { gridRef, columns, unitWord, totalsExtra, unit, loadingRest, inSql } = p;
  const stale = useRef(true);
  const refreshTotals = useCallback(() => {
    const g = gridRef.current;
    if (!g || inSql) return;
    stale.current = false;
    const first = columns[0]?.field ?? 'name';
    if (loadingRest) {
      g.setGridOption('pinnedBottomRowData', [{ id: -1, [first]: '合计（正在载入全部行…）' }]);
      return;
    }
    const shown: Row[] = [];
    g.forEachNodeAfterFilter((n) => {
      if (n.data) shown.push(n.data);
    });
    // totalsExtra's first object goes into the 合计 row; further ones are rows of their own (per type),
    // their `label` shown in the first column.
    const [extra, ...more] = [totalsExtra?.(shown, unit) ?? {}].flat();
    g.setGridOption('pinnedBottomRowData', [
      { ...totalsRow(columns, shown, unitWord), ...extra },
      ...more.map(({ label, ...r }) => ({ ...r, [first]: label }) as Row),
    ]);
  }, [gridRef, columns, unitWord, totalsExtra, unit, loadingRest, inSql]);

  // Another unit, or all rows arrived: redraw now (refreshTotals changes with them).
  useEffect(() => refreshTotals(), [refreshTotals]);
  const markStale = useCallback(() => {
    stale.current = true;
  }, []);
  const onModelUpdated = useCallback(() => {
    if (stale.current) refreshTotals();
  }, [refreshTotals]);
  return { refreshTotals, markStale, onModelUpdated };
}
