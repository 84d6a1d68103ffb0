import {
  CASH_FLOW_COLUMNS,
  ENTERPRISE_COLUMNS,
  FINANCING_DEAL_COLUMNS,
  INSTITUTION_COLUMNS,
  INVESTMENT_COLUMNS,
  LANDED_PROJECT_COLUMNS,
  MANAGER_COLUMNS,
  VALUATION_COLUMNS,
} from '@shared/columns/ledgers';
import { LedgerGrid } from '../../grid/LedgerGrid';
import { cashFlowTotals, valuationTotals } from './totals';

/**
 * One page per ledger of docs/PRODUCT.md §4, each the generic ledger grid: unit switch, pinned totals, sort,
 * filter, quick search, in-cell entry checked at the cell, paste from Excel, undo, remembered layout.
 * Names of funds and enterprises link to their detail views.
 */

export function ManagersPage() {
  return (
    <LedgerGrid
      gridId="managers"
      entity="manager"
      noun="基金管理人"
      unitWord="家"
      columns={MANAGER_COLUMNS}
    />
  );
}

export function CashFlowsPage() {
  return (
    <LedgerGrid
      gridId="cash-flows"
      entity="cash_flow"
      noun="现金流"
      unitWord="条"
      columns={CASH_FLOW_COLUMNS}
      defaultUnit="wan"
      totalsExtra={cashFlowTotals}
    />
  );
}

export function ValuationsPage() {
  return (
    <LedgerGrid
      gridId="valuations"
      entity="valuation"
      noun="估值"
      unitWord="条"
      columns={VALUATION_COLUMNS}
      defaultUnit="wan"
      totalsExtra={valuationTotals}
    />
  );
}

export function InvestmentsPage() {
  return (
    <LedgerGrid
      gridId="investments"
      entity="investment"
      noun="投资"
      unitWord="笔"
      columns={INVESTMENT_COLUMNS}
      defaultUnit="wan"
    />
  );
}

export function EnterprisesPage() {
  return (
    <LedgerGrid
      gridId="enterprises"
      entity="enterprise"
      noun="企业"
      unitWord="家"
      columns={ENTERPRISE_COLUMNS}
    />
  );
}

export function LandedProjectsPage() {
  return (
    <LedgerGrid
      gridId="landed-projects"
      entity="landed_project"
      noun="落地项目"
      unitWord="个"
      columns={LANDED_PROJECT_COLUMNS}
      defaultUnit="wan"
    />
  );
}

export function InstitutionsPage() {
  return (
    <LedgerGrid
      gridId="institutions"
      entity="institution"
      noun="投资机构"
      unitWord="家"
      columns={INSTITUTION_COLUMNS}
    />
  );
}

export function FinancingDealsPage() {
  return (
    <LedgerGrid
      gridId="financing-deals"
      entity="financing_deal"
      noun="融资对接"
      unitWord="条"
      columns={FINANCING_DEAL_COLUMNS}
      defaultUnit="wan"
    />
  );
}
