import { LedgerGrid } from '../../grid/LedgerGrid';
import { usePagePath } from '../../lib/router';
import { LEDGER_OF } from './paths';
import { LEDGER_VIEW } from './views';

/**
 * The page of each ledger of docs/PRODUCT.md §4 (the one its route names, paths.ts), each the generic ledger
 * grid: unit switch, pinned totals, sort, filter, quick search, in-cell entry checked at the cell, paste from
 * Excel, undo, remembered layout. Names of funds and enterprises link to their detail views.
 */
export function LedgerPage() {
  const path = usePagePath();
  const entity = LEDGER_OF[path];
  if (!entity) return null;
  return <LedgerGrid key={path} gridId={path.slice(1)} entity={entity} {...LEDGER_VIEW[entity]} />;
}
