import type { ComponentType } from 'react';
import {
  DirectFundsReportPage,
  FinancingReportPage,
  FundReportPage,
  LandedProjectsReportPage,
  PerformanceReportPage,
  ReinvestmentReportPage,
  SubFundsReportPage,
} from './ReportPages';

/** Pages of the reports area, by route (merged into src/renderer/src/routes.tsx). */
export const reportsRoutes: Record<string, ComponentType> = {
  '/reports/sub-funds': SubFundsReportPage,
  '/reports/direct-funds': DirectFundsReportPage,
  '/reports/reinvestment': ReinvestmentReportPage,
  '/reports/landed-projects': LandedProjectsReportPage,
  '/reports/financing': FinancingReportPage,
  '/reports/performance': PerformanceReportPage,
  '/reports/fund': FundReportPage,
};
