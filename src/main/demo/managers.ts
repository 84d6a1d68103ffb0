// Step 1 of the demo (build.ts): the fund managers, the last one the district's own platform.
import type { DemoContext } from './context';
import { contactOf, makeManagerRegNo, makeUscc, OTHER_DISTRICTS, PINGSHAN, SHENZHEN_CITY } from './names';
import { dateBetween } from './random';
import { TARGETS } from './specs';

export function managers(c: DemoContext): number[] {
  const { rng } = c;
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
    const { name } = c.names.unique(make);
    const id = c.nextId('managers');
    c.data.managers.push({
      id,
      name,
      uscc: makeUscc(rng, rng.chance(0.5) ? district.code : SHENZHEN_CITY, founded, c.usccs),
      amac_code: makeManagerRegNo(rng, c.regNos),
      ...contactOf(rng),
      notes: platform ? '区属国有基金管理平台，受托管理引导基金直投基金' : null,
    });
    ids.push(id);
  }
  return ids;
}
