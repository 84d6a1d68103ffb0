// Enterprises the demo creates on demand (investments, landed projects, deals), and the round a company
// of a given age raises: used by several steps of build.ts.
import type { Industry } from '../../shared/domain';
import { type DemoContext, type EnterpriseInfo, MILLION } from './context';
import { contactOf, ENTERPRISE_WORDS, makeUscc, OTHER_DISTRICTS, PINGSHAN, SHENZHEN_CITY } from './names';
import { dayOf } from './random';

export function enterprise(
  c: DemoContext,
  opts: {
    industry: Industry;
    inDistrict: boolean;
    relocated?: boolean;
    founded: string;
    note?: string | null;
  },
): EnterpriseInfo {
  const { rng } = c;
  const relocated = opts.inDistrict && (opts.relocated ?? false);
  const words = ENTERPRISE_WORDS[opts.industry];
  const { name, brand } = c.names.unique(
    (b) =>
      `${rng.chance(0.8) ? '深圳市' : '深圳'}${b}${rng.pick(words)}${rng.chance(0.1) ? '股份有限公司' : '有限公司'}`,
  );
  const origin = rng.pick(OTHER_DISTRICTS);
  const district = opts.inDistrict ? PINGSHAN.name : origin.name;
  const code = opts.inDistrict && !relocated ? PINGSHAN.code : rng.chance(0.5) ? origin.code : SHENZHEN_CITY;
  const id = c.nextId('enterprises');
  const withContact = rng.chance(0.8);
  c.data.enterprises.push({
    id,
    name,
    uscc: makeUscc(rng, code, opts.founded, c.usccs),
    industry: opts.industry,
    district,
    in_district: opts.inDistrict ? 1 : 0,
    founded_date: opts.founded,
    ...(withContact ? contactOf(rng) : { contact_person: null, contact_phone: null }),
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
export function roundFor(c: DemoContext, founded: string, at: string, amountFen = 0): string {
  const { rng } = c;
  let years = (dayOf(at) - dayOf(founded)) / 365;
  if (amountFen >= 100 * MILLION) years = Math.max(years, 7);
  else if (amountFen >= 50 * MILLION) years = Math.max(years, 4);
  else if (amountFen >= 20 * MILLION) years = Math.max(years, 2);
  if (years < 2) return rng.pick(['天使轮', 'Pre-A轮']);
  if (years < 4) return rng.pick(['A轮', 'A+轮']);
  if (years < 7) return rng.pick(['B轮', 'B+轮', 'C轮']);
  return rng.pick(['C轮', 'D轮', 'Pre-IPO', '战略投资']);
}
