/**
 * 返投 recognised by a rule set (issue #15), for one fund as of a date. Pure: the service reads the rows.
 *
 * - requirement = multiple × base, the base per the rule set (the fund's own terms for base 'fund');
 * - each qualifying record (an investment or a landed project the fund introduced, with a category) counts
 *   its qualifying amount (reinvest_recognised_fen, 认定基数) × the category's multiplier, in whole fen;
 * - one enterprise counts once per fund: the earliest record (investments before projects on the same day);
 * - lock-in: an enterprise that left the district before the Nth anniversary of the record's date (and on or
 *   before the as-of date) loses the recognition;
 * - cap: a category's computed recognition counts at most cap % of the requirement;
 * - a manual override (amount + reason) replaces the computation for its record and is shown apart.
 */
import { daysBetween, isIsoDate } from '../dates';
import { reinvestRequirementFen } from '../metrics/fund';
import { RULE_CATEGORY, type RuleCategory, type RuleSet } from './rule-set';

export interface ReinvestFund {
  id: number;
  name: string;
  established_date: string | null;
  total_size_fen: number;
  guidance_commitment_fen: number;
  reinvest_multiple: number | null;
  reinvest_base: 'commitment' | 'paid_in';
  reinvest_deadline: string | null;
}

export interface ReinvestRecord {
  source: 'investment' | 'landed_project';
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  date: string;
  category: RuleCategory;
  amountFen: number;
  /** The record's qualifying amount (认定基数). */
  qualifyingFen: number;
  overrideFen: number | null;
  overrideReason: string | null;
  leftDistrictDate: string | null;
}

/** What the rule reads of a record: the sums need no names, amounts shown or reasons. */
export type ReinvestInput = Pick<
  ReinvestRecord,
  | 'source'
  | 'id'
  | 'enterpriseId'
  | 'date'
  | 'category'
  | 'qualifyingFen'
  | 'overrideFen'
  | 'leftDistrictDate'
>;

export type RecognitionState = 'computed' | 'overridden' | 'duplicate' | 'lock_in_lost';

export const RECOGNITION_STATE: Record<RecognitionState, string> = {
  computed: '按规则计算',
  overridden: '人工认定',
  duplicate: '同一企业已认定，不重复计算',
  lock_in_lost: '锁定期内迁出，不予认定',
};

export interface Recognition extends ReinvestRecord {
  multiplier: number;
  /** What counts (0 for a duplicate or a lost lock-in; before caps). */
  recognisedFen: number;
  state: RecognitionState;
}

export interface CategoryFigures {
  computedFen: number;
  overriddenFen: number;
  /** computed (after the cap) + overridden. */
  totalFen: number;
  /** Computed amount the cap took off (0 when under it). */
  cappedOffFen: number;
}

export interface ReinvestStatus {
  fundId: number;
  ruleSet: { id: number; name: string };
  base: 'commitment' | 'paid_in' | 'fund_size';
  baseFen: number;
  multiple: number | null;
  requiredFen: number | null;
  recognisedFen: number;
  computedFen: number;
  overriddenFen: number;
  byCategory: Record<RuleCategory, CategoryFigures>;
  gapFen: number | null;
  completion: number | null;
  deadline: string | null;
  /** Days from asOf to the deadline (negative once passed), or null. */
  daysLeft: number | null;
  /** The gap ÷ the years left, per year (the whole gap once the deadline has passed), or null. */
  neededPerYearFen: number | null;
  items: Recognition[];
}

/** The figures without the per-record list (alerts, evaluation, overview: they show only the sums). */
export type ReinvestSums = Omit<ReinvestStatus, 'items'>;

/** The date N years after d (29 Feb → 28 Feb in a common year). */
export function addYears(d: string, n: number): string {
  const y = Number(d.slice(0, 4)) + n;
  const md = d.slice(5);
  const out = `${y}-${md}`;
  return isIsoDate(out) ? out : `${y}-02-28`;
}

/** The figures with each record's recognition (the 返投台账 and one fund's panel show them). */
export function reinvestStatus(
  fund: ReinvestFund,
  rules: RuleSet,
  paidInFen: number,
  records: readonly ReinvestRecord[],
  asOf: string,
): ReinvestStatus {
  const items: Recognition[] = [];
  const sums = reinvestSums(fund, rules, paidInFen, records, asOf, (r, multiplier, recognisedFen, state) => {
    // Spelled out, not spread: 40,000 records at 100x, and a literal of known shape is several times cheaper.
    items.push({
      source: r.source,
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      date: r.date,
      category: r.category,
      amountFen: r.amountFen,
      qualifyingFen: r.qualifyingFen,
      overrideFen: r.overrideFen,
      overrideReason: r.overrideReason,
      leftDistrictDate: r.leftDistrictDate,
      multiplier,
      recognisedFen,
      state,
    });
  });
  return { ...sums, items };
}

/** The rule itself: the figures, and each record's recognition handed to `each` (in recognition order). */
export function reinvestSums<R extends ReinvestInput>(
  fund: ReinvestFund,
  rules: RuleSet,
  paidInFen: number,
  records: readonly R[],
  asOf: string,
  each?: (r: R, multiplier: number, recognisedFen: number, state: RecognitionState) => void,
): ReinvestSums {
  const base: ReinvestStatus['base'] = rules.base === 'fund' ? fund.reinvest_base : rules.base;
  const baseFen =
    base === 'paid_in'
      ? paidInFen
      : base === 'fund_size'
        ? fund.total_size_fen
        : fund.guidance_commitment_fen;
  const multiple = rules.base === 'fund' ? (rules.multiple ?? fund.reinvest_multiple) : rules.multiple;
  const requiredFen = multiple === null ? null : reinvestRequirementFen(multiple, baseFen);
  const deadline =
    rules.deadline_date ??
    (rules.deadline_years !== null && fund.established_date
      ? addYears(fund.established_date, rules.deadline_years)
      : fund.reinvest_deadline);

  const sorted = [...records].sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      (a.source === b.source ? a.id - b.id : a.source === 'investment' ? -1 : 1),
  );
  const seen = new Set<number>();
  const byCategory = {} as Record<RuleCategory, CategoryFigures>;
  for (const c of RULE_CATEGORY.codes) {
    byCategory[c] = { computedFen: 0, overriddenFen: 0, totalFen: 0, cappedOffFen: 0 };
  }
  for (const r of sorted) {
    const rule = rules.categories[r.category];
    const multiplier = rule.multiplier;
    let state: RecognitionState;
    let fen = 0;
    if (seen.has(r.enterpriseId)) state = 'duplicate';
    else if (r.overrideFen !== null) {
      state = 'overridden';
      fen = r.overrideFen;
    } else if (
      rule.lock_in_years !== null &&
      r.leftDistrictDate !== null &&
      r.leftDistrictDate <= asOf &&
      r.leftDistrictDate < addYears(r.date, rule.lock_in_years)
    ) {
      state = 'lock_in_lost';
    } else {
      state = 'computed';
      fen = reinvestRequirementFen(multiplier, r.qualifyingFen);
    }
    seen.add(r.enterpriseId);
    each?.(r, multiplier, fen, state);
    if (state === 'computed') byCategory[r.category].computedFen += fen;
    else if (state === 'overridden') byCategory[r.category].overriddenFen += fen;
  }
  let computedFen = 0;
  let overriddenFen = 0;
  for (const c of RULE_CATEGORY.codes) {
    const f = byCategory[c];
    const cap = rules.categories[c].cap_pct;
    if (cap !== null && requiredFen !== null) {
      const capFen = reinvestRequirementFen(cap / 100, requiredFen);
      if (f.computedFen > capFen) {
        f.cappedOffFen = f.computedFen - capFen;
        f.computedFen = capFen;
      }
    }
    f.totalFen = f.computedFen + f.overriddenFen;
    computedFen += f.computedFen;
    overriddenFen += f.overriddenFen;
  }
  const recognisedFen = computedFen + overriddenFen;
  const gapFen = requiredFen === null ? null : Math.max(0, requiredFen - recognisedFen);
  const daysLeft = deadline ? daysBetween(asOf, deadline) : null;
  let neededPerYearFen: number | null = null;
  if (gapFen !== null && daysLeft !== null) {
    neededPerYearFen = gapFen === 0 ? 0 : daysLeft <= 0 ? gapFen : Math.ceil((gapFen * 365) / daysLeft);
  }
  return {
    fundId: fund.id,
    ruleSet: { id: rules.id, name: rules.name },
    base,
    baseFen,
    multiple,
    requiredFen,
    recognisedFen,
    computedFen,
    overriddenFen,
    byCategory,
    gapFen,
    completion: requiredFen !== null && requiredFen > 0 ? recognisedFen / requiredFen : null,
    deadline,
    daysLeft,
    neededPerYearFen,
  };
}
