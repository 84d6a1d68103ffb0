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
  // Nothing is written before the stored layout is read: a change made earlier (the grid reports its columns
  // as it starts) would otherwise replace the stored unit, sort and filters with its own few fields.
  const loaded = useRef(false);
  const pending = useRef(false);
  const write = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = latest.current;
    void api('settings.set', { key: `grid:${gridId}`, value }).then(() => unsent.done(gridId, value));
  }, [gridId]);
  // Column drags and resizes come in bursts and are written 400 ms after the last; a unit is one click and is
  // written at once (a reload or quit right after it keeps it).
  const persist = useCallback(
    (now = false) => {
      if (timer.current) clearTimeout(timer.current);
      if (now) write();
      else timer.current = setTimeout(write, 400);
    },
    [write],
  );
  // A write still waiting when the page goes (a reload, the window closed, another page opened) is made at
  // once: a search typed, or a column moved, just before it was lost (the e2e round trip on PostgreSQL). A
  // reload can still read the stored layout before that write lands (reads go to the reader lane): `unsent`
  // keeps the change in the tab until the write has answered, and the reloaded grid starts from it.
  useEffect(() => {
    const flush = () => {
      if (timer.current) write();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [write]);

  useEffect(() => {
    let alive = true;
    readLayout(gridId)
      .then((v) => {
        if (!alive) return;
        // A unit the user picked before the stored layout arrived (the grid shows its rows first) wins; the
        // columns the grid reported as it started are its defaults, not a choice, and give way to the stored.
        const early = latest.current.unit;
        const kept = unsent.get(gridId);
        const l = { ...(kept ?? (v as GridLayout | null) ?? {}), ...(early ? { unit: early } : {}) };
        latest.current = l;
        loaded.current = true;
        setLayout(l);
        if ((pending.current && early) || kept) persist(true);
      })
      .catch(() => {
        if (!alive) return;
        loaded.current = true;
        setLayout(latest.current.unit ? { unit: latest.current.unit } : {});
      });
    return () => {
      alive = false;
    };
  }, [gridId, persist]);

  const save = useCallback(
    (patch: GridLayout) => {
      latest.current = { ...latest.current, ...patch };
      if (patch.unit) setLayout((l) => ({ ...(l ?? {}), unit: patch.unit }));
      if (loaded.current) {
        unsent.set(gridId, latest.current);
        persist(patch.unit !== undefined);
      } else pending.current = true;
    },
    [persist, gridId],
  );

  const captureFrom = useCallback(
    (g: GridApi) => save({ columns: g.getColumnState(), filter: g.getFilterModel() }),
    [save],
  );

  return { layout, unit: layout?.unit ?? defaultUnit, save, captureFrom };
}

/**
 * Layout changes not yet confirmed written, kept in the tab's sessionStorage (it outlives a reload, not the
 * window): the last change per grid, dropped once a write of that same layout has answered.
 */
const unsent = {
  key: (gridId: string) => `funddesk:unsent-layout:${gridId}`,
  get(gridId: string): GridLayout | null {
    try {
      const v = sessionStorage.getItem(this.key(gridId));
      return v ? (JSON.parse(v) as GridLayout) : null;
    } catch {
      return null;
    }
  },
  set(gridId: string, layout: GridLayout) {
    try {
      sessionStorage.setItem(this.key(gridId), JSON.stringify(layout));
    } catch {
      // storage full or unavailable: the write to the database still goes
    }
  },
  done(gridId: string, layout: GridLayout) {
    try {
      if (sessionStorage.getItem(this.key(gridId)) === JSON.stringify(layout))
        sessionStorage.removeItem(this.key(gridId));
    } catch {
      // nothing kept
    }
  },
};
