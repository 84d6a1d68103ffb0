import type { ComponentType } from 'react';
import { lazyPage } from '../../lib/lazy';

const pages = () => import('./ReportPages');

/** Pages of the reports area, by route (merged into src/renderer/src/routes.tsx), loaded on first visit. */
export const reportsRoutes: Record<string, ComponentType> = {
  '/reports/sub-funds': lazyPage(pages, (m) => m.SubFundsReportPage),
  '/reports/direct-funds': lazyPage(pages, (m) => m.DirectFundsReportPage),
  '/reports/reinvestment': lazyPage(pages, (m) => m.ReinvestmentReportPage),
  '/reports/landed-projects': lazyPage(pages, (m) => m.LandedProjectsReportPage),
  '/reports/financing': lazyPage(pages, (m) => m.FinancingReportPage),
  '/reports/performance': lazyPage(pages, (m) => m.PerformanceReportPage),
  '/reports/fund': lazyPage(pages, (m) => m.FundReportPage),
};
