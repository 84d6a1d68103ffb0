// State shared by the demo builder's steps (build.ts runs them in order): one seeded random stream, the
// name and code registries that keep names, USCCs and filing numbers unique, and the rows built so far.
import type { Industry } from '../../shared/domain';
import { NameBook } from './names';
import { Rng, WAN } from './random';
import type { FundSpec } from './specs';
import type { DemoData } from './types';

/** Seed of the demo (the day of the news report the figures come from). */
const SEED = 20_230_801;

export const MILLION = 100 * WAN; // 100万元 in fen

export const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = [
  ['auto', 20],
  ['storage', 20],
  ['bio', 20],
  ['semi', 14],
  ['terminal', 10],
  ['ict', 9],
  ['other', 7],
];
export const FOCUS: Industry[] = ['auto', 'storage', 'bio', 'semi', 'terminal', 'ict'];

export interface EnterpriseInfo {
  id: number;
  brand: string;
  industry: Industry;
  inDistrict: boolean;
  relocated: boolean;
  founded: string;
}

export interface FundInfo {
  id: number;
  spec: FundSpec;
  established: string;
  investEnd: string;
  sizeFen: number;
}

export interface InvestmentInfo {
  fund: FundInfo;
  enterprise: EnterpriseInfo;
  date: string;
  round: string;
  exited: boolean;
}

export class DemoContext {
  readonly rng = new Rng(SEED);
  readonly names = new NameBook(this.rng);
  readonly usccs = new Set<string>();
  readonly filings = new Set<string>();
  readonly regNos = new Set<string>();
  readonly data: DemoData = {
    managers: [],
    funds: [],
    institutions: [],
    enterprises: [],
    cash_flows: [],
    valuations: [],
    investments: [],
    landed_projects: [],
    financing_deals: [],
  };
  /** 返投 recognitions handed out, as 'fund|enterprise': never two for one pair. */
  readonly recognised = new Set<string>();

  nextId(table: keyof DemoData): number {
    return this.data[table].length + 1;
  }
}
