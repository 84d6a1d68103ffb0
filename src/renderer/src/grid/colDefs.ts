import { headerWithUnit, parseCell, resolveByName } from '@shared/columns/convert';
import type { ColumnSpec } from '@shared/columns/spec';
import type { LinkEntity, LinkOption } from '@shared/contract/ledger';
import { fenToUnit, UNIT_LABEL, type Unit } from '@shared/money';
import type { ColDef, ColSpanParams, ValueFormatterParams } from 'ag-grid-community';
import { type CellEditMemo, cellKey } from './cellEditMemo';
import { cellTextOf } from './cellText';
import { FieldCellEditor, fieldEditorParams } from './FieldCellEditor';
import { DETAIL_ROUTE, type DetailEntity, LinkCell } from './LinkCell';
import { LinkCellEditor } from './LinkCellEditor';
import { reactCellEditor } from './reactEditor';
import type { Row } from './row';

/** Re-exported for the grid's other modules; LinkCell takes it from './row' (no import cycle). */
export type { Row };
export type Options = Partial<Record<LinkEntity, LinkOption[]>>;
export type CellErrors = Map<string, string>;

/**
 * Every column's comparator says "equal": the grid keeps the sort state and draws the arrows, and the order
 * itself is put by the grid's postSortRows with keys read once per row (rowSort.ts).
 */
const SORTED_ELSEWHERE = () => 0;
// The React editors as AG Grid's editor classes, made once (a new class per build would be a new editor type).
const FIELD_EDITOR = reactCellEditor(FieldCellEditor);
const LINK_EDITOR = reactCellEditor(LinkCellEditor);

export { cellKey };

/**
 * A totals row's label (合计（139 条）, 实缴出资合计（50 笔）…, in the first column) runs on over the columns after
 * it that the row leaves empty, up to the first column of figures: in a narrow first column (基金详情's 日期) it
 * was cut off (「实缴出资合计…」). Body rows keep one cell per column.
 */
function labelSpan(p: ColSpanParams<Row>): number {
  if (!p.node?.rowPinned || !p.data) return 1;
  const cols = p.api.getAllDisplayedColumns();
  let n = 1;
  for (let j = cols.indexOf(p.column) + 1; j < cols.length; j++) {
    const c = cols[j] as (typeof cols)[number];
    if (c.getPinned() !== p.column.getPinned() || c.getColDef().type === 'rightAligned') break;
    const v = p.data[c.getColId()];
    if (v != null && v !== '') break;
    n++;
  }
  return n;
}

/** Build AG Grid column definitions from the shared column specs, in the unit the user chose. */
export function buildColDefs(
  specs: ColumnSpec[],
  unit: Unit,
  options: Options,
  errors: CellErrors,
  /** The ledger shown, so that its own name column links to the record's detail view. */
  self?: string,
  /** Edits in progress and refused edits (their text and reason), shared with the grid's edit handler. */
  memo?: CellEditMemo,
): ColDef<Row>[] {
  const resolver = (entity: LinkEntity, text: string) => resolveByName(entity, options[entity] ?? [], text);
  // Columns holding a refused edit (keys are `id:field`): only their cells get the error mark and tooltip. A
  // class rule and a tooltip getter on every column ran for every cell each time one was drawn (a sort
  // draws a screenful anew); the definitions are rebuilt whenever the errors change.
  const withErrors = new Set([...errors.keys()].map((k) => k.slice(k.indexOf(':') + 1)));
  return specs.map((spec, i) => {
    const cellText = cellTextOf(spec, unit);
    const text = (p: { value: unknown; data?: Row }) => cellText(p.value, p.data);
    const def: ColDef<Row> = {
      colId: spec.field,
      field: spec.field,
      headerName: headerWithUnit(spec, UNIT_LABEL[unit]),
      headerTooltip: spec.required ? `${spec.header}（必填）` : spec.header,
      // initial…: set when the column is made; later column-def updates (unit, options) keep what the
      // user chose (widths, hidden columns, pinning), which the remembered layout restores.
      initialWidth: spec.width ?? 140,
      initialHide: spec.hidden === true,
      editable: (p) => !spec.readOnly && !p.node.rowPinned,
      valueFormatter: (p: ValueFormatterParams<Row>) =>
        p.node?.rowPinned && spec.kind !== 'money' ? String(p.value ?? '') : text(p),
      // The text the cell shows: from the row's own value, not the filter value (money as a float in the
      // unit), so that amounts are found as they are written.
      getQuickFilterText: (p) => cellText(p.data?.[spec.field], p.data),
      // A read-only column's class is fixed: a rule is run for every cell each time it is drawn.
      ...(spec.readOnly ? { cellClass: 'fd-cell-readonly' } : {}),
      ...(withErrors.has(spec.field)
        ? {
            tooltipValueGetter: (p: { data?: Row }) =>
              p.data ? errors.get(cellKey(p.data.id, spec.field)) : undefined,
            cellClassRules: {
              'fd-cell-error': (p: { data?: Row }) =>
                Boolean(p.data && errors.has(cellKey(p.data.id, spec.field))),
            },
          }
        : {}),
      cellEditorParams: {
        useFormatter: true,
        required: spec.required,
        getValidationErrors: ({ value }: { value: unknown }) => {
          if (spec.kind === 'link' || spec.kind === 'enum') return null;
          const r = parseCell(spec, value, unit, resolver);
          return r.ok ? null : [r.error];
        },
      },
      valueParser: (p) => {
        const r = parseCell(spec, p.newValue, unit, resolver);
        return r.ok ? r.value : p.oldValue;
      },
      comparator: SORTED_ELSEWHERE,
    };
    if (spec.pinned) def.initialPinned = spec.pinned;
    if (i === 0) def.colSpan = labelSpan;
    // Notes take the room left at the right, so short ledgers fill the grid.
    if (spec.field === 'notes' || spec.field === 'note') {
      def.initialFlex = 1;
      def.minWidth = spec.width ?? 200;
    }
    if (spec.kind !== 'enum' && spec.kind !== 'link' && spec.kind !== 'multiEnum') {
      // Typed values are parsed by the editor itself, with the message shown at the cell.
      def.cellEditor = FIELD_EDITOR;
      def.cellEditorParams = fieldEditorParams(spec, unit, resolver, memo);
      def.valueParser = (p) => p.newValue;
    }
    // Names of funds and enterprises are links to their detail views.
    const target =
      spec.kind === 'link' && spec.link in DETAIL_ROUTE
        ? { target: spec.link as DetailEntity, idField: spec.field }
        : spec.field === 'name' && self && self in DETAIL_ROUTE
          ? { target: self as DetailEntity, idField: 'id' }
          : null;
    if (target) {
      def.cellRenderer = LinkCell;
      def.cellRendererParams = target;
    }
    switch (spec.kind) {
      case 'money':
        def.type = 'rightAligned';
        def.filter = 'agNumberColumnFilter';
        def.filterValueGetter = (p) => {
          const v = p.data?.[spec.field];
          return typeof v === 'number' ? fenToUnit(v, unit) : null;
        };
        break;
      case 'number':
      case 'ratio':
        def.type = 'rightAligned';
        def.filter = 'agNumberColumnFilter';
        break;
      case 'date':
        def.filter = 'agTextColumnFilter';
        def.filterParams = {
          filterOptions: ['contains', 'startsWith', 'greaterThan', 'lessThan', 'blank', 'notBlank'],
        };
        break;
      case 'enum':
        def.cellEditor = 'agSelectCellEditor';
        def.cellEditorParams = {
          ...def.cellEditorParams,
          values: spec.nullable ? [null, ...spec.set.codes] : [...spec.set.codes],
          formatValue: (v: unknown) => (v == null ? '（空）' : (spec.set.label[String(v)] ?? String(v))),
        };
        def.valueParser = (p) => p.newValue;
        def.filter = 'agTextColumnFilter';
        def.filterValueGetter = (p) =>
          text({ value: p.data?.[spec.field], ...(p.data ? { data: p.data } : {}) });
        break;
      case 'link':
        def.cellEditor = LINK_EDITOR;
        def.cellEditorPopup = true;
        def.cellEditorParams = { ...def.cellEditorParams, options: options[spec.link] ?? [] };
        def.valueParser = (p) => p.newValue;
        def.filter = 'agTextColumnFilter';
        def.filterValueGetter = (p) => String(p.data?.[spec.nameField] ?? '');
        break;
      case 'multiEnum':
      case 'bool':
        def.filter = 'agTextColumnFilter';
        def.filterValueGetter = (p) =>
          text({ value: p.data?.[spec.field], ...(p.data ? { data: p.data } : {}) });
        break;
      default:
        def.filter = 'agTextColumnFilter';
        if (spec.kind === 'text' && spec.multiline)
          def.cellEditorParams = { ...def.cellEditorParams, maxLength: 2000 };
    }
    return def;
  });
}

/** The pinned totals row: money columns summed over the rows the filter shows. */
export function totalsRow(specs: ColumnSpec[], rows: Row[], countLabel: string): Row {
  const sums: Record<string, number> = {};
  for (const s of specs) {
    if (!s.total) continue;
    let sum = 0;
    for (const r of rows) {
      const v = r[s.field];
      if (typeof v === 'number') sum += v;
    }
    sums[s.field] = sum;
  }
  return totalsRowOf(specs, rows.length, sums, countLabel);
}

/** The totals row from a count and the money columns' sums (a large ledger's, read in SQL). */
export function totalsRowOf(
  specs: ColumnSpec[],
  count: number,
  sums: Record<string, number>,
  countLabel: string,
): Row {
  const first = specs[0]?.field ?? 'name';
  const total: Row = { id: -1, [first]: `合计（${count.toLocaleString('en-US')} ${countLabel}）` };
  for (const s of specs) if (s.total) total[s.field] = sums[s.field] ?? 0;
  return total;
}
