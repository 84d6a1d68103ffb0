import type { ComponentType } from 'react';
import { AboutPage } from './pages/AboutPage';
import { dataRoutes } from './pages/data/routes';
import { DirectFundsPage, SubFundsPage } from './pages/FundsPages';
import { ledgersRoutes } from './pages/ledgers/routes';
import { OverviewPage } from './pages/OverviewPage';
import { reportsRoutes } from './pages/reports/routes';

/**
 * Route → page. Sections not built yet fall back to a page that says so plainly; each area adds its
 * pages in its own routes file.
 */
export const ROUTES: Record<string, ComponentType> = {
  '/': OverviewPage,
  '/sub-funds': SubFundsPage,
  '/direct-funds': DirectFundsPage,
  '/about': AboutPage,
  ...ledgersRoutes,
  ...reportsRoutes,
  ...dataRoutes,
};
