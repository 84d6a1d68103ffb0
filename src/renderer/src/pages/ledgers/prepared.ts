import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useEffect, useState } from 'react';
import { whenAppIdle } from '../../lib/appIdle';
import { LEDGER_OF } from './paths';
import { prefetchLedgerPage } from './routes';

/**
 * The ledger page kept ready, hidden, beside the page on screen (App.tsx PageView): the one the user is most
 * likely to open next, so that its menu click only reveals a grid already drawn. See docs/ARCHITECTURE.md
 * "Opening a page from the menu".
 */
const LAST_KEY = 'funddesk:lastLedger';
const FIRST = '/investments';

/**
 * Pages that draw a ledger grid themselves (its toolbar, search box, test ids and window-wide keys): a hidden
 * ledger beside them would double those, so none is prepared while one of them is on screen.
 */
const WITH_GRID = new Set([
  ...Object.keys(LEDGER_OF),
  '/funds/detail',
  '/enterprises/detail',
  '/audit',
  '/sub-funds',
  '/direct-funds',
]);

function lastLedger(): string {
  try {
    const p = localStorage.getItem(LAST_KEY);
    return p && LEDGER_OF[p] ? p : FIRST;
  } catch {
    return FIRST;
  }
}

function remember(path: string) {
  if (!LEDGER_OF[path]) return;
  try {
    localStorage.setItem(LAST_KEY, path);
  } catch {
    // A profile without storage prepares 投资.
  }
}

/**
 * The ledger route to keep mounted hidden beside `path` (the last ledger used, 投资 on a fresh profile), or
 * null: none until the app is idle after its first page (no request in flight, then an idle callback), and
 * none beside a page that draws a ledger grid itself.
 */
export function usePreparedLedger(path: string): string | null {
  const qc = useQueryClient();
  const [idle, setIdle] = useState(false);
  useEffect(
    () =>
      whenAppIdle(qc, () => {
        // Its rows and code are asked for first, so they arrive while it renders (in a transition: in
        // slices, so that a click meanwhile is not held behind it).
        prefetchLedgerPage(qc, lastLedger());
        startTransition(() => setIdle(true));
      }),
    [qc],
  );
  remember(path);
  return idle && !WITH_GRID.has(path) ? lastLedger() : null;
}
