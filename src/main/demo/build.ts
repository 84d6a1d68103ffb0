// The demo dataset's builder. One seeded random stream (context.ts) runs through every ledger in a fixed
// order, so the public figures it reproduces depend on that order: replica() below is that order, and each
// step lives in the file named for what it builds (managers, funds, cash-flows, investments, landed, deals).
import { cashFlowsAndNav } from './cash-flows';
import { DemoContext, type EnterpriseInfo, type InvestmentInfo } from './context';
import { deals, institutions } from './deals';
import { fund } from './funds';
import { investments } from './investments';
import { landedProjects } from './landed';
import { managers } from './managers';
import { FUND_SPECS } from './specs';
import type { DemoData } from './types';

/**
 * The demo dataset as plain rows, without touching a database. scale = 1 is the bundled demo that
 * reproduces docs/PRODUCT.md §2 as of 2025-12-31; scale = n stacks n such portfolios (the first identical to
 * scale 1, the others with their own names, codes and draws: “二期”, “三期” … funds), for benchmarks.
 * Deterministic: the same scale always gives the same rows.
 */
export function buildDemo(scale = 1): DemoData {
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`buildDemo: scale must be a positive integer, got ${scale}`);
  const c = new DemoContext();
  for (let r = 0; r < scale; r++) replica(c, r);
  return c.data;
}

function replica(c: DemoContext, r: number) {
  const managerIds = managers(c);
  const funds = FUND_SPECS.map((spec) => fund(c, spec, r, managerIds));
  const all: InvestmentInfo[] = [];
  const portfolio: EnterpriseInfo[] = [];
  for (const f of funds) {
    const exits = investments(c, f, all, portfolio);
    cashFlowsAndNav(c, f, r, exits);
  }
  const landed = landedProjects(c, funds, all);
  const insts = institutions(c);
  deals(c, insts, [...landed, ...portfolio.filter((e) => e.inDistrict)]);
}
