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
import type { ColumnSpec } from '@shared/columns/spec';
import type { Entity } from '@shared/domain';
import type { LedgerGridProps } from '../../grid/LedgerGrid';
import { cashFlowTotals, valuationTotals } from './totals';

/** How a ledger's grid shows it, on its own page and in a detail view's tab alike. */
export type LedgerView = Pick<LedgerGridProps, 'noun' | 'unitWord' | 'defaultUnit' | 'totalsExtra'> & {
  columns: ColumnSpec[];
};

/** Every ledger but the funds (whose two pages, 子基金 and 直投基金, are FundsPages.tsx). */
export const LEDGER_VIEW: Record<Exclude<Entity, 'fund'>, LedgerView> = {
  manager: { noun: '基金管理人', unitWord: '家', columns: MANAGER_COLUMNS },
  cash_flow: {
    noun: '现金流',
    unitWord: '条',
    columns: CASH_FLOW_COLUMNS,
    defaultUnit: 'wan',
    totalsExtra: cashFlowTotals,
  },
  valuation: {
    noun: '估值',
    unitWord: '条',
    columns: VALUATION_COLUMNS,
    defaultUnit: 'wan',
    totalsExtra: valuationTotals,
  },
  investment: { noun: '投资', unitWord: '笔', columns: INVESTMENT_COLUMNS, defaultUnit: 'wan' },
  enterprise: { noun: '企业', unitWord: '家', columns: ENTERPRISE_COLUMNS },
  landed_project: { noun: '落地项目', unitWord: '个', columns: LANDED_PROJECT_COLUMNS, defaultUnit: 'wan' },
  institution: { noun: '投资机构', unitWord: '家', columns: INSTITUTION_COLUMNS },
  financing_deal: { noun: '融资对接', unitWord: '条', columns: FINANCING_DEAL_COLUMNS, defaultUnit: 'wan' },
};
