import { formatCell } from '@shared/columns/convert';
import type { ColumnSpec } from '@shared/columns/spec';
import { ApiError } from '@shared/contract/define';
import type { Entity } from '@shared/domain';
import type { Unit } from '@shared/money';
import { validateEntity } from '@shared/schemas/entities';
import { useQueryClient } from '@tanstack/react-query';
import type { CellEditRequestEvent, GridApi } from 'ag-grid-community';
import { App as AntApp } from 'antd';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { onScreen } from '../lib/onScreen';
import { newCellEditMemo } from './cellEditMemo';
import { type CellErrors, cellKey, type Row } from './colDefs';
import { rowsKey } from './ledgerRows';
import { type RowChange, withChange } from './rowChange';
import { useUndo } from './useUndo';

/** The version of the row the user edited, sent with a save or delete (a stale one is refused, #17). */
const versionOf = (row: Row) => (typeof row.row_version === 'number' ? { version: row.row_version } : {});

/**
 * The editing side of a ledger grid (LedgerGrid keeps loading, sort and quick search): a cell edit saved or
 * refused, add, delete, undo, paste, and the keyboard shortcuts. A refused edit says why (a message, the
 * cell marked) and opens the cell again with the text the user typed; Esc there keeps the old value.
 */
export function useRecordEditing(props: {
  entity: Entity;
  where: Record<string, string | number> | undefined;
  noun: string;
  columns: ColumnSpec[];
  unit: Unit;
  defaults: Record<string, unknown> | undefined;
  gridRef: RefObject<GridApi<Row> | null>;
  boxRef: RefObject<HTMLDivElement | null>;
  openRow: ((row: Row) => void) | undefined;
  setAdding: (on: boolean) => void;
}) {
  const { entity, where, noun, gridRef, boxRef, openRow, setAdding } = props;
  const { message, modal } = AntApp.useApp();
  const qc = useQueryClient();
  const undo = useUndo();
  const [errors, setErrors] = useState<CellErrors>(() => new Map());

  const setCellError = useCallback((id: number, field: string, msg: string | null) => {
    setErrors((prev) => {
      if (!msg && !prev.has(cellKey(id, field))) return prev;
      const next = new Map(prev);
      if (msg) next.set(cellKey(id, field), msg);
      else next.delete(cellKey(id, field));
      return next;
    });
  }, []);
  const memo = useMemo(
    () =>
      newCellEditMemo((id, field) => {
        memo.refused.delete(cellKey(id, field));
        setCellError(id, field, null);
      }),
    [setCellError],
  );

  /**
   * A change made here: into the grid at once, and into the cached rows the grid is given (the totals follow
   * those new rows).
   */
  const change = useCallback(
    (tx: RowChange) => {
      const g = gridRef.current;
      // A large ledger's grid holds blocks, not all rows (pageSource.ts): an updated row is set in place,
      // and the refetch after every write reloads its blocks.
      if (g?.getGridOption('rowModelType') === 'infinite')
        for (const r of tx.update ?? []) g.getRowNode(String(r.id))?.setData(r);
      else g?.applyTransaction(tx);
      qc.setQueryData<Row[]>(rowsKey(entity, where), (old) => (old ? withChange(old, tx) : old));
    },
    [qc, entity, where, gridRef],
  );

  const invalidate = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['ledger'] });
    void qc.invalidateQueries({ queryKey: ['options'] });
    void qc.invalidateQueries({ queryKey: ['overview'] });
    void qc.invalidateQueries({ queryKey: ['report'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  }, [qc]);

  /** Someone else changed the row (#17): show the stored row and say who; nothing of ours was written. */
  const showCurrent = useCallback(
    async (row: Row, msg: string) => {
      message.warning({ content: msg, duration: 8 });
      try {
        change({ update: [(await api('ledger.get', { entity, id: row.id })) as Row] });
      } catch {
        change({ remove: [row] }); // deleted meanwhile
      }
      invalidate();
    },
    [change, entity, invalidate, message],
  );

  const unitRef = useRef(props.unit);
  unitRef.current = props.unit;
  const columnsRef = useRef(props.columns);
  columnsRef.current = props.columns;

  const onCellEditRequest = useCallback(
    async (e: CellEditRequestEvent<Row>) => {
      const field = e.colDef.field!;
      const row = e.data;
      if (!row || e.newValue === e.oldValue) return;
      const key = cellKey(row.id, field);
      try {
        const updated = (await api('ledger.update', {
          entity,
          id: row.id,
          values: { [field]: e.newValue },
          ...versionOf(row),
        })) as Row;
        change({ update: [updated] });
        memo.refused.delete(key);
        memo.typed.delete(key);
        setCellError(row.id, field, null);
        const before = e.oldValue;
        undo.push({
          label: `撤销修改“${e.colDef.headerName}”`,
          undo: async () => {
            const back = (await api('ledger.update', {
              entity,
              id: row.id,
              values: { [field]: before },
              ...versionOf(updated),
            })) as Row;
            change({ update: [back] });
          },
        });
        invalidate();
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        if (err instanceof ApiError && err.code === 'stale') {
          memo.typed.delete(key);
          setCellError(row.id, field, null);
          await showCurrent(row, msg);
          return;
        }
        const issues = err instanceof ApiError ? err.issues : [];
        const target = issues.find((i) => i.field)?.field ?? field;
        setCellError(row.id, target, msg);
        message.error({ content: `未保存：${msg}`, duration: 5 });
        // The cell opens again with what the user typed and the reason, ready to correct (Esc: old value).
        const spec = columnsRef.current.find((c) => c.field === field);
        const text =
          memo.typed.get(key) ?? (spec ? formatCell(spec, e.newValue, unitRef.current) : String(e.newValue));
        memo.refused.set(key, { text, message: msg });
        const g = gridRef.current;
        const node = g?.getRowNode(String(row.id));
        if (g && node?.rowIndex != null) {
          g.ensureNodeVisible(node);
          g.setFocusedCell(node.rowIndex, field);
          g.startEditingCell({ rowIndex: node.rowIndex, colKey: field });
        }
      }
    },
    [change, entity, invalidate, message, setCellError, undo, memo, gridRef, showCurrent],
  );
  const editRef = useRef(onCellEditRequest);
  editRef.current = onCellEditRequest;
  const onCellEdit = useCallback((e: CellEditRequestEvent<Row>) => void editRef.current(e), []);

  const deleteSelected = useCallback(() => {
    const row = gridRef.current?.getSelectedRows()[0];
    if (!row) {
      message.info(`请先选中要删除的${noun}`);
      return;
    }
    const name = String(row.name ?? row.fund_name ?? row.enterprise_name ?? `编号 ${row.id}`);
    modal.confirm({
      title: `删除${noun}“${name}”？`,
      content: '删除后可用“撤销”（Ctrl+Z）恢复；删除会记入审计日志。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api('ledger.delete', { entity, id: row.id, ...versionOf(row) });
          change({ remove: [row] });
          undo.push({
            label: `撤销删除“${name}”`,
            undo: async () => {
              const back = (await api('ledger.restore', { entity, row })) as Row;
              change({ add: [back] });
            },
          });
          message.success(`已删除“${name}”，可按 Ctrl+Z 撤销`);
          invalidate();
        } catch (err) {
          if (err instanceof ApiError && err.code === 'stale') await showCurrent(row, err.message);
          else message.error({ content: (err as Error).message, duration: 6 });
        }
      },
    });
  }, [change, entity, invalidate, message, modal, noun, undo, gridRef, showCurrent]);

  const doUndo = useCallback(async () => {
    try {
      const s = await undo.pop();
      if (s) {
        message.success(`已${s.label}`);
        invalidate();
      } else message.info('没有可撤销的操作');
    } catch (err) {
      message.error((err as Error).message);
    }
  }, [undo, message, invalidate]);

  // Keyboard: Ctrl+Z undo, Ctrl+N / Insert add, Delete removes the selected row (when not editing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Only the grid on screen answers (a detail view keeps other tabs' grids mounted but hidden).
      if (!onScreen(boxRef.current)) return;
      if ((e.target as HTMLElement).closest('.ant-modal')) return;
      const t = e.target as HTMLElement;
      const inInput = t.closest('input, textarea, .ant-select, .ant-modal');
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !inInput) {
        e.preventDefault();
        void doUndo();
      } else if (
        ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'n') ||
        (e.key === 'Insert' && !inInput)
      ) {
        e.preventDefault();
        setAdding(true);
      } else if (e.key === 'Enter' && e.altKey && !inInput && openRow) {
        const row = gridRef.current?.getSelectedRows()[0];
        if (row) {
          e.preventDefault();
          openRow(row);
        }
      } else if (e.key === 'Delete' && !inInput && gridRef.current?.getEditingCells().length === 0) {
        if (gridRef.current.getSelectedRows().length > 0) {
          e.preventDefault();
          deleteSelected();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doUndo, deleteSelected, openRow, boxRef, gridRef, setAdding]);

  const onPasted = useCallback(
    (ids: number[]) => {
      invalidate();
      undo.push({
        label: `撤销粘贴导入的 ${ids.length} 行`,
        undo: async () => {
          for (const id of [...ids].reverse()) await api('ledger.delete', { entity, id });
        },
      });
    },
    [entity, invalidate, undo],
  );

  const addRecord = useCallback(
    async (values: Record<string, unknown>) => {
      const created = (await api('ledger.create', {
        entity,
        values: { ...values, ...props.defaults },
      })) as Row;
      change({ add: [created] });
      undo.push({
        label: `撤销新增“${String(created.name ?? created.id)}”`,
        undo: async () => {
          await api('ledger.delete', { entity, id: created.id });
          change({ remove: [created] });
        },
      });
      message.success(`已新增${noun}`);
      invalidate();
      setTimeout(() => {
        const node = gridRef.current?.getRowNode(String(created.id));
        if (node) {
          gridRef.current?.ensureNodeVisible(node);
          node.setSelected(true);
        }
      }, 50);
    },
    [change, entity, invalidate, message, noun, props.defaults, undo, gridRef],
  );

  /** The ledger's rules on a new record as it would be sent, so the form can show them before saving. */
  const checkRecord = useCallback(
    (values: Record<string, unknown>) => {
      const r = validateEntity(entity, { ...values, ...props.defaults });
      return r.ok ? [] : r.issues;
    },
    [entity, props.defaults],
  );

  return { errors, memo, undo, onCellEdit, deleteSelected, doUndo, onPasted, addRecord, checkRecord };
}
