// AG Grid drawn by AG Grid itself (createGrid) inside a React component. Own code instead of ag-grid-react's
// AgGridReact because that draws every header, row and cell of the grid as React components: a ledger opened
// from the menu paid React's render of each cell on top of AG Grid's own work. 总览 → 现金流 (not prepared), the
// first rows painted: 146.5 → 128.1 ms (alternating minified builds, medians of 16, 1x, 2-core machine). What
// this does is what AgGridReact does with its props: the grid is created once with them, each prop that
// changes is passed on with updateGridOptions, and the grid is destroyed with the component. The few editors
// written in React (reactEditor.tsx) render through portals of this component, so antd's locale and theme reach
// them as before.
import { createGrid, type GridApi, type GridOptions, type ManagedGridOptions } from 'ag-grid-community';
import { type ReactPortal, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EDITOR_PORTALS, type PortalHost } from './reactEditor';

export function AgGrid<T>(props: GridOptions<T>) {
  const box = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<T> | null>(null);
  const given = useRef<GridOptions<T>>(props);
  const [portals, setPortals] = useState<ReactPortal[]>([]);
  const host = useMemo<PortalHost>(
    () => ({
      add: (p) => setPortals((all) => [...all, p]),
      remove: (p) => setPortals((all) => all.filter((q) => q !== p)),
    }),
    [],
  );
  const withHost = (o: GridOptions<T>): GridOptions<T> => ({
    ...o,
    context: { ...(o.context as object | undefined), [EDITOR_PORTALS]: host },
  });

  // Created in a layout effect: its box is in the page and has its size, and the grid's first layout is done
  // in the same task as the page's. Later props go through updateGridOptions (below).
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once, with the props of the first render
  useLayoutEffect(() => {
    api.current = createGrid<T>(box.current as HTMLDivElement, withHost(given.current));
    return () => {
      api.current?.destroy();
      api.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const grid = api.current;
    const before = given.current;
    if (!grid || before === props) return;
    given.current = props;
    const changed: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(props)])) {
      const k = key as keyof GridOptions<T>;
      if (before[k] !== props[k]) changed[key] = props[k];
    }
    if (Object.keys(changed).length === 0) return;
    if ('context' in changed) changed.context = withHost(props).context;
    grid.updateGridOptions(changed as ManagedGridOptions<T>);
  });

  return (
    <>
      <div ref={box} style={{ width: '100%', height: '100%' }} />
      {portals}
    </>
  );
}
