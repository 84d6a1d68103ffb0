import type { Entity } from '@shared/domain';

/** The ledger each ledger page shows, by route (its grid id is the route without the slash). */
export const LEDGER_OF: Record<string, Exclude<Entity, 'fund'>> = {
  '/managers': 'manager',
  '/cash-flows': 'cash_flow',
  '/valuations': 'valuation',
  '/investments': 'investment',
  '/enterprises': 'enterprise',
  '/landed-projects': 'landed_project',
  '/institutions': 'institution',
  '/financing-deals': 'financing_deal',
};
