// The demo dataset's builder, kept whole for now (843 lines): one seeded random stream runs through every
// ledger in a fixed order, so the public figures it reproduces depend on that order; splitting it along what it
// builds (funds, flows, projects, deals) is open work of issue #18, to be done with the figures' tests beside it.
import { INDUSTRY_SHORT, type Industry } from '../../shared/domain';
import {
  cnNumber,
  ENTERPRISE_WORDS,
  makeFilingNo,
  makeManagerRegNo,
  makeUscc,
  NameBook,
  OTHER_DISTRICTS,
  PINGSHAN,
  PROJECT_WORDS,
  personName,
  phone,
  SHENZHEN_CITY,
} from './names';
import {
  addDaysIso,
  addYearsIso,
  allocate,
  dateBetween,
  dayOf,
  isoOf,
  maxIso,
  minIso,
  quarterEnds,
  Rng,
  roundTo,
  splitByWeights,
  WAN,
  YUAN,
} from './random';
import { DEMO_END, DEMO_LAST_NAV, FUND_SPECS, type FundSpec, TARGETS } from './specs';
import type { DemoData, DemoRow } from './types';

/** Seed of the demo (the day of the news report the figures come from). */
const SEED = 20_230_801;

const MILLION = 100 * WAN; // 100万元 in fen

const INDUSTRY_WEIGHTS: readonly (readonly [Industry, number])[] = [
  ['auto', 20],
  ['storage', 20],
  ['bio', 20],
  ['semi', 14],
  ['terminal', 10],
  ['ict', 9],
  ['other', 7],
];
const FOCUS: Industry[] = ['auto', 'storage', 'bio', 'semi', 'terminal', 'ict'];

const DISTRICT_CODE: Record<string, string> = Object.fromEntries([
  [PINGSHAN.name, PINGSHAN.code],
  ...OTHER_DISTRICTS.map((d) => [d.name, d.code]),
]);

interface EnterpriseInfo {
  id: number;
  brand: string;
  industry: Industry;
  inDistrict: boolean;
  relocated: boolean;
  founded: string;
}

interface FundInfo {
  id: number;
  spec: FundSpec;
  established: string;
  investEnd: string;
  sizeFen: number;
}

interface InvestmentInfo {
  fund: FundInfo;
  enterprise: EnterpriseInfo;
  date: string;
  round: string;
  exited: boolean;
}

/**
 * The demo dataset as plain rows, without touching a database. scale = 1 is the bundled demo that
 * reproduces PRODUCT.md §2 as of 2025-12-31; scale = n stacks n such portfolios (the first identical to
 * scale 1, the others with their own names, codes and draws: “二期”, “三期” … funds), for benchmarks.
 * Deterministic: the same scale always gives the same rows.
 */
export function buildDemo(scale = 1): DemoData {
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`buildDemo: scale must be a positive integer, got ${scale}`);
  const b = new Builder();
  for (let r = 0; r < scale; r++) b.replica(r);
  return b.data;
}

class Builder {
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
  private readonly recognised = new Set<string>();

  private nextId(table: keyof DemoData): number {
    return this.data[table].length + 1;
  }

  replica(r: number) {
    const managerIds = this.managers();
    const funds = FUND_SPECS.map((spec) => this.fund(spec, r, managerIds));
    const investments: InvestmentInfo[] = [];
    const portfolio: EnterpriseInfo[] = [];
    for (const f of funds) {
      const exits = this.investments(f, investments, portfolio);
      this.cashFlowsAndNav(f, r, exits);
    }
    const landed = this.landedProjects(funds, investments);
    const institutions = this.institutions();
    this.deals(institutions, [...landed, ...portfolio.filter((e) => e.inDistrict)]);
  }

  // ---- managers ----

  private managers(): number[] {
    const { rng } = this;
    const ids: number[] = [];
    const patterns = [
      (b: string) => `深圳市${b}私募股权投资基金管理有限公司`,
      (b: string) => `深圳${b}创业投资管理有限公司`,
      (b: string) => `${b}资本管理（深圳）有限公司`,
      (b: string) => `深圳市${b}股权投资基金管理有限公司`,
    ];
    for (let m = 0; m < TARGETS.managers; m++) {
      const platform = m === TARGETS.managers - 1;
      const founded = platform
        ? dateBetween(rng, '2018-03-01', '2018-12-20')
        : dateBetween(rng, '2010-03-01', '2016-06-30');
      const district = platform ? PINGSHAN : rng.pick([PINGSHAN, ...OTHER_DISTRICTS.slice(0, 3)]);
      const make = platform
        ? (b: string) => `深圳市坪山区${b}私募股权投资基金管理有限公司`
        : rng.pick(patterns);
      const { name } = this.names.unique(make);
      const id = this.nextId('managers');
      this.data.managers.push({
        id,
        name,
        uscc: makeUscc(rng, rng.chance(0.5) ? district.code : SHENZHEN_CITY, founded, this.usccs),
        amac_code: makeManagerRegNo(rng, this.regNos),
        contact_person: personName(rng),
        contact_phone: phone(rng),
        notes: platform ? '区属国有基金管理平台，受托管理引导基金直投基金' : null,
      });
      ids.push(id);
    }
    return ids;
  }

  // ---- funds ----

  private fund(spec: FundSpec, r: number, managerIds: number[]): FundInfo {
    const { rng } = this;
    const name =
      r === 0
        ? spec.name
        : spec.name.replace('合伙企业（有限合伙）', `${cnNumber(r + 1)}期合伙企业（有限合伙）`);
    this.names.reserve(name);
    const est = spec.established;
    const investEnd = addDaysIso(addYearsIso(est, spec.investYears), -1);
    const exitEnd = addYearsIso(investEnd, spec.exitYears);
    const extensionEnd = addYearsIso(exitEnd, spec.extensionYears);
    const size = spec.sizeWan * WAN;
    const commit = spec.commitWan * WAN;
    const sub = spec.kind === 'sub';
    const id = this.nextId('funds');
    const pct = Math.round((spec.commitWan / spec.sizeWan) * 1000) / 10;
    this.data.funds.push({
      id,
      kind: spec.kind,
      name,
      manager_id: managerIds[spec.manager]!,
      uscc: makeUscc(rng, DISTRICT_CODE[spec.district] ?? SHENZHEN_CITY, est, this.usccs),
      amac_code: makeFilingNo(rng, this.filings),
      established_date: est,
      total_size_fen: size,
      guidance_commitment_fen: commit,
      other_lp_commitment_fen: size - commit,
      collective_assets_fen: spec.collectiveWan * WAN,
      industries: spec.industries.join(','),
      district: spec.district,
      invest_end_date: investEnd,
      exit_end_date: exitEnd,
      extension_end_date: extensionEnd,
      status: investEnd < DEMO_END ? 'exiting' : 'investing',
      reinvest_multiple: spec.reinvestMultiple,
      reinvest_base: spec.reinvestBase,
      reinvest_deadline: sub ? investEnd : null,
      fee_terms: sub
        ? rng.pick([
            '投资期内按认缴出资额的2%/年，退出期按未退出项目投资本金的1.5%/年，延长期不收取',
            '投资期按实缴出资额的2%/年，退出期按未退出投资成本的1%/年，延长期不收取',
          ])
        : '按实缴出资额的1.5%/年，由基金财产支付',
      carry_terms: sub
        ? rng.pick([
            '门槛收益率8%/年（单利），超额收益的20%分配给普通合伙人',
            '门槛收益率6%/年（单利），超额收益的20%分配给普通合伙人；引导基金让渡其超额收益的50%',
          ])
        : '门槛收益率6%/年（单利），超额收益的10%作为管理团队激励',
      notes: sub
        ? `引导基金认缴${spec.commitWan.toLocaleString('en-US')}万元，占基金认缴规模的${pct}%`
        : `其他LP认缴${((spec.sizeWan - spec.commitWan) / 10_000).toFixed(2)}亿元，其中${rng.int(3, 8)}家社区股份合作公司以集体资产出资${spec.collectiveWan.toLocaleString('en-US')}万元`,
    });
    return { id, spec, established: est, investEnd, sizeFen: size };
  }

  /**
   * Capital calls, distributions, management fees and quarterly NAVs of the guidance fund's share. Calls
   * and distributions all fall on or before the last NAV date, so TVPI at year end is the target one.
   * Distributions follow the fund's exits (`exitDates`) by one to four months.
   */
  private cashFlowsAndNav(f: FundInfo, r: number, exitDates: string[]) {
    const { rng } = this;
    const { spec } = f;
    const commit = spec.commitWan * WAN;
    const paidTotal = roundTo(commit * spec.paidRatio, MILLION);
    const tag = r === 0 ? spec.short : `${spec.short}${r + 1}`;
    const flows = this.data.cash_flows;

    // Capital calls: a first call of 30–40% shortly after establishment, the rest spread over the years.
    const callWeights = [rng.range(0.3, 0.4) * spec.calls];
    for (let k = 1; k < spec.calls; k++) callWeights.push(rng.range(0.8, 1.2));
    let callAmounts = splitByWeights(paidTotal, callWeights, MILLION);
    if (callAmounts.some((a) => a <= 0))
      callAmounts = splitByWeights(
        paidTotal,
        callWeights.map(() => 1),
        MILLION,
      );
    const first = addDaysIso(f.established, rng.int(20, 75));
    const lastDay = dayOf(minIso(addDaysIso(f.investEnd, -120), '2025-09-15'));
    const callDates = [first];
    for (let k = 1; k < spec.calls; k++) {
      const span = lastDay - dayOf(first);
      const target =
        dayOf(first) +
        Math.round((span * k) / (spec.calls - 1)) -
        rng.int(0, Math.min(60, Math.floor(span / (4 * spec.calls))));
      callDates.push(isoOf(Math.max(target, dayOf(callDates[k - 1]!) + 30)));
    }
    const calls: { date: string; amount: number }[] = [];
    for (let k = 0; k < spec.calls; k++) {
      const date = callDates[k]!;
      calls.push({ date, amount: callAmounts[k]! });
      flows.push({
        id: this.nextId('cash_flows'),
        fund_id: f.id,
        date,
        type: 'call',
        amount_fen: callAmounts[k]!,
        doc_no: `${tag}-JK${date.slice(0, 4)}-${String(k + 1).padStart(2, '0')}`,
        note: `第${cnNumber(k + 1)}期实缴出资（缴款通知书）`,
      });
    }

    // Distributions (the guidance fund's share) for the older funds, after their exits.
    const tvpi = r === 0 ? spec.tvpi : spec.tvpi * rng.range(0.93, 1.07);
    const dpi = r === 0 ? spec.dpi : spec.dpi * rng.range(0.85, 1.15);
    const dists: { date: string; amount: number }[] = [];
    if (dpi > 0) {
      const n = dpi >= 0.5 ? 4 : dpi >= 0.2 ? rng.int(2, 3) : 1;
      const total = roundTo(paidTotal * dpi, YUAN);
      const afterExits = exitDates
        .map((d) => addDaysIso(d, rng.int(30, 120)))
        .filter((d) => d > first && d <= '2025-09-20');
      const from = maxIso(addYearsIso(f.established, 4), addDaysIso(first, 900));
      const dates = (
        afterExits.length > 0
          ? rng.sample(afterExits, Math.min(n, afterExits.length))
          : Array.from({ length: n }, () => dateBetween(rng, from, '2025-09-20'))
      ).sort();
      const amounts = splitByWeights(
        total,
        dates.map(() => rng.range(0.6, 1.4)),
        YUAN,
      );
      for (let k = 0; k < dates.length; k++) {
        if (amounts[k]! <= 0) continue;
        dists.push({ date: dates[k]!, amount: amounts[k]! });
        flows.push({
          id: this.nextId('cash_flows'),
          fund_id: f.id,
          date: dates[k]!,
          type: 'distribution',
          amount_fen: amounts[k]!,
          doc_no: `${tag}-FP${dates[k]!.slice(0, 4)}-${String(k + 1).padStart(2, '0')}`,
          note: rng.pick([
            '项目退出收益分配',
            '股权转让回款分配',
            '被投企业上市后减持收益分配',
            '项目回购款分配',
          ]),
        });
      }
    }

    const paidBy = (d: string) => calls.reduce((s, c) => (c.date <= d ? s + c.amount : s), 0);
    const distributedBy = (d: string) => dists.reduce((s, c) => (c.date <= d ? s + c.amount : s), 0);

    // Management fees (the guidance fund's share): with the first call, then yearly after the anniversary.
    for (let k = 0; ; k++) {
      const date = k === 0 ? first : addDaysIso(addYearsIso(f.established, k), 30);
      if (date > DEMO_END) break;
      const base = spec.kind === 'sub' && date <= f.investEnd ? commit * 0.02 : paidBy(date) * 0.015;
      const amount = roundTo(base, YUAN);
      if (amount <= 0) continue;
      flows.push({
        id: this.nextId('cash_flows'),
        fund_id: f.id,
        date,
        type: 'fee',
        amount_fen: amount,
        doc_no: `${tag}-GLF${date.slice(0, 4)}`,
        note: `第${cnNumber(k + 1)}个管理年度管理费（引导基金承担部分，由基金财产支付）`,
      });
    }

    // Quarterly NAV of the guidance fund's share: a mild J-curve towards the target TVPI.
    const quarters = quarterEnds(first, DEMO_LAST_NAV);
    const t0 = dayOf(first);
    const t1 = dayOf(DEMO_LAST_NAV);
    for (const q of quarters) {
      const p = t1 > t0 ? (dayOf(q) - t0) / (t1 - t0) : 1;
      const paid = paidBy(q);
      const mult = q === DEMO_LAST_NAV ? tvpi : 0.95 + (tvpi - 0.95) * p ** 1.4 + rng.normal() * 0.015 * p;
      const nav = Math.max(roundTo(paid * 0.1, YUAN), roundTo(paid * mult - distributedBy(q), YUAN));
      const yearEnd = q.endsWith('12-31');
      const quarter = Math.floor((Number(q.slice(5, 7)) - 1) / 3) + 1;
      // The fifth fund of each portfolio has had no GP report since 2025-03-31 (a nav_stale alert case).
      if (f.id % 15 === 5 && q > '2025-03-31') continue;
      this.data.valuations.push({
        id: this.nextId('valuations'),
        fund_id: f.id,
        as_of_date: q,
        nav_fen: nav,
        source: yearEnd ? 'audit' : 'gp_report',
        note: yearEnd ? `${q.slice(0, 4)}年度审计报告` : `${q.slice(0, 4)}年第${quarter}季度管理人报告`,
      });
    }
  }

  // ---- enterprises and investments ----

  private enterprise(opts: {
    industry: Industry;
    inDistrict: boolean;
    relocated?: boolean;
    founded: string;
    note?: string | null;
  }): EnterpriseInfo {
    const { rng } = this;
    const relocated = opts.inDistrict && (opts.relocated ?? false);
    const words = ENTERPRISE_WORDS[opts.industry];
    const { name, brand } = this.names.unique(
      (b) =>
        `${rng.chance(0.8) ? '深圳市' : '深圳'}${b}${rng.pick(words)}${rng.chance(0.1) ? '股份有限公司' : '有限公司'}`,
    );
    const origin = rng.pick(OTHER_DISTRICTS);
    const district = opts.inDistrict ? PINGSHAN.name : origin.name;
    const code =
      opts.inDistrict && !relocated ? PINGSHAN.code : rng.chance(0.5) ? origin.code : SHENZHEN_CITY;
    const id = this.nextId('enterprises');
    const withContact = rng.chance(0.8);
    this.data.enterprises.push({
      id,
      name,
      uscc: makeUscc(rng, code, opts.founded, this.usccs),
      industry: opts.industry,
      district,
      in_district: opts.inDistrict ? 1 : 0,
      founded_date: opts.founded,
      contact_person: withContact ? personName(rng) : null,
      contact_phone: withContact ? phone(rng) : null,
      notes: opts.note ?? (relocated ? `由${origin.name}整体迁入坪山区` : null),
    });
    return {
      id,
      brand,
      industry: opts.industry,
      inDistrict: opts.inDistrict,
      relocated,
      founded: opts.founded,
    };
  }

  /** A round that fits the company's age at the time and the size of the ticket. */
  private roundFor(founded: string, at: string, amountFen = 0): string {
    const { rng } = this;
    let years = (dayOf(at) - dayOf(founded)) / 365;
    if (amountFen >= 100 * MILLION) years = Math.max(years, 7);
    else if (amountFen >= 50 * MILLION) years = Math.max(years, 4);
    else if (amountFen >= 20 * MILLION) years = Math.max(years, 2);
    if (years < 2) return rng.pick(['天使轮', 'Pre-A轮']);
    if (years < 4) return rng.pick(['A轮', 'A+轮']);
    if (years < 7) return rng.pick(['B轮', 'B+轮', 'C轮']);
    return rng.pick(['C轮', 'D轮', 'Pre-IPO', '战略投资']);
  }

  /** The fund's portfolio; returns the exit dates (distributions follow them). */
  private investments(f: FundInfo, out: InvestmentInfo[], portfolio: EnterpriseInfo[]): string[] {
    const { rng } = this;
    const { spec } = f;
    const n = rng.int(spec.investments[0], spec.investments[1]);
    const deployed = roundTo(f.sizeFen * spec.paidRatio * rng.range(0.8, 0.92), MILLION);
    let min = Math.max(5 * MILLION, roundTo(f.sizeFen * 0.015, MILLION));
    let max = roundTo(f.sizeFen * 0.2, MILLION);
    if (n * max < deployed) max = Math.ceil(deployed / n / MILLION) * MILLION * 2;
    if (n * min > deployed) min = Math.floor(deployed / n / MILLION) * MILLION;
    const amounts = allocate(rng, n, deployed, { unit: MILLION, min, max, sigma: 0.55 });
    const start = addDaysIso(f.established, 45);
    const end = minIso(f.investEnd, '2025-12-10');
    const dates = Array.from({ length: n }, () => dateBetween(rng, start, end)).sort();
    const mine: InvestmentInfo[] = [];
    const exits: string[] = [];
    const sub = spec.kind === 'sub';

    for (let k = 0; k < n; k++) {
      const date = dates[k]!;
      const amount = amounts[k]!;
      const earlier = mine.filter((m) => !m.exited && dayOf(m.date) <= dayOf(date) - 365);
      let ent: EnterpriseInfo;
      let round: string;
      let followOn = false;
      if (earlier.length > 0 && rng.chance(0.12)) {
        const prev = rng.pick(earlier);
        ent = prev.enterprise;
        round = this.roundFor(ent.founded, date, amount);
        followOn = true;
      } else {
        const industry = rng.chance(0.85) ? rng.pick(spec.industries) : rng.pick(FOCUS);
        const inDistrict = rng.chance(sub ? 0.5 : 0.8);
        // Bigger tickets go to older companies.
        const [youngest, oldest] =
          amount >= 100 * MILLION ? [5, 12] : amount >= 50 * MILLION ? [3, 9] : [1, 8];
        const founded = maxIso(
          '2006-03-01',
          dateBetween(rng, addYearsIso(date, -oldest), addYearsIso(date, -youngest)),
        );
        ent = this.enterprise({ industry, inDistrict, relocated: rng.chance(0.3), founded });
        portfolio.push(ent);
        round = this.roundFor(founded, date, amount);
      }
      const early = round === '天使轮' || round === 'Pre-A轮';
      const pct = early ? rng.range(5, 15) : rng.range(1.5, 9);
      const postMoney = Math.max(amount, roundTo(amount / (pct / 100), MILLION));
      const stake = Math.round((amount / postMoney) * 10_000) / 100;

      const exitable = dayOf(date) <= dayOf('2022-06-30');
      const exited = exitable && rng.chance(spec.dpi > 0 ? 0.3 + spec.dpi * 0.4 : 0.08);
      const exitDate = exited ? minIso(addDaysIso(date, rng.int(600, 1800)), '2025-12-20') : null;
      const exitMultiple = Math.min(6, Math.max(0.3, 1.6 * Math.exp(rng.normal() * 0.6)));
      const yearsHeld = (dayOf(DEMO_END) - dayOf(date)) / 365;
      const valueMultiple = Math.min(4, Math.max(0.4, Math.exp(rng.normal() * 0.35 + 0.07 * yearsHeld)));

      let category: string | null = null;
      let recognisedFen: number | null = null;
      const key = `${f.id}|${ent.id}`;
      if (sub && spec.reinvestMultiple && !this.recognised.has(key)) {
        if (ent.inDistrict) {
          category = ent.relocated ? 'relocated' : 'registered';
          recognisedFen = amount;
        } else if (rng.chance(0.15)) {
          category = 'subsidiary';
          recognisedFen = Math.max(MILLION, roundTo(amount * rng.range(0.3, 0.8), MILLION));
        }
        if (category) this.recognised.add(key);
      }

      this.data.investments.push({
        id: this.nextId('investments'),
        fund_id: f.id,
        enterprise_id: ent.id,
        date,
        amount_fen: amount,
        round,
        stake_pct: stake,
        post_money_fen: postMoney,
        status: exited ? 'exited' : 'held',
        exit_date: exitDate,
        exit_proceeds_fen: exited ? roundTo(amount * exitMultiple, WAN) : null,
        current_value_fen: exited ? null : roundTo(amount * valueMultiple, WAN),
        reinvest_category: category,
        reinvest_recognised_fen: recognisedFen,
        notes: followOn
          ? '追加投资'
          : exited
            ? rng.pick(['股权转让退出', '被投企业上市后减持退出', '创始人回购退出', '并购退出'])
            : category === 'subsidiary'
              ? '被投企业已在坪山区设立子公司'
              : null,
      });
      const info: InvestmentInfo = { fund: f, enterprise: ent, date, round, exited };
      mine.push(info);
      out.push(info);
      if (exitDate) exits.push(exitDate);
    }
    return exits;
  }

  // ---- landed projects ----

  private landedDate(): string {
    const { rng } = this;
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

  private landedStatus(date: string): string {
    const { rng } = this;
    if (date <= '2023-06-30') return rng.chance(0.8) ? 'operating' : 'registered';
    if (date <= '2024-12-31') return rng.chance(0.4) ? 'operating' : 'registered';
    return rng.chance(0.5) ? 'signed' : 'registered';
  }

  private projectName(e: EnterpriseInfo, kind: string): string {
    const { rng } = this;
    if (kind === 'capital_increase') return `${e.brand}${rng.pick(['增资扩产', '二期扩产', '产线扩建'])}项目`;
    if (kind === 'relocation' && rng.chance(0.5)) return `${e.brand}总部迁入坪山项目`;
    if (kind === 'subsidiary' && rng.chance(0.5))
      return `${e.brand}坪山子公司${rng.pick(PROJECT_WORDS[e.industry])}项目`;
    return `${e.brand}${rng.pick(PROJECT_WORDS[e.industry])}项目`;
  }

  /** 78 landed projects for exactly 29.6亿 plus 3 cancelled ones; returns the in-district enterprises. */
  private landedProjects(funds: FundInfo[], investments: InvestmentInfo[]): EnterpriseInfo[] {
    const { rng } = this;
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
      this.data.landed_projects.push({ id: this.nextId('landed_projects'), ...row });

    for (let k = 0; k < TARGETS.landedProjects; k++) {
      const amount = amounts[k]!;
      let inv: InvestmentInfo | undefined;
      if (rng.chance(0.3)) {
        while (candidates.length > 0 && !inv) {
          const c = candidates.pop()!;
          if (!usedEnterprises.has(c.enterprise.id)) inv = c;
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
        if (f.spec.kind === 'sub' && f.spec.reinvestMultiple && !this.recognised.has(key)) {
          category =
            kind === 'relocation' ? 'relocated' : kind === 'subsidiary' ? 'subsidiary' : 'introduced';
          recognisedFen = Math.max(MILLION, roundTo(amount * rng.range(0.5, 1), MILLION));
          this.recognised.add(key);
        }
        if (e.inDistrict) landedEnterprises.push(e);
        push({
          enterprise_id: e.id,
          name: this.projectName(e, kind),
          fund_id: f.id,
          landed_date: date,
          amount_fen: amount,
          kind,
          industry: e.industry,
          status: this.landedStatus(date),
          reinvest_category: category,
          reinvest_recognised_fen: recognisedFen,
          notes: `由${f.spec.kind === 'sub' ? '子基金' : '直投基金'}投后引荐落地`,
        });
        continue;
      }
      const date = this.landedDate();
      const kind = rng.weighted([
        ['new', 55],
        ['relocation', 25],
        ['subsidiary', 20],
      ] as const);
      const founded =
        kind === 'relocation'
          ? maxIso('2006-03-01', dateBetween(rng, addYearsIso(date, -12), addYearsIso(date, -2)))
          : addDaysIso(date, -rng.int(0, 60));
      const e = this.enterprise({
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
        this.recognised.add(`${fund.id}|${e.id}`);
      }
      push({
        enterprise_id: e.id,
        name: this.projectName(e, kind),
        fund_id: fund?.id ?? null,
        landed_date: date,
        amount_fen: amount,
        kind,
        industry: e.industry,
        status: this.landedStatus(date),
        reinvest_category: category,
        reinvest_recognised_fen: recognisedFen,
        notes: fund ? '基金管理人引荐落地' : rng.chance(0.3) ? '区投资推广部门招商引进' : null,
      });
    }

    // Signed but cancelled: kept in the ledger, never counted.
    for (let k = 0; k < TARGETS.landedCancelled; k++) {
      const date = dateBetween(rng, '2019-01-01', '2023-12-31');
      const e = this.enterprise({
        industry: rng.weighted(INDUSTRY_WEIGHTS),
        inDistrict: false,
        founded: maxIso('2006-03-01', dateBetween(rng, addYearsIso(date, -12), addYearsIso(date, -2))),
      });
      push({
        enterprise_id: e.id,
        name: this.projectName(e, 'relocation'),
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

  // ---- institutions and financing deals ----

  private institutions(): { id: number; kind: string }[] {
    const { rng } = this;
    const kinds: [string, number, ((b: string) => string)[]][] = [
      [
        'vc',
        14,
        [
          (b) => `深圳市${b}创业投资有限公司`,
          (b) => `深圳${b}创新投资管理有限公司`,
          (b) => `${b}创投（深圳）有限公司`,
        ],
      ],
      ['pe', 9, [(b) => `深圳市${b}股权投资管理有限公司`, (b) => `${b}资本管理（深圳）有限公司`]],
      ['bank', 6, [(b) => `${b}银行深圳坪山支行`, (b) => `${b}农村商业银行坪山支行`]],
      ['state', 6, [(b) => `深圳市${b}产业投资控股有限公司`, (b) => `深圳市${b}国有资本投资有限公司`]],
      ['cvc', 5, [(b) => `深圳${b}集团产业投资有限公司`, (b) => `${b}科技集团投资（深圳）有限公司`]],
    ];
    const out: { id: number; kind: string }[] = [];
    for (const [kind, n, patterns] of kinds) {
      for (let k = 0; k < n; k++) {
        const { name } = this.names.unique(rng.pick(patterns));
        const id = this.nextId('institutions');
        const [a, b] = rng.sample(FOCUS, 2) as [Industry, Industry];
        this.data.institutions.push({
          id,
          name,
          kind,
          contact_person: personName(rng),
          contact_phone: phone(rng),
          notes:
            kind === 'bank'
              ? '科技型企业信贷、投贷联动'
              : `重点关注${INDUSTRY_SHORT[a]}、${INDUSTRY_SHORT[b]}领域`,
        });
        out.push({ id, kind });
      }
    }
    return out;
  }

  /** 98 matched enterprises; 23 of them closed financing for exactly 7.86亿. */
  private deals(institutions: { id: number; kind: string }[], known: EnterpriseInfo[]) {
    const { rng } = this;
    const reuse = rng
      .shuffle(known.filter((e) => e.founded <= '2025-03-31'))
      .filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i)
      .slice(0, 25);
    const enterprises = [...reuse];
    while (enterprises.length < TARGETS.matchedEnterprises) {
      const founded = dateBetween(rng, '2012-01-01', '2024-12-31');
      enterprises.push(
        this.enterprise({
          industry: rng.weighted(INDUSTRY_WEIGHTS),
          inDistrict: rng.chance(0.9),
          relocated: rng.chance(0.15),
          founded,
        }),
      );
    }
    rng.shuffle(enterprises);
    const closedTotals = allocate(rng, TARGETS.financedEnterprises, TARGETS.closedAmountWan * WAN, {
      unit: MILLION,
      min: 5 * MILLION,
      max: 120 * MILLION,
      sigma: 0.6,
    });
    const push = (row: Omit<DemoRow<'financing_deals'>, 'id'>) =>
      this.data.financing_deals.push({ id: this.nextId('financing_deals'), ...row });
    const earliest = (e: EnterpriseInfo) => maxIso('2019-06-01', addDaysIso(e.founded, 30));

    enterprises.forEach((e, idx) => {
      const financed = idx < TARGETS.financedEnterprises;
      const n = rng.weighted(
        financed
          ? ([
              [1, 35],
              [2, 40],
              [3, 20],
              [4, 5],
            ] as const)
          : ([
              [1, 45],
              [2, 35],
              [3, 15],
              [4, 5],
            ] as const),
      );
      const insts = rng.sample(institutions, n);
      let others = insts;
      if (financed) {
        const total = closedTotals[idx]!;
        const equity = insts.filter((i) => i.kind !== 'bank');
        const closers = (equity.length > 0 ? equity : insts).slice(
          0,
          n >= 2 && total >= 10 * MILLION && rng.chance(0.3) ? 2 : 1,
        );
        others = insts.filter((i) => !closers.includes(i));
        const lead = Math.min(
          total - MILLION,
          Math.max(MILLION, roundTo(total * rng.range(0.5, 0.7), MILLION)),
        );
        const parts = closers.length === 2 ? [lead, total - lead] : [total];
        const closedDate = dateBetween(rng, maxIso('2019-10-01', addDaysIso(e.founded, 200)), '2025-12-20');
        const firstContact = maxIso(earliest(e), addDaysIso(closedDate, -rng.int(45, 300)));
        const sought = roundTo(total * rng.range(1, 1.5), MILLION);
        closers.forEach((inst, j) => {
          const bank = inst.kind === 'bank';
          const contact = minIso(closedDate, addDaysIso(firstContact, j * rng.int(0, 30)));
          push({
            enterprise_id: e.id,
            institution_id: inst.id,
            stage: 'closed',
            first_contact_date: contact,
            amount_sought_fen: sought,
            amount_closed_fen: parts[j]!,
            closed_date: closedDate,
            round: bank ? '债权融资' : this.roundFor(e.founded, closedDate, total),
            notes: bank
              ? '投贷联动，授信已放款'
              : j > 0
                ? '联合投资，已完成交割'
                : '投资协议已签署，款项已到位',
          });
        });
      }
      for (const inst of others) {
        const contact = dateBetween(rng, earliest(e), '2025-12-15');
        const stage = financed
          ? rng.weighted([
              ['dropped', 60],
              ['contact', 40],
            ] as const)
          : rng.weighted([
              ['contact', 30],
              ['dd', 20],
              ['ts', 12],
              ['dropped', 38],
            ] as const);
        push({
          enterprise_id: e.id,
          institution_id: inst.id,
          stage,
          first_contact_date: contact,
          amount_sought_fen: roundTo(
            Math.min(200, Math.max(5, 30 * Math.exp(rng.normal() * 0.7))) * MILLION,
            MILLION,
          ),
          amount_closed_fen: null,
          closed_date: null,
          round: inst.kind === 'bank' ? '债权融资' : this.roundFor(e.founded, contact),
          notes:
            stage === 'dropped'
              ? rng.pick(['估值分歧，暂缓推进', '机构投资方向调整', '企业暂无融资计划', '未通过机构投决会'])
              : stage === 'ts'
                ? '已签署投资意向书（TS）'
                : stage === 'dd'
                  ? '机构已启动尽职调查'
                  : rng.pick(['坪山区投融资对接会路演对接', '线上推介，待机构反馈', '产业园区走访对接']),
        });
      }
    });
  }
}
