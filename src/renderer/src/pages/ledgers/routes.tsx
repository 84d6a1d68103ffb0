import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { prefetchLedger } from '../../grid/ledgerRows';
import { lazyPage, loader } from '../../lib/lazy';
import { LEDGER_OF } from './paths';

const pages = loader(() => import('./LedgerPages'));
const audit = () => import('./AuditPage');
const enterprise = () => import('./EnterpriseDetailPage');
const fund = () => import('./FundDetailPage');

/** Pages of the ledgers area, by route (merged into src/renderer/src/routes.tsx), each loaded on first visit. */
export const ledgersRoutes: Record<string, ComponentType> = {
  ...Object.fromEntries(Object.keys(LEDGER_OF).map((path) => [path, lazyPage(pages, (m) => m.LedgerPage)])),
  '/funds/detail': lazyPage(fund, (m) => m.FundDetailPage),
  '/enterprises/detail': lazyPage(enterprise, (m) => m.EnterpriseDetailPage),
  '/audit': lazyPage(audit, (m) => m.AuditPage),
};

/** On the way to a ledger page: start reading its rows and layout, and loading its code. */
export function prefetchLedgerPage(qc: QueryClient, path: string) {
  const entity = LEDGER_OF[path];
  if (!entity) return;
  prefetchLedger(qc, { gridId: path.slice(1), entity });
  // The page's code too, while the app around it renders.
  void pages();
}

/** The ledger pages' code, loaded ahead (in idle time once the app is up): opening one from the menu then
 * waits for its rows alone, not for its code as well. */
export function preloadLedgerCode() {
  void pages();
}
