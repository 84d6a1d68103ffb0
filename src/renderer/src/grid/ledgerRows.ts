import type { LedgerPage, LedgerTable, LinkEntity } from '@shared/contract/ledger';
import type { Entity } from '@shared/domain';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../api';

/**
 * A ledger's rows for its grid, kept light (no grid code) so that a page can start reading its rows
 * while its code is still loading.
 */

type Row = Record<string, unknown> & { id: number };
type Where = Record<string, string | number>;

/**
 * Large ledgers (#13): past this many rows a ledger's grid uses AG Grid's Infinite Row Model, its blocks of
 * rows read from `ledger.page` (sorted, filtered, searched and totalled in SQL), and the renderer holds only
 * the blocks in view. Below it the grid keeps every row (instant sort, search and scrolling with no request).
 * Why 20,000: AG Grid's own client-side sort and quick filter cost ~3 ms per 1,000 rows on the 2-core
 * reference machine (260–350 ms and 143–164 ms for 100,000, issue #13), so up to 20,000 rows a sort or a
 * search stays near 60 ms with every row in memory — under the ≤ 80 ms sort target — and the 10x demo
 * (10,000 investments) keeps the client model; past it each step costs more than a block request (~20 ms).
 * A setting in localStorage (`funddesk:largeLedgerRows`) lowers it: the e2e test of the large grid uses it.
 */
export const LARGE_LEDGER_ROWS = 20_000;
const OVERRIDE_KEY = 'funddesk:largeLedgerRows';

export function largeLedgerRows(): number {
  const v = Number(globalThis.localStorage?.getItem(OVERRIDE_KEY));
  return Number.isInteger(v) && v > 0 ? v : LARGE_LEDGER_ROWS;
}

/** Rows in the first page of a ledger: a screenful and the grid's row buffer, with room to spare. */
export const FIRST_PAGE = 100;

/** The rest comes in pages this big: no single request holds the other side up for long. */
const REST_PAGE = 25_000;

export const rowsKey = (entity: Entity, where?: Where) => ['ledger', entity, where ?? {}] as const;
/**
 * A ledger's first page with its count and 合计 sums (set by rowsQuery, never fetched on its own): a ledger
 * of more than largeLedgerRows() rows is a large one, whose grid reads its rows in blocks (pageSource.ts).
 */
export const sizeKey = (entity: Entity, where?: Where) => ['ledger-size', entity, where ?? {}] as const;
/** The first page alone, set while every row is read (never fetched on its own). */
export const firstPageKey = (entity: Entity, where?: Where) => ['ledger-first', entity, where ?? {}] as const;

/**
 * A `ledger.table` page as row objects, as the grid edits them. Each row is a copy of one blank row that
 * JSON.parse made (V8 gives it a fast shape with every column): a row filled column by column from `{}`
 * went into dictionary mode in Chromium past a dozen or so columns (a heap snapshot at 100x: 76 MB of
 * property dictionaries for 100,000 investments; copies of the blank: about a quarter of that, and built
 * six times as fast).
 */
export function tableRows(t: LedgerTable): Row[] {
  const { columns, rows } = t;
  const n = columns.length;
  const blank = JSON.parse(JSON.stringify(Object.fromEntries(columns.map((c) => [c, null])))) as Row;
  return rows.map((values) => {
    const row: Record<string, unknown> = { ...blank };
    for (let i = 0; i < n; i++) row[columns[i]!] = values[i];
    return row as Row;
  });
}

const shownWaiters = new Map<string, () => void>();
const waiterKey = (entity: Entity, where?: Where) => JSON.stringify(firstPageKey(entity, where));

/**
 * Called by a grid once its first rows are on screen (or when it will not show a first page alone): the rest
 * of its ledger may now be read. Reading it earlier put megabytes of JSON to parse on the same thread the
 * grid needs to draw those first rows (at 100,000 rows the first rows came 1.5 s later).
 */
export function firstRowsShown(entity: Entity, where?: Where) {
  const key = waiterKey(entity, where);
  shownWaiters.get(key)?.();
  shownWaiters.delete(key);
}

/** Waits until the grid says its first rows are shown, or at most `ms` (a grid that never mounts). */
function firstShown(entity: Entity, where: Where | undefined, ms: number): Promise<void> {
  const key = waiterKey(entity, where);
  return new Promise((ok) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      if (shownWaiters.get(key) === done) shownWaiters.delete(key);
      ok();
    }
    shownWaiters.get(key)?.();
    shownWaiters.set(key, done);
  });
}

/** The longest the rest of a ledger waits for its first rows to be drawn. */
const REST_WAIT_MS = 1_500;

/**
 * Every row of a ledger: the first screenful (with the ledger's count) is read on its own and put in the
 * cache under firstPageKey (a grid shows it at once), then, once the grid has drawn it, the rest; a large
 * ledger's query holds its first page only.
 */
export function rowsQuery(qc: QueryClient, entity: Entity, where?: Where) {
  return {
    queryKey: rowsKey(entity, where),
    queryFn: async (): Promise<Row[]> => {
      const input = { entity, ...(where ? { where } : {}) };
      const firstPage: LedgerPage = await api('ledger.page', {
        ...input,
        unit: 'wan',
        startRow: 0,
        endRow: FIRST_PAGE,
        totals: true,
      });
      qc.setQueryData(sizeKey(entity, where), firstPage);
      const first = tableRows(firstPage);
      // A small ledger's rows are all here; a large one's grid reads its blocks itself.
      if (first.length < FIRST_PAGE || (firstPage.count ?? 0) > largeLedgerRows()) return first;
      // A grid already showing this ledger (a refetch after an edit) keeps its rows meanwhile: no wait then.
      const shown =
        qc.getQueryData(rowsKey(entity, where)) === undefined
          ? firstShown(entity, where, REST_WAIT_MS)
          : null;
      qc.setQueryData(firstPageKey(entity, where), first);
      await shown;
      let rows = first;
      for (;;) {
        const page = tableRows(
          await api('ledger.table', { ...input, afterId: rows.at(-1)!.id, limit: REST_PAGE }),
        );
        rows = rows.concat(page);
        if (page.length < REST_PAGE) return rows;
      }
    },
  };
}

export function optionsQuery(entity: LinkEntity) {
  return { queryKey: ['options', entity], queryFn: () => api('ledger.options', { entity }) };
}

const layouts = new Map<string, { at: number; read: Promise<unknown> }>();

/** The remembered layout of a grid: read at each visit (a read just started by a prefetch is used once). */
export function readLayout(gridId: string): Promise<unknown> {
  const started = layouts.get(gridId);
  layouts.delete(gridId);
  if (started && Date.now() - started.at < 5_000) return started.read;
  return api('settings.get', { key: `grid:${gridId}` });
}

/**
 * Start reading what a ledger page shows (rows, layout) before its code has loaded. The names of linked
 * records (for the editors; 50,000 enterprises are megabytes) come after the rows.
 */
export function prefetchLedger(qc: QueryClient, p: { gridId: string; entity: Entity }) {
  layouts.set(p.gridId, { at: Date.now(), read: api('settings.get', { key: `grid:${p.gridId}` }) });
  void qc.prefetchQuery(rowsQuery(qc, p.entity));
}
