import type { Unit } from '@shared/money';
import type { ColumnState, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { readLayout } from './ledgerRows';

export interface GridLayout {
  unit?: Unit;
  columns?: ColumnState[];
  filter?: Record<string, unknown>;
  quick?: string;
}

/** Columns, widths, sort, filters and unit of one grid, kept in the database across restarts. */
export function useGridLayout(gridId: string, defaultUnit: Unit) {
  const [layout, setLayout] = useState<GridLayout | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<GridLayout>({});

  useEffect(() => {
    let alive = true;
    readLayout(gridId)
      .then((v) => {
        if (!alive) return;
        const l = (v as GridLayout | null) ?? {};
        latest.current = l;
        setLayout(l);
      })
      .catch(() => alive && setLayout({}));
    return () => {
      alive = false;
    };
  }, [gridId]);

  const save = useCallback(
    (patch: GridLayout) => {
      latest.current = { ...latest.current, ...patch };
      if (patch.unit) setLayout((l) => ({ ...l, unit: patch.unit }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void api('settings.set', { key: `grid:${gridId}`, value: latest.current });
      }, 400);
    },
    [gridId],
  );

  const captureFrom = useCallback(
    (g: GridApi) => save({ columns: g.getColumnState(), filter: g.getFilterModel() }),
    [save],
  );

  return { layout, unit: layout?.unit ?? defaultUnit, save, captureFrom };
}
