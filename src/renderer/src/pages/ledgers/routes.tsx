import type { Entity } from '@shared/domain';
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { prefetchLedger } from '../../grid/ledgerRows';
import { lazyPage } from '../../lib/lazy';

const pages = () => import('./LedgerPages');
const audit = () => import('./AuditPage');
const enterprise = () => import('./EnterpriseDetailPage');
const fund = () => import('./FundDetailPage');

/** Pages of the ledgers area, by route (merged into src/renderer/src/routes.tsx), each loaded on first visit. */
export const ledgersRoutes: Record<string, ComponentType> = {
  '/managers': lazyPage(pages, (m) => m.ManagersPage),
  '/cash-flows': lazyPage(pages, (m) => m.CashFlowsPage),
  '/valuations': lazyPage(pages, (m) => m.ValuationsPage),
  '/investments': lazyPage(pages, (m) => m.InvestmentsPage),
  '/enterprises': lazyPage(pages, (m) => m.EnterprisesPage),
  '/landed-projects': lazyPage(pages, (m) => m.LandedProjectsPage),
  '/institutions': lazyPage(pages, (m) => m.InstitutionsPage),
  '/financing-deals': lazyPage(pages, (m) => m.FinancingDealsPage),
  '/funds/detail': lazyPage(fund, (m) => m.FundDetailPage),
  '/enterprises/detail': lazyPage(enterprise, (m) => m.EnterpriseDetailPage),
  '/audit': lazyPage(audit, (m) => m.AuditPage),
};

/** The ledger each ledger page shows (its grid id is the route without the slash). */
const LEDGER_OF: Record<string, Entity> = {
  '/managers': 'manager',
  '/cash-flows': 'cash_flow',
  '/valuations': 'valuation',
  '/investments': 'investment',
  '/enterprises': 'enterprise',
  '/landed-projects': 'landed_project',
  '/institutions': 'institution',
  '/financing-deals': 'financing_deal',
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
