import type { ComponentType } from 'react';
import { AboutPage } from './pages/AboutPage';
import { DirectFundsPage, SubFundsPage } from './pages/FundsPages';
import { OverviewPage } from './pages/OverviewPage';

/**
 * Route → page. Sections not built yet fall back to a page that says so plainly; each area adds its
 * pages here.
 */
export const ROUTES: Record<string, ComponentType> = {
  '/': OverviewPage,
  '/sub-funds': SubFundsPage,
  '/direct-funds': DirectFundsPage,
  '/about': AboutPage,
};
