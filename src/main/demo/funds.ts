// Step 2 of the demo (build.ts): one fund row per FUND_SPECS entry, with terms, sizes and dates.
import type { DemoContext, FundInfo } from './context';
import { cnNumber, makeFilingNo, makeUscc, OTHER_DISTRICTS, PINGSHAN, SHENZHEN_CITY } from './names';
import { addDaysIso, addYearsIso, WAN } from './random';
import { DEMO_END, type FundSpec } from './specs';

const DISTRICT_CODE: Record<string, string> = Object.fromEntries([
  [PINGSHAN.name, PINGSHAN.code],
  ...OTHER_DISTRICTS.map((d) => [d.name, d.code]),
]);

export function fund(c: DemoContext, spec: FundSpec, r: number, managerIds: number[]): FundInfo {
  const { rng } = c;
  const name =
    r === 0
      ? spec.name
      : spec.name.replace('合伙企业（有限合伙）', `${cnNumber(r + 1)}期合伙企业（有限合伙）`);
  c.names.reserve(name);
  const est = spec.established;
  const investEnd = addDaysIso(addYearsIso(est, spec.investYears), -1);
  const exitEnd = addYearsIso(investEnd, spec.exitYears);
  const extensionEnd = addYearsIso(exitEnd, spec.extensionYears);
  const size = spec.sizeWan * WAN;
  const commit = spec.commitWan * WAN;
  const sub = spec.kind === 'sub';
  const id = c.nextId('funds');
  const pct = Math.round((spec.commitWan / spec.sizeWan) * 1000) / 10;
  c.data.funds.push({
    id,
    kind: spec.kind,
    name,
    manager_id: managerIds[spec.manager]!,
    uscc: makeUscc(rng, DISTRICT_CODE[spec.district] ?? SHENZHEN_CITY, est, c.usccs),
    amac_code: makeFilingNo(rng, c.filings),
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
