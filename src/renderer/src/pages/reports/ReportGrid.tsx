import type { Unit } from '@shared/money';
import { columnHeader, DASH, formatCell } from '@shared/reports/format';
import { roundedTable } from '@shared/reports/rounding';
import type { ReportColumn, ReportRow, ReportTable } from '@shared/reports/types';
import type { ColDef, GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef } from 'react';
import { AgGrid } from '../../grid/AgGrid';
import { gridLocale, gridTheme } from '../../grid/ag';

const NUMERIC = new Set(['money', 'int', 'ratio', 'percent', 'multiple']);
/** Sort key of a numeric cell: no value sorts first. */
const num = (v: unknown) => (typeof v === 'number' ? v : Number.NEGATIVE_INFINITY);

function width(c: ReportColumn): number {
  if (c.key === 'seq') return 64;
  switch (c.kind) {
    case 'money':
      return 138;
    case 'date':
      return 110;
    case 'int':
      return Math.max(90, (c.width ?? 8) * 11);
    case 'percent':
    case 'ratio':
    case 'multiple':
      return Math.max(84, (c.width ?? 8) * 11);
    default:
      // Width hints count characters; Chinese text is about 13 px a character.
      return Math.max(80, Math.min(340, (c.width ?? 12) * 10));
  }
}

/** A read-only report table: sortable, resizable, with the 合计 row pinned at the bottom. */
export function ReportGrid(props: {
  table: ReportTable;
  unit: Unit;
  onOpenRow?: ((row: ReportRow) => void) | undefined;
  maxHeight?: number;
}) {
  const { unit } = props;
  // Rounded as shown: the shown rows add up to the shown 合计 (largest remainder), as in the xlsx and PDF.
  const table = useMemo(() => roundedTable(props.table, unit), [props.table, unit]);
  const pinned = useMemo(() => {
    // In a wide table the row number and the name stay in view while scrolling sideways.
    const cols = table.columns;
    const set = new Set<string>();
    if (cols[0]?.key === 'seq') set.add('seq');
    if (cols.length > 9 && cols[0]?.key === 'seq' && cols[1]?.kind === 'text') set.add(cols[1].key);
    return set;
  }, [table.columns]);
  const colDefs = useMemo<ColDef<ReportRow>[]>(
    () =>
      table.columns.map((c) => ({
        colId: c.key,
        field: c.key,
        headerName: columnHeader(c, unit),
        headerTooltip: c.note,
        width: width(c),
        minWidth: c.key === 'seq' ? 56 : 70,
        pinned: pinned.has(c.key) ? ('left' as const) : undefined,
        type: NUMERIC.has(c.kind) ? 'rightAligned' : undefined,
        cellClass: c.kind === 'date' || c.key === 'seq' ? 'fd-cell-center' : undefined,
        valueFormatter: (p) => formatCell(c.kind, (p.value ?? null) as never, unit),
        tooltipValueGetter: (p) => {
          if (typeof p.value === 'string' && p.value.length > 16) return p.value;
          if (p.value !== null && p.value !== undefined) return undefined;
          if (c.key === 'irr' && p.data && typeof p.data.irrNote === 'string' && p.data.irrNote) {
            return p.data.irrNote;
          }
          return NUMERIC.has(c.kind) && formatCell(c.kind, null, unit) === DASH
            ? '无法计算（见报表说明）'
            : undefined;
        },
        comparator: NUMERIC.has(c.kind)
          ? (a: unknown, b: unknown) => {
              const x = num(a);
              const y = num(b);
              return x === y ? 0 : x < y ? -1 : 1;
            }
          : undefined,
      })),
    [table.columns, unit, pinned],
  );
  // Columns take the width of their content (headers wrap instead); tables narrower than the card then
  // stretch to its width, wider ones scroll sideways.
  const boxRef = useRef<HTMLDivElement | null>(null);
  const fitColumns = useCallback(
    (e: { api: GridApi<ReportRow> }) => {
      e.api.autoSizeAllColumns(true);
      const used = (e.api.getColumns() ?? []).reduce((sum, c) => sum + c.getActualWidth(), 0);
      const box = document.querySelector<HTMLElement>(`[data-testid="report-table-${table.key}"]`);
      if (box && used < box.clientWidth - 4) e.api.sizeColumnsToFit();
    },
    [table.key],
  );
  // Narrow tables stretch to the card's width; wide ones keep their widths and scroll sideways.
  const narrow = colDefs.reduce((sum, c) => sum + Number(c.width ?? 100), 0) < 1000;
  const rowCount = table.rows.length + (table.totals ? 1 : 0);
  // Short tables show every row; long ones scroll inside a fixed height (the 合计 row stays pinned).
  // Rows are 34 px (the app's grid theme); wide tables may wrap headers to two lines and scroll sideways.
  const height = Math.min(props.maxHeight ?? 600, 42 + 34 * Math.max(rowCount, 2) + (narrow ? 6 : 36));

  return (
    <div
      ref={boxRef}
      className="fd-grid fd-report-grid"
      style={{ height }}
      data-testid={`report-table-${table.key}`}
    >
      <AgGrid<ReportRow>
        theme={gridTheme}
        localeText={gridLocale}
        rowData={table.rows}
        columnDefs={colDefs}
        onFirstDataRendered={fitColumns}
        onRowDataUpdated={fitColumns}
        pinnedBottomRowData={table.totals ? [table.totals] : undefined}
        getRowClass={(p) => (p.node.rowPinned ? 'fd-total-row' : undefined)}
        defaultColDef={{ sortable: true, resizable: true, wrapHeaderText: true, autoHeaderHeight: true }}
        tooltipShowDelay={200}
        suppressCellFocus={false}
        enableCellTextSelection
        ensureDomOrder
        // A report has a few dozen columns at most: all of them stay in the page once the columns are sized to
        // their content and run past the view (the 合计 of an off-screen column is still there to find and copy).
        suppressColumnVirtualisation
        onRowDoubleClicked={(e) => {
          if (e.data && !e.node.rowPinned && props.onOpenRow) props.onOpenRow(e.data);
        }}
        overlayNoRowsTemplate="<span>截至该日期没有记录</span>"
      />
    </div>
  );
}
