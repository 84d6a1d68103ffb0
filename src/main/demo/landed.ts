// Step 5 of the demo (build.ts): landed projects (落地项目) for the public total, plus cancelled ones.
import {
  type DemoContext,
  type EnterpriseInfo,
  type FundInfo,
  INDUSTRY_WEIGHTS,
  type InvestmentInfo,
  MILLION,
} from './context';
import { enterprise } from './enterprises';
import { PROJECT_WORDS } from './names';
import { addDaysIso, addYearsIso, allocate, dateBetween, maxIso, minIso, roundTo, WAN } from './random';
import { DEMO_END, TARGETS } from './specs';
import type { DemoRow } from './types';

function landedDate(c: DemoContext): string {
  const { rng } = c;
  const year = rng.weighted([
    [2017, 4],
    [2018, 6],
    [2019, 8],
    [2020, 9],
    [2021, 11],
    [2022, 12],
    [2023, 14],
    [2024, 12],
    [2025, 10],
  ] as const);
  return dateBetween(rng, `${year}-01-01`, minIso(`${year}-12-31`, DEMO_END));
}

function landedStatus(c: DemoContext, date: string): string {
  const { rng } = c;
  if (date <= '2023-06-30') return rng.chance(0.8) ? 'operating' : 'registered';
  if (date <= '2024-12-31') return rng.chance(0.4) ? 'operating' : 'registered';
  return rng.chance(0.5) ? 'signed' : 'registered';
}

function projectName(c: DemoContext, e: EnterpriseInfo, kind: string): string {
  const { rng } = c;
  if (kind === 'capital_increase') return `${e.brand}${rng.pick(['增资扩产', '二期扩产', '产线扩建'])}项目`;
  if (kind === 'relocation' && rng.chance(0.5)) return `${e.brand}总部迁入坪山项目`;
  if (kind === 'subsidiary' && rng.chance(0.5))
    return `${e.brand}坪山子公司${rng.pick(PROJECT_WORDS[e.industry])}项目`;
  return `${e.brand}${rng.pick(PROJECT_WORDS[e.industry])}项目`;
}

/** A landed project's row but its notes, which the caller draws after it (the random stream's order). */
function projectRow(
  c: DemoContext,
  e: EnterpriseInfo,
  kind: string,
  date: string,
  amount: number,
  by: { fundId: number | null; category: string | null; recognisedFen: number | null },
): Omit<DemoRow<'landed_projects'>, 'id' | 'notes'> {
  return {
    enterprise_id: e.id,
    name: projectName(c, e, kind),
    fund_id: by.fundId,
    landed_date: date,
    amount_fen: amount,
    kind,
    industry: e.industry,
    status: landedStatus(c, date),
    reinvest_category: by.category,
    reinvest_recognised_fen: by.recognisedFen,
  };
}

/** 78 landed projects for exactly 29.6亿 plus 3 cancelled ones; returns the in-district enterprises. */
export function landedProjects(
  c: DemoContext,
  funds: FundInfo[],
  investments: InvestmentInfo[],
): EnterpriseInfo[] {
  const { rng } = c;
  const amounts = allocate(rng, TARGETS.landedProjects, TARGETS.landedAmountWan * WAN, {
    unit: MILLION,
    min: 5 * MILLION,
    max: 200 * MILLION,
    sigma: 0.8,
  });
  const landedEnterprises: EnterpriseInfo[] = [];
  const usedEnterprises = new Set<number>();
  const candidates = rng.shuffle(investments.filter((i) => i.date <= '2025-09-30'));

  const push = (row: Omit<DemoRow<'landed_projects'>, 'id'>) =>
    c.data.landed_projects.push({ id: c.nextId('landed_projects'), ...row });

  for (let k = 0; k < TARGETS.landedProjects; k++) {
    const amount = amounts[k]!;
    let inv: InvestmentInfo | undefined;
    if (rng.chance(0.3)) {
      while (candidates.length > 0 && !inv) {
        const next = candidates.pop()!;
        if (!usedEnterprises.has(next.enterprise.id)) inv = next;
      }
    }
    if (inv) {
      // A portfolio company of a fund brought (more of) its business to Pingshan.
      const e = inv.enterprise;
      usedEnterprises.add(e.id);
      const kind = e.inDistrict ? (e.relocated ? 'relocation' : 'capital_increase') : 'subsidiary';
      const date = dateBetween(rng, addDaysIso(inv.date, 30), '2025-12-20');
      const f = inv.fund;
      const key = `${f.id}|${e.id}`;
      let category: string | null = null;
      let recognisedFen: number | null = null;
      if (f.spec.kind === 'sub' && f.spec.reinvestMultiple && !c.recognised.has(key)) {
        category = kind === 'relocation' ? 'relocated' : kind === 'subsidiary' ? 'subsidiary' : 'introduced';
        recognisedFen = Math.max(MILLION, roundTo(amount * rng.range(0.5, 1), MILLION));
        c.recognised.add(key);
      }
      if (e.inDistrict) landedEnterprises.push(e);
      push({
        ...projectRow(c, e, kind, date, amount, { fundId: f.id, category, recognisedFen }),
        notes: `由${f.spec.kind === 'sub' ? '子基金' : '直投基金'}投后引荐落地`,
      });
      continue;
    }
    const date = landedDate(c);
    const kind = rng.weighted([
      ['new', 55],
      ['relocation', 25],
      ['subsidiary', 20],
    ] as const);
    const founded =
      kind === 'relocation'
        ? maxIso('2006-03-01', dateBetween(rng, addYearsIso(date, -12), addYearsIso(date, -2)))
        : addDaysIso(date, -rng.int(0, 60));
    const e = enterprise(c, {
      industry: rng.weighted(INDUSTRY_WEIGHTS),
      inDistrict: true,
      relocated: kind === 'relocation',
      founded,
      note: kind === 'subsidiary' ? '集团在坪山区设立的全资子公司' : null,
    });
    usedEnterprises.add(e.id);
    landedEnterprises.push(e);
    const introducers = funds.filter((f) => addDaysIso(f.established, 60) <= date);
    const fund = introducers.length > 0 && rng.chance(0.25) ? rng.pick(introducers) : null;
    let category: string | null = null;
    let recognisedFen: number | null = null;
    if (fund && fund.spec.kind === 'sub' && fund.spec.reinvestMultiple) {
      category = 'introduced';
      recognisedFen = Math.max(MILLION, roundTo(amount * rng.range(0.3, 1), MILLION));
      c.recognised.add(`${fund.id}|${e.id}`);
    }
    push({
      ...projectRow(c, e, kind, date, amount, { fundId: fund?.id ?? null, category, recognisedFen }),
      notes: fund ? '基金管理人引荐落地' : rng.chance(0.3) ? '区投资推广部门招商引进' : null,
    });
  }

  // Signed but cancelled: kept in the ledger, never counted.
  for (let k = 0; k < TARGETS.landedCancelled; k++) {
    const date = dateBetween(rng, '2019-01-01', '2023-12-31');
    const e = enterprise(c, {
      industry: rng.weighted(INDUSTRY_WEIGHTS),
      inDistrict: false,
      founded: maxIso('2006-03-01', dateBetween(rng, addYearsIso(date, -12), addYearsIso(date, -2))),
    });
    push({
      enterprise_id: e.id,
      name: projectName(c, e, 'relocation'),
      fund_id: null,
      landed_date: date,
      amount_fen: roundTo(rng.range(20, 80) * MILLION, MILLION),
      kind: 'relocation',
      industry: e.industry,
      status: 'cancelled',
      reinvest_category: null,
      reinvest_recognised_fen: null,
      notes: rng.pick(['企业经营战略调整，项目终止', '未能按期落实用地，双方协商终止']),
    });
  }
  return landedEnterprises;
}
