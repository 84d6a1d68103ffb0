import { lazyRoutes } from '../../lib/lazy';

/** Pages of the reports area, by route (merged into src/renderer/src/routes.tsx), loaded on first visit. */
export const reportsRoutes = lazyRoutes(() => import('./ReportPages'), {
  '/reports/sub-funds': 'SubFundsReportPage',
  '/reports/direct-funds': 'DirectFundsReportPage',
  '/reports/reinvestment': 'ReinvestmentReportPage',
  '/reports/landed-projects': 'LandedProjectsReportPage',
  '/reports/financing': 'FinancingReportPage',
  '/reports/performance': 'PerformanceReportPage',
  '/reports/fund': 'FundReportPage',
});
