import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { lazyPage, loader } from './lib/lazy';
import { complianceRoutes } from './pages/compliance/routes';
import { dataRoutes } from './pages/data/routes';
import { evaluationRoutes } from './pages/evaluation/routes';
import { ledgersRoutes, prefetchLedgerPage, preloadLedgerCode } from './pages/ledgers/routes';
import { reportsRoutes } from './pages/reports/routes';

const funds = loader(() => import('./pages/FundsPages'));

/**
 * Route → page, each page loaded on first visit. Sections not built yet fall back to a page that says so
 * plainly; each area adds its pages in its own routes file.
 */
export const ROUTES: Record<string, ComponentType> = {
  '/': lazyPage(
    () => import('./pages/OverviewPage'),
    (m) => m.OverviewPage,
  ),
  '/sub-funds': lazyPage(funds, (m) => m.SubFundsPage),
  '/direct-funds': lazyPage(funds, (m) => m.DirectFundsPage),
  '/about': lazyPage(
    () => import('./pages/AboutPage'),
    (m) => m.AboutPage,
  ),
  ...ledgersRoutes,
  ...reportsRoutes,
  ...dataRoutes,
  ...complianceRoutes,
  ...evaluationRoutes,
};

/** Start reading what the page at `path` shows, in parallel with loading its code. */
export function prefetchRoute(qc: QueryClient, path: string) {
  prefetchLedgerPage(qc, path);
}

/**
 * Once the first page is up and the app is idle, load the code of the pages used most (the ledgers, the
 * fund lists), and put the grid's styles in the page, so that going to one from the menu does not wait for
 * them. Code and styles only: no data is read.
 */
export function preloadCommonPages() {
  const load = () => {
    preloadLedgerCode();
    void funds();
    // The grid's styles too, so that the first grid opened from the menu does not inject them (ag.ts).
    void import('./grid/ag').then((m) => m.keepGridStyles());
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1000);
}
