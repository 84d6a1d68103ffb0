import type { ColumnSpec } from '@shared/columns/spec';
import type { LedgerPage } from '@shared/contract/ledger';
import type { Entity } from '@shared/domain';
import type { Unit } from '@shared/money';
import { useQuery } from '@tanstack/react-query';
import type { GridApi } from 'ag-grid-community';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { type Row, totalsRowOf } from './colDefs';
import { largeLedgerRows, sizeKey } from './ledgerRows';
import { BLOCK_ROWS, PageSource } from './pageSource';

/** Blocks a large ledger's grid keeps (the rest are read again when scrolled back to). */
const MAX_BLOCKS = 30;

/**
 * Whether a ledger is large (more than largeLedgerRows() rows: known from its first page, ledgerRows.ts) and,
 * if so, its grid's Infinite Row Model: the datasource (pageSource.ts), the 合计 row from the count and sums
 * read in SQL, the search text and shown columns handed to the datasource, and the blocks read again after
 * every write (a write refetches the ledger's rows query: `version` changes).
 */
export function useLargeLedger(p: {
  entity: Entity;
  where: Record<string, string | number> | undefined;
  columns: ColumnSpec[];
  unit: Unit;
  unitWord: string;
  gridRef: RefObject<GridApi<Row> | null>;
  version: number;
}) {
  const { entity, where, columns, unit, unitWord, gridRef, version } = p;
  const size = useQuery({
    queryKey: sizeKey(entity, where),
    queryFn: () => Promise.resolve(null),
    enabled: false,
  });
  const seed = (size.data ?? null) as LedgerPage | null;
  const known = seed !== null;
  const large = known && (seed.count ?? 0) > largeLedgerRows();
  const seedRef = useRef(seed);
  seedRef.current = seed;
  const unitRef = useRef(unit);
  unitRef.current = unit;
  const labelRef = useRef({ columns, unitWord });
  labelRef.current = { columns, unitWord };

  const whereKey = JSON.stringify(where ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: one datasource per ledger (where by value)
  const source = useMemo(() => {
    if (!large) return null;
    return new PageSource(entity, where, unitRef.current, seedRef.current, (s) => {
      const { columns: cols, unitWord: word } = labelRef.current;
      gridRef.current?.setGridOption('pinnedBottomRowData', [totalsRowOf(cols, s.count, s.totals, word)]);
    });
  }, [large, entity, whereKey, gridRef]);

  // A write refetched the ledger: its count, sums and blocks are read again. A new datasource was made from
  // the data of this version: its first block is that seed (dropping it cost a second request on opening).
  const seen = useRef({ version, source });
  useEffect(() => {
    const before = seen.current;
    seen.current = { version, source };
    if (!source || before.source !== source || before.version === version) return;
    source.invalidate();
    gridRef.current?.refreshInfiniteCache();
  }, [version, source, gridRef]);

  // Money filters are typed in the unit shown: another unit reads the rows again.
  useEffect(() => {
    if (!source) return;
    source.setUnit(unit);
    const g = gridRef.current;
    if (g && Object.keys(g.getFilterModel() ?? {}).length > 0) g.refreshInfiniteCache();
  }, [unit, source, gridRef]);

  const gridProps = useMemo(
    () =>
      source
        ? {
            rowModelType: 'infinite' as const,
            datasource: source,
            cacheBlockSize: BLOCK_ROWS,
            maxBlocksInCache: MAX_BLOCKS,
            // One placeholder row until the first block answers (AG Grid asks for it in a timer even when
            // it is at hand, the seed): a placeholder per row in view was drawn, then every one of them
            // destroyed and drawn again with its record (a trace showed the rows drawn twice).
            infiniteInitialRowCount: 1,
          }
        : null,
    [source],
  );

  /** The first totals row: from the first page's count and sums. */
  const firstTotals = useMemo(
    () =>
      source && seedRef.current?.count !== undefined
        ? [totalsRowOf(columns, seedRef.current.count, seedRef.current.totals ?? {}, unitWord)]
        : undefined,
    [source, columns, unitWord],
  );

  return { known, source, gridProps, firstTotals };
}
