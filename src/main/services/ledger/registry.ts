import { sql } from 'kysely';
import type { Entity } from '../../../shared/domain';
import type { Db } from '../../db/open';
import type { TableName } from '../../db/schema';

/** What the generic ledger service needs to know about each ledger. */
export interface EntityDef {
  table: TableName;
  label: string;
  /** Column that names a record in messages and the audit log. */
  nameOf: (row: Record<string, unknown>) => string;
  /** Columns that must be unique, with their Chinese label. */
  uniques: { column: string; label: string }[];
  /** Records that point at this one and so block its deletion. */
  dependents: { table: TableName; column: string; label: string; unit: string }[];
  /** The list query, with the names of linked records joined in. */
  list: (db: Db) => ListQuery;
}

// biome-ignore lint/suspicious/noExplicitAny: a Kysely select over varying joins
export type ListQuery = any;

const money = (v: unknown) => (typeof v === 'number' ? `${(v / 1_000_000).toLocaleString('zh-CN')}万元` : '');

/** A fund's 实缴 (paid-in) as its list shows it: not stored, the sum of its capital calls (funds as `t`). */
export const FUND_PAID_IN = sql<number>`(SELECT coalesce(sum(c.amount_fen), 0) FROM cash_flows c WHERE c.fund_id = t.id AND c.type = 'call')`;

export const REGISTRY: Record<Entity, EntityDef> = {
  manager: {
    table: 'managers',
    label: '基金管理人',
    nameOf: (r) => String(r.name ?? ''),
    uniques: [{ column: 'uscc', label: '统一社会信用代码' }],
    dependents: [{ table: 'funds', column: 'manager_id', label: '基金', unit: '只' }],
    list: (db) =>
      db
        .selectFrom('managers as t')
        .selectAll('t')
        .select((eb) =>
          eb
            .selectFrom('funds')
            .whereRef('funds.manager_id', '=', 't.id')
            .select(eb.fn.countAll().as('n'))
            .as('fund_count'),
        ),
  },
  fund: {
    table: 'funds',
    label: '基金',
    nameOf: (r) => String(r.name ?? ''),
    uniques: [{ column: 'uscc', label: '统一社会信用代码' }],
    dependents: [
      { table: 'cash_flows', column: 'fund_id', label: '现金流', unit: '条' },
      { table: 'valuations', column: 'fund_id', label: '估值记录', unit: '条' },
      { table: 'investments', column: 'fund_id', label: '投资', unit: '笔' },
      { table: 'landed_projects', column: 'fund_id', label: '落地项目', unit: '个' },
    ],
    list: (db) =>
      db
        .selectFrom('funds as t')
        .leftJoin('managers as m', 'm.id', 't.manager_id')
        .selectAll('t')
        .select('m.name as manager_name')
        .select(FUND_PAID_IN.as('paid_in_fen')),
  },
  cash_flow: {
    table: 'cash_flows',
    label: '现金流',
    nameOf: (r) => `${r.date ?? ''} ${money(r.amount_fen)}`,
    uniques: [],
    dependents: [],
    list: (db) =>
      db
        .selectFrom('cash_flows as t')
        .innerJoin('funds as f', 'f.id', 't.fund_id')
        .selectAll('t')
        .select(['f.name as fund_name', 'f.kind as fund_kind']),
  },
  valuation: {
    table: 'valuations',
    label: '估值',
    nameOf: (r) => `${r.as_of_date ?? ''} ${money(r.nav_fen)}`,
    uniques: [],
    dependents: [],
    list: (db) =>
      db
        .selectFrom('valuations as t')
        .innerJoin('funds as f', 'f.id', 't.fund_id')
        .selectAll('t')
        .select(['f.name as fund_name', 'f.kind as fund_kind']),
  },
  enterprise: {
    table: 'enterprises',
    label: '企业',
    nameOf: (r) => String(r.name ?? ''),
    uniques: [{ column: 'uscc', label: '统一社会信用代码' }],
    dependents: [
      { table: 'investments', column: 'enterprise_id', label: '投资', unit: '笔' },
      { table: 'landed_projects', column: 'enterprise_id', label: '落地项目', unit: '个' },
      { table: 'financing_deals', column: 'enterprise_id', label: '融资对接', unit: '条' },
    ],
    list: (db) => db.selectFrom('enterprises as t').selectAll('t'),
  },
  investment: {
    table: 'investments',
    label: '投资',
    nameOf: (r) => `${r.date ?? ''} ${money(r.amount_fen)}`,
    uniques: [],
    dependents: [],
    list: (db) =>
      db
        .selectFrom('investments as t')
        .innerJoin('funds as f', 'f.id', 't.fund_id')
        .innerJoin('enterprises as e', 'e.id', 't.enterprise_id')
        .selectAll('t')
        .select([
          'f.name as fund_name',
          'f.kind as fund_kind',
          'e.name as enterprise_name',
          'e.industry as industry',
        ]),
  },
  landed_project: {
    table: 'landed_projects',
    label: '落地项目',
    nameOf: (r) => String(r.name ?? r.landed_date ?? ''),
    uniques: [],
    dependents: [],
    list: (db) =>
      db
        .selectFrom('landed_projects as t')
        .innerJoin('enterprises as e', 'e.id', 't.enterprise_id')
        .leftJoin('funds as f', 'f.id', 't.fund_id')
        .selectAll('t')
        .select(['e.name as enterprise_name', 'f.name as fund_name']),
  },
  institution: {
    table: 'institutions',
    label: '投资机构',
    nameOf: (r) => String(r.name ?? ''),
    uniques: [{ column: 'name', label: '机构名称' }],
    dependents: [{ table: 'financing_deals', column: 'institution_id', label: '融资对接', unit: '条' }],
    list: (db) => db.selectFrom('institutions as t').selectAll('t'),
  },
  financing_deal: {
    table: 'financing_deals',
    label: '融资对接',
    nameOf: (r) => `${r.first_contact_date ?? ''} ${r.round ?? ''}`.trim(),
    uniques: [],
    dependents: [],
    list: (db) =>
      db
        .selectFrom('financing_deals as t')
        .innerJoin('enterprises as e', 'e.id', 't.enterprise_id')
        .innerJoin('institutions as i', 'i.id', 't.institution_id')
        .selectAll('t')
        .select(['e.name as enterprise_name', 'e.industry as industry', 'i.name as institution_name']),
  },
};
