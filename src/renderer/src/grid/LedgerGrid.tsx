// The generic ledger grid: its rows come from useLedgerRows.ts (a large ledger's blocks from useLargeLedger.ts),
// its 合计 row from useGridTotals.ts, editing from useRecordEditing.ts. Kept whole past ~450 lines because what
// is left is the wiring of those hooks into one AG Grid and its toolbar: the props and callbacks each hook needs
// from the others; split further, each piece would only pass the same values through.
import {
  DeleteOutlined,
  PlusOutlined,
  ProfileOutlined,
  ReloadOutlined,
  SnippetsOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { ColumnSpec } from '@shared/columns/spec';
import type { Entity } from '@shared/domain';
import type { Unit } from '@shared/money';
import type {
  CellDoubleClickedEvent,
  ColDef,
  FilterChangedEvent,
  GridApi,
  GridReadyEvent,
  PostSortRowsParams,
} from 'ag-grid-community';
import { Button, Space, Spin, Tooltip, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { UnitSwitch } from '../components/UnitSwitch';
import { onScreen } from '../lib/onScreen';
import { readOnlyTip, useReadOnly } from '../lib/readOnly';
import { AgGrid } from './AgGrid';
import { gridLocale, gridTheme } from './ag';
import { ColumnChooser } from './ColumnChooser';
import { showTruncatedTitle } from './cellTitles';
import { buildColDefs, type Options, type Row } from './colDefs';
import { DrawAhead, FIRST_BUFFER, idle } from './drawAhead';
import { DETAIL_ROUTE, type DetailEntity, openDetail } from './LinkCell';
import { AddRecordModal, PasteDialog, PreloadDialogs } from './lazyDialogs';
import { fitMoneyColumns } from './moneyWidths';
import { QuickSearch } from './quickSearch';
import { type SortBy, sortKeyOf, sortRows, TextRanks } from './rowSort';
import { SearchBox } from './SearchBox';
import { useGridLayout } from './useGridLayout';
import { type TotalsExtra, useGridTotals } from './useGridTotals';
import { useLargeLedger } from './useLargeLedger';
import { useLedgerRows } from './useLedgerRows';
import { useRecordEditing } from './useRecordEditing';

const rowSelection = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const getRowId = (p: { data: Row }) => String(p.data.id);
const getRowClass = (p: { node: { rowPinned?: unknown } }) => (p.node.rowPinned ? 'fd-total-row' : undefined);
const defaultColDef: ColDef<Row> = {
  sortable: true,
  resizable: true,
  filter: true,
  floatingFilter: false,
  // Long headers wrap onto a second line of a fixed-height header (headerHeight below; the full text is
  // the header's tooltip): measuring each header's height (autoHeaderHeight) forced a layout per header
  // cell while the first rows were drawn, a sixth of their time.
  wrapHeaderText: true,
  // Delete on a row deletes the record (after a confirm), it does not also blank the cell.
  suppressKeyboardEvent: (p) => !p.editing && p.event.key === 'Delete',
};

export interface LedgerGridProps {
  gridId: string;
  entity: Entity;
  /** e.g. “子基金” — used in buttons and messages. */
  noun: string;
  /** Measure word for the totals row: 只、条、笔、个、家. */
  unitWord: string;
  columns: ColumnSpec[];
  where?: Record<string, string | number>;
  /** Values every new record gets (e.g. kind = 'sub'). */
  defaults?: Record<string, unknown>;
  defaultUnit?: Unit;
  /** A unit chosen by the page around the grid (a detail view): the grid then shows no unit switch. */
  unit?: Unit;
  /** Extra buttons (paste, export …) shown in the toolbar. */
  extra?: (ctx: { gridApi: GridApi<Row> | null; unit: Unit; rows: Row[]; options: Options }) => ReactNode;
  /** Open a row's detail view (double-click a read-only cell, Alt+Enter). Funds and enterprises have one. */
  onOpenRow?: (row: Row) => void;
  /** More in the totals row than money sums (e.g. cash flows by type), from the rows the filter shows. */
  totalsExtra?: TotalsExtra;
  height?: number | string;
}

/** The columns the grid shows (a large ledger's quick search looks in these). */
const shownFields = (g: GridApi<Row>) =>
  (g.getColumns() ?? []).filter((c) => c.isVisible()).map((c) => c.getColId());

export function LedgerGrid(props: LedgerGridProps) {
  const { entity, columns, where } = props;
  const gridRef = useRef<GridApi<Row> | null>(null);
  const [gridApi, setGridApi] = useState<GridApi<Row> | null>(null);
  const [adding, setAdding] = useState(false);
  // The search box keeps its own text (a keystroke redraws the box, not the whole grid); this is what it
  // starts from: a remembered search.
  const [quickStart, setQuickStart] = useState('');
  const [selected, setSelected] = useState<Row | null>(null);
  const [paste, setPaste] = useState<{ text: string; order: ColumnSpec[] } | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const openRow =
    props.onOpenRow ??
    (entity in DETAIL_ROUTE ? (row: Row) => openDetail(entity as DetailEntity, row.id) : undefined);
  const grid = useGridLayout(props.gridId, props.defaultUnit ?? 'wan');
  const { layout, save, captureFrom } = grid;
  const unit = props.unit ?? grid.unit;

  const { errors, memo, undo, onCellEdit, deleteSelected, doUndo, onPasted, addRecord, checkRecord } =
    useRecordEditing({
      entity,
      where,
      noun: props.noun,
      columns,
      unit,
      defaults: props.defaults,
      gridRef,
      boxRef,
      openRow,
      setAdding,
    });

  const { rowsQuery, rows, partial, loadingRest, options, onFirstDataRendered } = useLedgerRows(
    entity,
    where,
    columns,
    layout,
  );
  // A large ledger's grid reads its rows in blocks, sorted, filtered and totalled in SQL (useLargeLedger.ts).
  const large = useLargeLedger({
    entity,
    where,
    columns,
    unit,
    unitWord: props.unitWord,
    gridRef,
    version: rowsQuery.dataUpdatedAt,
  });
  const pages = large.source;

  const readOnly = useReadOnly();
  const colDefs = useMemo(() => {
    const defs = buildColDefs(columns, unit, options, errors, entity, memo);
    return readOnly ? defs.map((d) => ({ ...d, editable: false })) : defs;
  }, [columns, unit, options, errors, entity, memo, readOnly]);

  const unitRef = useRef(unit);
  unitRef.current = unit;
  const hasMoney = columns.some((c) => c.kind === 'money');
  const { refreshTotals, markStale, onModelUpdated } = useGridTotals({
    gridRef,
    columns,
    unitWord: props.unitWord,
    totalsExtra: props.totalsExtra,
    unit,
    loadingRest,
    inSql: pages !== null,
  });

  const openPaste = useCallback(
    (text: string) => {
      const g = gridRef.current;
      const shown = g ? g.getAllDisplayedColumns().map((c) => c.getColId()) : columns.map((c) => c.field);
      const order = shown.flatMap((id) => columns.filter((c) => c.field === id));
      setPaste({ text, order });
    },
    [columns],
  );

  // Ctrl+V on the grid (not while editing a cell) opens the paste preview with the clipboard's rows.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (readOnly || !onScreen(boxRef.current)) return;
      const t = e.target as HTMLElement | null;
      if (t?.closest?.('input, textarea, [contenteditable="true"], .ant-modal, .ant-select')) return;
      if ((gridRef.current?.getEditingCells().length ?? 0) > 0) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      openPaste(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [openPaste, readOnly]);

  // One search per grid (its columns are fixed per page); a new unit is given to it by reset below.
  const [search] = useState(() => new QuickSearch(columns, unit));
  useEffect(() => () => search.stop(), [search]);
  // A small ledger's other rows are drawn once idle (drawAhead.ts): a sort then only moves rows.
  const [ahead] = useState(() => new DrawAhead());
  useEffect(() => () => ahead.stop(), [ahead]);
  // Money columns widened to their largest figure (moneyWidths.ts): at once on a unit switch, once idle when
  // rows come in (fitSoon). The columns through a ref: some pages (审计) pass a new array on each render.
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  useEffect(() => {
    const g = gridRef.current;
    if (!g) return;
    search.reset(g, unit);
    if (search.isPresent()) g.onFilterChanged();
    fitMoneyColumns(g, columnsRef.current, unit, boxRef.current);
  }, [search, unit]);
  // One fit per idle moment however many row updates come before it, on the grid last named.
  const fitFor = useRef<GridApi<Row> | null>(null);
  const fitSoon = useCallback((g: GridApi<Row>) => {
    const pending = fitFor.current !== null;
    fitFor.current = g;
    if (pending) return;
    idle(() => {
      const api = fitFor.current;
      fitFor.current = null;
      if (api) fitMoneyColumns(api, columnsRef.current, unitRef.current, boxRef.current);
    });
  }, []);

  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const onGridReady = useCallback(
    (e: GridReadyEvent<Row>) => {
      const l = layoutRef.current;
      gridRef.current = e.api;
      setGridApi(e.api);
      if (l?.columns) e.api.applyColumnState({ state: l.columns, applyOrder: true });
      if (l?.filter) e.api.setFilterModel(l.filter);
      search.reset(e.api, unitRef.current);
      pages?.setFields(shownFields(e.api));
      if (l?.quick) {
        if (pages) {
          pages.setQuick(l.quick);
          e.api.purgeInfiniteCache();
        } else {
          search.set(l.quick);
          e.api.onFilterChanged();
        }
        setQuickStart(l.quick);
      } else if (!pages && search.isPresent()) {
        // Text typed while the grid was being made (before this event gave us its api): AG Grid read
        // isExternalFilterPresent once as it started and keeps that answer until told the filter changed,
        // so without this the rows stayed unfiltered under the typed text (import.spec, 2 runs in 12).
        e.api.onFilterChanged();
      }
    },
    [search, pages],
  );

  // Stable handlers: a new function or object on each render would make the grid redo work for nothing.
  const onQuick = useCallback(
    (text: string) => {
      // The grid filters at once (a large one reads its rows again); the box and the remembered layout follow.
      if (pages) {
        if (pages.setQuick(text)) gridRef.current?.refreshInfiniteCache();
      } else {
        ahead.beforeFilter();
        if (search.set(text)) gridRef.current?.onFilterChanged();
      }
      save({ quick: text });
    },
    [save, search, pages, ahead],
  );
  const onColumnVisible = useCallback(
    (e: { api: GridApi<Row> }) => {
      search.reset(e.api, unitRef.current);
      if (pages) {
        pages.setFields(shownFields(e.api));
        if (pages.isSearching()) e.api.refreshInfiniteCache();
      } else if (search.isPresent()) e.api.onFilterChanged();
      captureFrom(e.api);
      // A money column shown again was not fitted while hidden.
      fitSoon(e.api);
    },
    [search, captureFrom, pages, fitSoon],
  );
  // The rows' order under the grid's sort (see rowSort.ts); text ranks are kept per column between sorts.
  const sortKeys = useMemo(
    () => new Map(columns.map((c) => [c.field, { key: sortKeyOf(c), ranks: new TextRanks() }])),
    [columns],
  );
  const postSortRows = useCallback(
    (p: PostSortRowsParams<Row>) => {
      const by: SortBy[] = [];
      const sorted = (p.api.getColumns() ?? [])
        .filter((c) => c.getSort())
        .sort((a, b) => (a.getSortIndex() ?? 0) - (b.getSortIndex() ?? 0));
      for (const c of sorted) {
        const k = sortKeys.get(c.getColId());
        if (k) by.push({ key: k.key, ranks: k.ranks, descending: c.getSort() === 'desc' });
      }
      sortRows(p.nodes, (n) => n.data, by);
    },
    [sortKeys],
  );
  const onRowDataUpdated = useCallback(
    (e: { api: GridApi<Row> }) => {
      markStale();
      search.warm(e.api);
      if (!pages) ahead.start(e.api);
      fitSoon(e.api);
    },
    [search, markStale, pages, ahead, fitSoon],
  );
  // A large ledger's rows come in blocks (no rowDataUpdated): its totals and first block are fitted.
  const onFirstRows = useCallback(
    (e: { api: GridApi<Row> }) => {
      onFirstDataRendered();
      if (pages) fitSoon(e.api);
    },
    [onFirstDataRendered, pages, fitSoon],
  );
  const onFilterChanged = useCallback(
    (e: FilterChangedEvent<Row>) => {
      refreshTotals();
      captureFrom(e.api);
    },
    [refreshTotals, captureFrom],
  );
  const onLayoutChanged = useCallback(
    (e: { api: GridApi<Row>; finished?: boolean }) => {
      if (e.finished !== false) captureFrom(e.api);
    },
    [captureFrom],
  );
  const onSelectionChanged = useCallback(
    (e: { api: GridApi<Row> }) => setSelected(e.api.getSelectedRows()[0] ?? null),
    [],
  );
  const openRowRef = useRef(openRow);
  openRowRef.current = openRow;
  const onCellDoubleClicked = useCallback((e: CellDoubleClickedEvent<Row>) => {
    // Editable cells edit on double-click; read-only ones open the record.
    const open = openRowRef.current;
    if (!open || !e.data || e.node.rowPinned) return;
    if (e.column.isCellEditable(e.node)) return;
    open(e.data);
  }, []);

  if (layout === null) return null;

  return (
    <div className="fd-ledger" ref={boxRef}>
      <div className="fd-toolbar">
        <Space wrap>
          <Tooltip title={readOnly ? readOnlyTip(readOnly) : undefined}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!!readOnly}
              onClick={() => setAdding(true)}
            >
              新增{props.noun}
            </Button>
          </Tooltip>
          <Tooltip title={readOnly ? readOnlyTip(readOnly) : '删除选中的行（Delete）'}>
            <Button
              icon={<DeleteOutlined />}
              danger
              disabled={!selected || !!readOnly}
              onClick={deleteSelected}
            >
              删除
            </Button>
          </Tooltip>
          <Tooltip title={undo.peek()?.label ?? '没有可撤销的操作'}>
            <Button
              icon={<UndoOutlined />}
              disabled={undo.size === 0 || !!readOnly}
              onClick={() => void doUndo()}
            >
              撤销
            </Button>
          </Tooltip>
          <Tooltip
            title={
              readOnly ? readOnlyTip(readOnly) : '粘贴从 Excel、WPS 复制的行（也可在表格上直接按 Ctrl+V）'
            }
          >
            <Button
              icon={<SnippetsOutlined />}
              disabled={!!readOnly}
              onClick={() => openPaste('')}
              data-testid="paste-open"
            >
              粘贴导入
            </Button>
          </Tooltip>
          {openRow ? (
            <Tooltip title="查看选中行的详情（Alt+Enter），也可点击名称">
              <Button
                icon={<ProfileOutlined />}
                disabled={!selected}
                onClick={() => selected && openRow(selected)}
              >
                详情
              </Button>
            </Tooltip>
          ) : null}
          {props.extra?.({ gridApi, unit, rows, options })}
        </Space>
        <Space wrap>
          <SearchBox key={quickStart} start={quickStart} onChange={onQuick} />
          {loadingRest ? (
            <Typography.Text type="secondary" data-testid="grid-loading-rest">
              <Spin size="small" /> 正在载入其余行…
            </Typography.Text>
          ) : null}
          {props.unit || !hasMoney ? null : <UnitSwitch value={unit} onChange={(u) => save({ unit: u })} />}
          <ColumnChooser gridApi={gridApi} columns={columns} />
          <Tooltip title="重新读取">
            <Button icon={<ReloadOutlined />} onClick={() => void rowsQuery.refetch()} />
          </Tooltip>
        </Space>
      </div>
      {rowsQuery.error ? (
        <Typography.Text type="danger">读取失败：{(rowsQuery.error as Error).message}</Typography.Text>
      ) : null}
      <div
        className="fd-grid"
        style={{ height: props.height ?? 'calc(100vh - 210px)' }}
        data-testid={`grid-${props.gridId}`}
        data-loading={loadingRest ? 'rest' : undefined}
        onMouseOver={showTruncatedTitle}
      >
        {large.known || rowsQuery.error ? (
          <AgGrid<Row>
            // The row model cannot change on a live grid: a ledger that grows past the threshold gets a new one.
            key={pages ? 'infinite' : 'client'}
            {...(large.gridProps ?? {
              rowData: rows,
              postSortRows,
              isExternalFilterPresent: search.isPresent,
              doesExternalFilterPass: search.passes,
            })}
            pinnedBottomRowData={large.firstTotals}
            theme={gridTheme}
            localeText={gridLocale}
            columnDefs={colDefs}
            getRowId={getRowId}
            readOnlyEdit
            // Rows take their new places at once: the sliding animation held a sort or search back 400 ms.
            animateRows={false}
            // Only the columns in view are drawn (AG Grid's column virtualisation, its default): the 投资 grid's
            // first screenful at 1440 px is 230 cells instead of 322, each built, laid out and painted while a
            // ledger opens. The others are drawn as the grid is scrolled sideways or the keyboard reaches them.
            headerHeight={48}
            onRowDataUpdated={onRowDataUpdated}
            onCellEditRequest={onCellEdit}
            invalidEditValueMode="block"
            stopEditingWhenCellsLoseFocus
            enterNavigatesVerticallyAfterEdit
            // Rows drawn beyond the visible ones (10 by default): each costs every redraw (a sort, a search).
            rowBuffer={FIRST_BUFFER}
            rowSelection={rowSelection}
            onSelectionChanged={onSelectionChanged}
            defaultColDef={defaultColDef}
            // Tooltips (header texts, a refused edit's reason) as title attributes: AG Grid's own set up a
            // tooltip manager with five listeners on every cell it drew (1,600 listeners per sort at 1x).
            // A cell's text cut off by its width gets its title on hover (cellTitles.ts).
            enableBrowserTooltips
            onGridReady={onGridReady}
            onModelUpdated={onModelUpdated}
            onFirstDataRendered={onFirstRows}
            onFilterChanged={onFilterChanged}
            onSortChanged={onLayoutChanged}
            onColumnResized={onLayoutChanged}
            onColumnMoved={onLayoutChanged}
            onColumnVisible={onColumnVisible}
            onCellDoubleClicked={onCellDoubleClicked}
            getRowClass={getRowClass}
            loading={rowsQuery.isLoading && !partial}
            overlayNoRowsTemplate={`<span>还没有${props.noun}，点击“新增${props.noun}”或按 Ctrl+N 添加</span>`}
          />
        ) : (
          <Spin className="fd-grid-wait" />
        )}
      </div>
      <PreloadDialogs ready={rows.length > 0 || !rowsQuery.isLoading} />
      {paste ? (
        <PasteDialog
          open
          initialText={paste.text}
          entity={entity}
          noun={props.noun}
          columns={columns}
          visibleOrder={paste.order}
          unit={unit}
          options={options}
          defaults={props.defaults}
          onClose={() => setPaste(null)}
          onAdded={onPasted}
        />
      ) : null}
      {/* Mounted only while open: its lists (50,000 enterprises at 100x) cost every render of the grid. */}
      {adding ? (
        <AddRecordModal
          open
          title={`新增${props.noun}`}
          columns={columns}
          unit={unit}
          options={options}
          onClose={() => setAdding(false)}
          check={checkRecord}
          onSubmit={addRecord}
        />
      ) : null}
    </div>
  );
}
