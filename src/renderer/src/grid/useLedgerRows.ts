import type { ColumnSpec } from '@shared/columns/spec';
import type { LinkEntity } from '@shared/contract/ledger';
import type { Entity } from '@shared/domain';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Options, Row } from './colDefs';
import { firstPageKey, firstRowsShown, optionsQuery, rowsQuery as rowsQueryOf } from './ledgerRows';
import type { GridLayout } from './useGridLayout';

const EMPTY: Row[] = [];
/** The longest the names of linked records wait for the first rows to be drawn. */
const NAMES_WAIT_MS = 1_500;

/**
 * A ledger grid's rows and the names of its linked records (for the editors). The first screenful is shown
 * while the rest loads (ledgerRows.ts); a remembered sort or filter applies to every row, so such a grid
 * waits for all of them.
 */
export function useLedgerRows(
  entity: Entity,
  where: Record<string, string | number> | undefined,
  columns: ColumnSpec[],
  layout: GridLayout | null,
) {
  const qc = useQueryClient();
  const rowsQuery = useQuery(useMemo(() => rowsQueryOf(qc, entity, where), [qc, entity, where]));
  // The rows query's data is always every row; the first page is put in the cache while the rest is read.
  const firstPage = useQuery({
    queryKey: firstPageKey(entity, where),
    queryFn: () => Promise.resolve(null),
    enabled: false,
  });
  const plain =
    !layout?.quick &&
    !(layout?.filter && Object.keys(layout.filter).length > 0) &&
    !layout?.columns?.some((c) => c.sort);
  const partial = !rowsQuery.data && plain ? ((firstPage.data ?? null) as Row[] | null) : null;
  const rows = (rowsQuery.data ?? partial ?? EMPTY) as Row[];
  const loadingRest = partial !== null;

  const links = useMemo(
    () => [...new Set(columns.flatMap((c) => (c.kind === 'link' ? [c.link] : [])))] as LinkEntity[],
    [columns],
  );
  // Names of linked records (for the editors): after the rows, and once the first rows are drawn (50,000
  // enterprises at 100x are megabytes; a trace of a menu click showed them parsed, and every column rebuilt
  // on their arrival, while the grid drew its first rows); an empty ledger has no first rows to wait for.
  // `combine` keeps one object while the lists are the same: a new one at every render (a keystroke in the
  // search box) made everything that takes the lists work again.
  const [drawn, setDrawn] = useState(false);
  const combine = useCallback(
    (results: { data?: Options[LinkEntity] }[]) => {
      const o: Options = {};
      links.forEach((l, i) => {
        o[l] = results[i]?.data ?? [];
      });
      return o;
    },
    [links],
  );
  const options = useQueries({
    queries: links.map((l) => ({
      ...optionsQuery(l),
      enabled: (drawn && rowsQuery.data !== undefined) || rowsQuery.data?.length === 0,
    })),
    combine,
  });

  // The rest of a big ledger is read once the first rows are drawn; a grid that keeps a remembered sort or
  // filter shows no first page, so the rest may come at once.
  const whereRef = useRef(where);
  whereRef.current = where;
  const onFirstDataRendered = useCallback(() => {
    requestAnimationFrame(() =>
      setTimeout(() => {
        firstRowsShown(entity, whereRef.current);
        setDrawn(true);
      }, 0),
    );
  }, [entity]);
  useEffect(() => {
    if (layout !== null && !plain) firstRowsShown(entity, whereRef.current);
  }, [layout, plain, entity]);
  // A grid whose filter keeps no row draws none: its editors get the names a moment after the rows.
  const haveRows = rowsQuery.data !== undefined;
  useEffect(() => {
    if (!haveRows || drawn) return;
    const t = setTimeout(() => setDrawn(true), NAMES_WAIT_MS);
    return () => clearTimeout(t);
  }, [haveRows, drawn]);

  return { rowsQuery, rows, partial, loadingRest, options, onFirstDataRendered };
}
