import {
  CASH_FLOW_TYPE,
  DEAL_STAGE,
  type Entity,
  FUND_KIND,
  FUND_STATUS,
  INDUSTRY,
  INSTITUTION_KIND,
  INVESTMENT_STATUS,
  LANDED_KIND,
  LANDED_STATUS,
  REINVEST_BASE,
  REINVEST_CATEGORY,
  VALUATION_SOURCE,
} from '../domain';
import { columnOf, type LedgerField } from './field';
import type { ColumnSpec } from './spec';

/**
 * The fields of every ledger, in column order, declared once: the grid, the add form, paste, import templates
 * and ledger exports read their columns (the *_COLUMNS below), and schemas/entities.ts builds each ledger's
 * input schema from the same declarations, so a header, a requirement or a code set means the same everywhere.
 */
const contact = [
  { field: 'contact_person', header: '联系人', kind: 'text', width: 100, maxLength: 50 },
  { field: 'contact_phone', header: '联系电话', kind: 'text', width: 130, maxLength: 50 },
] as const satisfies readonly LedgerField[];
const notes = {
  field: 'notes',
  header: '备注',
  kind: 'text',
  width: 200,
  multiline: true,
} as const satisfies LedgerField;
const uscc = {
  field: 'uscc',
  header: '统一社会信用代码',
  kind: 'text',
  width: 190,
  format: 'uscc',
} as const satisfies LedgerField;

export const MANAGER_FIELDS = [
  { field: 'name', header: '管理人名称', kind: 'text', required: true, width: 280, pinned: 'left' },
  uscc,
  { field: 'amac_code', header: '协会登记编号', kind: 'text', width: 130, maxLength: 50 },
  ...contact,
  {
    field: 'fund_count',
    header: '管理基金数',
    kind: 'number',
    readOnly: true,
    noForm: true,
    width: 110,
    digits: 0,
  },
  notes,
] as const satisfies readonly LedgerField[];

/** Every fund, 子基金 or 直投基金, in one ledger: import/export of all funds in one sheet carries the kind. */
export const FUND_FIELDS = [
  { field: 'kind', header: '基金类型', kind: 'enum', set: FUND_KIND, required: true, width: 90 },
  { field: 'name', header: '基金名称', kind: 'text', required: true, width: 300, pinned: 'left' },
  {
    field: 'manager_id',
    header: '基金管理人',
    kind: 'link',
    link: 'manager',
    nameField: 'manager_name',
    width: 240,
  },
  {
    field: 'status',
    header: '状态',
    label: '基金状态',
    kind: 'enum',
    set: FUND_STATUS,
    default: 'investing',
    width: 90,
  },
  { field: 'established_date', header: '成立日期', kind: 'date', width: 110 },
  { field: 'total_size_fen', header: '认缴规模', kind: 'money', required: true, total: true, width: 130 },
  {
    field: 'guidance_commitment_fen',
    header: '引导基金认缴',
    kind: 'money',
    required: true,
    total: true,
    width: 130,
  },
  {
    field: 'paid_in_fen',
    header: '引导基金实缴',
    kind: 'money',
    readOnly: true,
    noForm: true,
    total: true,
    width: 130,
  },
  {
    field: 'other_lp_commitment_fen',
    header: '其他LP认缴',
    kind: 'money',
    emptyWarning: '留空按 0 计入出资结构与放大倍数；如有其他LP出资请填写',
    total: true,
    width: 130,
  },
  {
    field: 'collective_assets_fen',
    header: '集体资产出资',
    kind: 'money',
    emptyWarning: '留空按 0 计入“撬动集体资产”；如有集体资产出资请填写',
    total: true,
    width: 130,
  },
  { field: 'industries', header: '重点产业', kind: 'multiEnum', set: INDUSTRY, width: 200 },
  { ...uscc, hidden: true },
  { field: 'amac_code', header: '备案编号', kind: 'text', width: 100, maxLength: 50 },
  { field: 'district', header: '注册区域', kind: 'text', width: 110, hidden: true, maxLength: 50 },
  { field: 'invest_end_date', header: '投资期结束日', kind: 'date', width: 120 },
  { field: 'exit_end_date', header: '退出期结束日', kind: 'date', width: 120, hidden: true },
  { field: 'extension_end_date', header: '延长期结束日', kind: 'date', width: 120, hidden: true },
  { field: 'reinvest_multiple', header: '返投倍数', kind: 'ratio', width: 90 },
  {
    field: 'reinvest_base',
    header: '返投基数',
    kind: 'enum',
    set: REINVEST_BASE,
    default: 'commitment',
    width: 100,
  },
  { field: 'reinvest_deadline', header: '返投截止日', kind: 'date', width: 110 },
  { field: 'fee_terms', header: '管理费条款', kind: 'text', width: 180, hidden: true, multiline: true },
  { field: 'carry_terms', header: '业绩报酬条款', kind: 'text', width: 180, hidden: true, multiline: true },
  notes,
] as const satisfies readonly LedgerField[];

const fundLink = {
  field: 'fund_id',
  header: '基金',
  kind: 'link',
  link: 'fund',
  nameField: 'fund_name',
  required: true,
  width: 280,
  pinned: 'left',
} as const satisfies LedgerField;
const enterpriseLink = <const H extends string>(header: H) =>
  ({
    field: 'enterprise_id',
    header,
    kind: 'link',
    link: 'enterprise',
    nameField: 'enterprise_name',
    required: true,
    width: 260,
  }) as const satisfies LedgerField;
const industry = {
  field: 'industry',
  header: '所属产业',
  kind: 'enum',
  set: INDUSTRY,
  default: 'other',
  width: 170,
} as const satisfies LedgerField;
const round = {
  field: 'round',
  header: '轮次',
  kind: 'text',
  width: 90,
  maxLength: 30,
} as const satisfies LedgerField;

export const CASH_FLOW_FIELDS = [
  fundLink,
  { field: 'date', header: '日期', kind: 'date', required: true, width: 110 },
  { field: 'type', header: '类型', kind: 'enum', set: CASH_FLOW_TYPE, required: true, width: 100 },
  {
    field: 'amount_fen',
    header: '金额',
    kind: 'money',
    required: true,
    positive: true,
    total: true,
    width: 140,
  },
  { field: 'doc_no', header: '通知书/单据编号', kind: 'text', width: 150, maxLength: 100 },
  { field: 'note', header: '备注', kind: 'text', width: 200 },
] as const satisfies readonly LedgerField[];

export const VALUATION_FIELDS = [
  fundLink,
  { field: 'as_of_date', header: '估值日', kind: 'date', required: true, width: 110 },
  { field: 'nav_fen', header: '引导基金份额净值', kind: 'money', required: true, width: 160 },
  {
    field: 'source',
    header: '来源',
    kind: 'enum',
    set: VALUATION_SOURCE,
    default: 'gp_report',
    width: 120,
  },
  { field: 'note', header: '备注', kind: 'text', width: 200 },
] as const satisfies readonly LedgerField[];

export const ENTERPRISE_FIELDS = [
  { field: 'name', header: '企业名称', kind: 'text', required: true, width: 280, pinned: 'left' },
  uscc,
  industry,
  { field: 'district', header: '注册区域', kind: 'text', width: 110, maxLength: 50 },
  { field: 'in_district', header: '区内企业', kind: 'bool', width: 90 },
  { field: 'founded_date', header: '成立日期', kind: 'date', width: 110 },
  ...contact,
  notes,
] as const satisfies readonly LedgerField[];

const reinvest = [
  {
    field: 'reinvest_category',
    header: '返投认定类别',
    kind: 'enum',
    set: REINVEST_CATEGORY,
    width: 130,
    nullable: true,
  },
  { field: 'reinvest_recognised_fen', header: '返投认定金额', kind: 'money', total: true, width: 130 },
] as const satisfies readonly LedgerField[];

export const INVESTMENT_FIELDS = [
  fundLink,
  enterpriseLink('被投企业'),
  { field: 'date', header: '投资日期', kind: 'date', required: true, width: 110 },
  {
    field: 'amount_fen',
    header: '投资金额',
    kind: 'money',
    required: true,
    positive: true,
    total: true,
    width: 130,
  },
  round,
  { field: 'stake_pct', header: '持股比例', kind: 'number', digits: 4, suffix: '%', max: 100, width: 100 },
  { field: 'post_money_fen', header: '投后估值', kind: 'money', width: 130 },
  {
    field: 'status',
    header: '状态',
    kind: 'enum',
    set: INVESTMENT_STATUS,
    default: 'held',
    width: 90,
  },
  { field: 'exit_date', header: '退出日期', kind: 'date', width: 110 },
  { field: 'exit_proceeds_fen', header: '退出回款', kind: 'money', total: true, width: 130 },
  { field: 'current_value_fen', header: '当前估值', kind: 'money', total: true, width: 130 },
  ...reinvest,
  notes,
] as const satisfies readonly LedgerField[];

export const LANDED_PROJECT_FIELDS = [
  { field: 'name', header: '项目名称', kind: 'text', width: 220, pinned: 'left', maxLength: 100 },
  enterpriseLink('落地企业'),
  { field: 'fund_id', header: '引荐基金', kind: 'link', link: 'fund', nameField: 'fund_name', width: 260 },
  { field: 'landed_date', header: '落地日期', kind: 'date', required: true, width: 110 },
  { field: 'amount_fen', header: '落户金额', kind: 'money', required: true, total: true, width: 130 },
  { field: 'kind', header: '落地方式', kind: 'enum', set: LANDED_KIND, default: 'new', width: 110 },
  industry,
  {
    field: 'status',
    header: '状态',
    kind: 'enum',
    set: LANDED_STATUS,
    default: 'registered',
    width: 110,
  },
  ...reinvest,
  notes,
] as const satisfies readonly LedgerField[];

export const INSTITUTION_FIELDS = [
  { field: 'name', header: '机构名称', kind: 'text', required: true, width: 280, pinned: 'left' },
  { field: 'kind', header: '机构类型', kind: 'enum', set: INSTITUTION_KIND, default: 'vc', width: 130 },
  ...contact,
  notes,
] as const satisfies readonly LedgerField[];

export const FINANCING_DEAL_FIELDS = [
  { ...enterpriseLink('企业'), pinned: 'left' },
  {
    field: 'institution_id',
    header: '投资机构',
    kind: 'link',
    link: 'institution',
    nameField: 'institution_name',
    required: true,
    width: 240,
  },
  { field: 'stage', header: '阶段', kind: 'enum', set: DEAL_STAGE, default: 'contact', width: 110 },
  { field: 'first_contact_date', header: '首次对接日期', kind: 'date', width: 120 },
  { field: 'amount_sought_fen', header: '拟融资金额', kind: 'money', total: true, width: 130 },
  { field: 'amount_closed_fen', header: '完成融资金额', kind: 'money', total: true, width: 130 },
  { field: 'closed_date', header: '完成日期', kind: 'date', width: 110 },
  round,
  notes,
] as const satisfies readonly LedgerField[];

/** Each ledger's fields as one table. */
export const LEDGER_FIELDS: Record<Entity, readonly LedgerField[]> = {
  manager: MANAGER_FIELDS,
  fund: FUND_FIELDS,
  cash_flow: CASH_FLOW_FIELDS,
  valuation: VALUATION_FIELDS,
  enterprise: ENTERPRISE_FIELDS,
  investment: INVESTMENT_FIELDS,
  landed_project: LANDED_PROJECT_FIELDS,
  institution: INSTITUTION_FIELDS,
  financing_deal: FINANCING_DEAL_FIELDS,
};

/** The columns of each ledger as one table (import templates, ledger exports). */
export const LEDGER_COLUMNS = Object.fromEntries(
  Object.entries(LEDGER_FIELDS).map(([entity, fields]) => [entity, fields.map(columnOf)]),
) as Record<Entity, ColumnSpec[]>;

export const MANAGER_COLUMNS = LEDGER_COLUMNS.manager;
export const FUND_COLUMNS = LEDGER_COLUMNS.fund;
export const CASH_FLOW_COLUMNS = LEDGER_COLUMNS.cash_flow;
export const VALUATION_COLUMNS = LEDGER_COLUMNS.valuation;
export const ENTERPRISE_COLUMNS = LEDGER_COLUMNS.enterprise;
export const INVESTMENT_COLUMNS = LEDGER_COLUMNS.investment;
export const LANDED_PROJECT_COLUMNS = LEDGER_COLUMNS.landed_project;
export const INSTITUTION_COLUMNS = LEDGER_COLUMNS.institution;
export const FINANCING_DEAL_COLUMNS = LEDGER_COLUMNS.financing_deal;

/** A 直投基金's grid: every fund column but the kind (the page says it). */
export const DIRECT_FUND_COLUMNS = FUND_COLUMNS.filter((c) => c.field !== 'kind');
/** A 子基金's grid: no 集体资产出资 (a 直投基金's figure), and 其他LP认缴 hidden until asked for. */
export const SUB_FUND_COLUMNS = DIRECT_FUND_COLUMNS.filter((c) => c.field !== 'collective_assets_fen').map(
  (c) => (c.field === 'other_lp_commitment_fen' ? { ...c, hidden: true } : c),
);
