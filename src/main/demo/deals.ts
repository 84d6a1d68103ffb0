// Step 6 of the demo (build.ts): investment institutions and financing deals (融资对接) with the public totals.
import { INDUSTRY_SHORT, type Industry } from '../../shared/domain';
import { type DemoContext, type EnterpriseInfo, FOCUS, INDUSTRY_WEIGHTS, MILLION } from './context';
import { enterprise, roundFor } from './enterprises';
import { contactOf } from './names';
import { addDaysIso, allocate, dateBetween, maxIso, minIso, roundTo, WAN } from './random';
import { TARGETS } from './specs';
import type { DemoRow } from './types';

export function institutions(c: DemoContext): { id: number; kind: string }[] {
  const { rng } = c;
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
      const { name } = c.names.unique(rng.pick(patterns));
      const id = c.nextId('institutions');
      const [a, b] = rng.sample(FOCUS, 2) as [Industry, Industry];
      c.data.institutions.push({
        id,
        name,
        kind,
        ...contactOf(rng),
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
export function deals(c: DemoContext, institutions: { id: number; kind: string }[], known: EnterpriseInfo[]) {
  const { rng } = c;
  const reuse = rng
    .shuffle(known.filter((e) => e.founded <= '2025-03-31'))
    .filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i)
    .slice(0, 25);
  const enterprises = [...reuse];
  while (enterprises.length < TARGETS.matchedEnterprises) {
    const founded = dateBetween(rng, '2012-01-01', '2024-12-31');
    enterprises.push(
      enterprise(c, {
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
    c.data.financing_deals.push({ id: c.nextId('financing_deals'), ...row });
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
          round: bank ? '债权融资' : roundFor(c, e.founded, closedDate, total),
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
        round: inst.kind === 'bank' ? '债权融资' : roundFor(c, e.founded, contact),
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
