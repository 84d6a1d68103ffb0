// Step 3 of the demo (build.ts), per fund: its portfolio of investments and their exits.
import {
  type DemoContext,
  type EnterpriseInfo,
  FOCUS,
  type FundInfo,
  type InvestmentInfo,
  MILLION,
} from './context';
import { enterprise, roundFor } from './enterprises';
import {
  addDaysIso,
  addYearsIso,
  allocate,
  dateBetween,
  dayOf,
  maxIso,
  minIso,
  roundTo,
  WAN,
} from './random';
import { DEMO_END } from './specs';

/** The fund's portfolio; returns the exit dates (distributions follow them). */
export function investments(
  c: DemoContext,
  f: FundInfo,
  out: InvestmentInfo[],
  portfolio: EnterpriseInfo[],
): string[] {
  const { rng } = c;
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
      round = roundFor(c, ent.founded, date, amount);
      followOn = true;
    } else {
      const industry = rng.chance(0.85) ? rng.pick(spec.industries) : rng.pick(FOCUS);
      const inDistrict = rng.chance(sub ? 0.5 : 0.8);
      // Bigger tickets go to older companies.
      const [youngest, oldest] = amount >= 100 * MILLION ? [5, 12] : amount >= 50 * MILLION ? [3, 9] : [1, 8];
      const founded = maxIso(
        '2006-03-01',
        dateBetween(rng, addYearsIso(date, -oldest), addYearsIso(date, -youngest)),
      );
      ent = enterprise(c, { industry, inDistrict, relocated: rng.chance(0.3), founded });
      portfolio.push(ent);
      round = roundFor(c, founded, date, amount);
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
    if (sub && spec.reinvestMultiple && !c.recognised.has(key)) {
      if (ent.inDistrict) {
        category = ent.relocated ? 'relocated' : 'registered';
        recognisedFen = amount;
      } else if (rng.chance(0.15)) {
        category = 'subsidiary';
        recognisedFen = Math.max(MILLION, roundTo(amount * rng.range(0.3, 0.8), MILLION));
      }
      if (category) c.recognised.add(key);
    }

    c.data.investments.push({
      id: c.nextId('investments'),
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
