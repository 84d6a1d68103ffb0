/** 融资对接台账: the pipeline by stage, closed amounts, by industry and institution, and every deal. */
import { DEAL_STAGE, type DealStage, INDUSTRY, INSTITUTION_KIND, labelOf } from '../../../shared/domain';
import type { ReportData, ReportTable } from '../../../shared/reports/types';
import type { OpenedDb } from '../../db/open';
import {
  baseReport,
  chartOf,
  col,
  type Field,
  itemTable,
  type ReportParams,
  ratio,
  rowsById,
  seqField,
  table,
  totalLabel,
} from './common';
import { industryName } from './landed-projects';
import { sortByDateThenId } from './sort-by-date';

type Deal = [
  enterpriseId: number,
  enterprise: string,
  industry: string,
  institutionId: number,
  institution: string,
  institutionKind: string,
  stage: string,
  firstContact: string | null,
  sought: number | null,
  closed: number | null,
  closedDate: string | null,
  round: string | null,
];

/** Stage order of the pipeline; dropped deals last. */
const STAGES: DealStage[] = ['contact', 'dd', 'ts', 'closed', 'dropped'];
const RANK: Record<string, number> = { dropped: 0, contact: 1, dd: 2, ts: 3, closed: 4 };

/**
 * Deals first contacted on or before asOf. A deal closed after asOf was not closed yet on asOf: it counts at
 * the term-sheet stage, without its closed amount (as in the overview).
 */
export function loadDeals(opened: OpenedDb, asOf: string): Deal[] {
  // The table read in its own order, enterprises and institutions from one read each, sorted here: the
  // JOINs fetched pages at random for every deal (the date index's order). Every deal has both (NOT NULL
  // foreign keys). Sort: first contact (none first), then id.
  const enterprises = rowsById<[number, string, string]>(
    opened.raw,
    'SELECT id, name, industry FROM enterprises',
  );
  const institutions = rowsById<[number, string, string]>(
    opened.raw,
    'SELECT id, name, kind FROM institutions',
  );
  const found = opened.raw
    .prepare(
      `SELECT d.id, d.enterprise_id, d.institution_id, d.stage, d.first_contact_date,
        d.amount_sought_fen, d.amount_closed_fen, d.closed_date, d.round
       FROM financing_deals d NOT INDEXED
       WHERE d.first_contact_date IS NULL OR d.first_contact_date <= ?`,
    )
    .raw(true)
    .all(asOf) as [
    number,
    number,
    number,
    string,
    string | null,
    number | null,
    number | null,
    string | null,
    string | null,
  ][];
  sortByDateThenId(found, 4, 0);
  // Indexed, not destructured: a destructuring pattern walks each row with the iterator protocol.
  const rows = new Array<Deal>(found.length);
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    const e = enterprises.get(f[1])!;
    const inst = institutions.get(f[2])!;
    rows[i] = [f[1], e[1], e[2], f[2], inst[1], inst[2], f[3], f[4], f[5], f[6], f[7], f[8]];
  }
  for (const d of rows) {
    if (d[6] === 'closed' && (d[10] === null || d[10] > asOf)) {
      d[6] = 'ts';
      d[9] = null;
      d[10] = null;
    }
  }
  return rows;
}

export interface FunnelCounts {
  matched: number;
  dd: number;
  ts: number;
  closed: number;
}

/** Enterprises by the furthest stage any of their deals reached (the financing funnel). */
export function funnel(deals: readonly Deal[]): FunnelCounts {
  const best = new Map<number, number>();
  for (const d of deals) best.set(d[0], Math.max(best.get(d[0]) ?? 0, RANK[d[6]] ?? 0));
  const at = (r: number) => [...best.values()].filter((b) => b >= r).length;
  return { matched: best.size, dd: at(RANK.dd!), ts: at(RANK.ts!), closed: at(RANK.closed!) };
}

/** The funnel as a table: enterprises at each stage or beyond (cumulative, so no totals row). */
export function funnelTable(f: FunnelCounts): ReportTable {
  const columns = [
    col.text('stage', '阶段', 16),
    col.int('enterprises', '企业数', 8),
    col.pct('rate', '占对接企业', 10),
  ];
  const stages = [
    ['对接企业', f.matched],
    ['进入尽调', f.dd],
    ['达成投资意向', f.ts],
    ['完成融资', f.closed],
  ] as const;
  const rows = stages.map(([stage, n]) => ({ stage, enterprises: n, rate: ratio(n, f.matched) }));
  return table(
    'funnel',
    '融资对接漏斗',
    columns,
    rows,
    null,
    '漏斗各阶段为累计数（含进入后续阶段的企业），不作合计。',
  );
}

/** The funnel chart of funnelTable. */
export const funnelChart = (t: ReportTable) =>
  chartOf('funnel', '融资对接漏斗（企业数）', 'funnel', t, 'stage', ['enterprises']);

/** The amounts sought and closed over some deals. */
function amounts(ds: readonly Deal[]): { sought: number; closed: number } {
  let sought = 0;
  let closed = 0;
  for (const d of ds) {
    sought += d[8] ?? 0;
    closed += d[9] ?? 0;
  }
  return { sought, closed };
}

const closedDeals = (ds: Deal[]) => ds.filter((d) => d[6] === 'closed');

export function financingReport(opened: OpenedDb, p: ReportParams): ReportData {
  const deals = loadDeals(opened, p.asOf);
  const f = funnel(deals);
  const closedAmount = amounts(deals).closed;

  // By stage (deals), and by industry (enterprises belong to one industry, so distinct counts add up).
  type Group = { label: string; ds: Deal[] };
  const dealFields: Field<Group>[] = [
    [col.int('deals', '对接笔数', 8), (g) => g.ds.length],
    [col.money('sought', '拟融资金额'), (g) => amounts(g.ds).sought],
    [col.money('closed', '完成融资金额'), (g) => amounts(g.ds).closed],
  ];
  const byStage = itemTable<Group>(
    'by-stage',
    '按对接阶段汇总',
    [[col.text('stage', '对接阶段', 14), (g) => g.label], ...dealFields],
    STAGES.map((s) => ({ label: labelOf(DEAL_STAGE, s), ds: deals.filter((d) => d[6] === s) })),
    '合计',
  );

  const enterprises = (ds: Deal[]) => new Set(ds.map((d) => d[0])).size;
  const indTable = itemTable<Group>(
    'by-industry',
    '按行业汇总',
    [
      [col.text('industry', '行业', 16), (g) => g.label],
      [col.int('matched', '对接企业', 8), (g) => enterprises(g.ds)],
      [col.int('financed', '完成融资企业', 10), (g) => enterprises(closedDeals(g.ds))],
      ...dealFields,
    ],
    (INDUSTRY.codes as string[])
      .map((c) => ({ label: industryName(c), ds: deals.filter((d) => d[2] === c) }))
      .filter((g) => g.ds.length > 0),
    '合计',
  );

  // By institution.
  const byInst = new Map<number, Deal[]>();
  for (const d of deals) {
    const list = byInst.get(d[3]);
    if (list) list.push(d);
    else byInst.set(d[3], [d]);
  }
  // Each institution's closed amount once, not in every comparison of the sort.
  const closedOf = new Map<Deal[], number>();
  for (const ds of byInst.values()) closedOf.set(ds, amounts(ds).closed);
  const institutions = [...byInst.values()].sort(
    (a, b) => closedOf.get(b)! - closedOf.get(a)! || b.length - a.length,
  );
  const byInstitution = itemTable<Deal[]>(
    'by-institution',
    '按投资机构汇总',
    [
      [col.text('institution', '投资机构', 28), (ds) => ds[0]![4]],
      [col.text('kind', '机构类型', 12), (ds) => labelOf(INSTITUTION_KIND, ds[0]![5])],
      [col.int('deals', '对接笔数', 8), (ds) => ds.length],
      [col.int('closedDeals', '完成笔数', 8), (ds) => closedDeals(ds).length],
      [col.money('closed', '完成融资金额'), (ds) => amounts(ds).closed],
    ],
    institutions,
    totalLabel(institutions.length, '家'),
  );

  // Every deal.
  const dealTable = itemTable<Deal>(
    'deals',
    '融资对接明细',
    [
      seqField,
      [col.text('enterprise', '企业名称', 28), (d) => d[1]],
      [col.text('industry', '行业', 14), (d) => industryName(d[2])],
      [col.text('institution', '投资机构', 26), (d) => d[4]],
      [col.text('stage', '阶段', 10), (d) => labelOf(DEAL_STAGE, d[6])],
      [col.date('firstContact', '首次对接'), (d) => d[7]],
      [col.text('round', '轮次', 8), (d) => d[11] ?? ''],
      [col.money('sought', '拟融资金额'), (d) => d[8]],
      [col.money('closed', '完成融资金额'), (d) => d[9]],
      [col.date('closedDate', '完成日期'), (d) => d[10]],
    ],
    deals,
    totalLabel(deals.length, '笔'),
  );

  return baseReport(opened, 'financing', p.asOf, {
    figures: [
      { key: 'matched', label: '对接企业', value: f.matched, kind: 'int', suffix: '家' },
      { key: 'deals', label: '对接记录', value: deals.length, kind: 'int', suffix: '笔' },
      { key: 'financed', label: '完成融资企业', value: f.closed, kind: 'int', suffix: '家' },
      { key: 'closed', label: '完成融资金额', value: closedAmount, kind: 'money' },
    ],
    charts: [
      funnelChart(funnelTable(f)),
      chartOf('industry', '各行业完成融资金额', 'bar', indTable, 'industry', [
        'closed',
        { key: 'matched', line: true },
      ]),
    ],
    tables: [byStage, indTable, byInstitution, dealTable],
    notes: [
      '统计截至日期（含）前首次对接的记录；完成日期在截至日期之后的对接按“投资意向/TS”阶段列示，不计完成金额。',
      '漏斗按每家企业所有对接记录中进展最远的阶段统计（如进入尽调的企业数含此后达成意向和完成融资的企业）；按阶段汇总按对接记录统计，同一企业可有多条记录。',
    ],
  });
}
