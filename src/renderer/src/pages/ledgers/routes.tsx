import type { ComponentType } from 'react';
import { AuditPage } from './AuditPage';
import { EnterpriseDetailPage } from './EnterpriseDetailPage';
import { FundDetailPage } from './FundDetailPage';
import {
  CashFlowsPage,
  EnterprisesPage,
  FinancingDealsPage,
  InstitutionsPage,
  InvestmentsPage,
  LandedProjectsPage,
  ManagersPage,
  ValuationsPage,
} from './LedgerPages';

/** Pages of the ledgers area, by route (merged into src/renderer/src/routes.tsx). */
export const ledgersRoutes: Record<string, ComponentType> = {
  '/managers': ManagersPage,
  '/cash-flows': CashFlowsPage,
  '/valuations': ValuationsPage,
  '/investments': InvestmentsPage,
  '/enterprises': EnterprisesPage,
  '/landed-projects': LandedProjectsPage,
  '/institutions': InstitutionsPage,
  '/financing-deals': FinancingDealsPage,
  '/funds/detail': FundDetailPage,
  '/enterprises/detail': EnterpriseDetailPage,
  '/audit': AuditPage,
};
