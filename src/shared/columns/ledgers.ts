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
import type { ColumnSpec } from './spec';

/**
 * The columns of every ledger, in order: the grid, the add form, paste, import templates and ledger
 * exports all read these, so a header means the same thing everywhere.
 */
const contact: ColumnSpec[] = [
  { field: 'contact_person', header: '联系人', kind: 'text', width: 100 },
  { field: 'contact_phone', header: '联系电话', kind: 'text', width: 130 },
];
const notes: ColumnSpec = { field: 'notes', header: '备注', kind: 'text', width: 200, multiline: true };

export const MANAGER_COLUMNS: ColumnSpec[] = [
  { field: 'name', header: '管理人名称', kind: 'text', required: true, width: 280, pinned: 'left' },
  { field: 'uscc', header: '统一社会信用代码', kind: 'text', width: 190 },
  { field: 'amac_code', header: '协会登记编号', kind: 'text', width: 130 },
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
];

const fundCore = (kind: 'sub' | 'direct'): ColumnSpec[] => [
  { field: 'name', header: '基金名称', kind: 'text', required: true, width: 300, pinned: 'left' },
  {
    field: 'manager_id',
    header: '基金管理人',
    kind: 'link',
    link: 'manager',
    nameField: 'manager_name',
    width: 240,
  },
  { field: 'status', header: '状态', kind: 'enum', set: FUND_STATUS, width: 90 },
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
    hidden: kind === 'sub',
  },
  ...(kind === 'direct'
    ? [
        {
          field: 'collective_assets_fen',
          header: '集体资产出资',
          kind: 'money',
          emptyWarning: '留空按 0 计入“撬动集体资产”；如有集体资产出资请填写',
          total: true,
          width: 130,
        } as ColumnSpec,
      ]
    : []),
  { field: 'industries', header: '重点产业', kind: 'multiEnum', set: INDUSTRY, width: 200 },
  { field: 'uscc', header: '统一社会信用代码', kind: 'text', width: 190, hidden: true },
  { field: 'amac_code', header: '备案编号', kind: 'text', width: 100 },
  { field: 'district', header: '注册区域', kind: 'text', width: 110, hidden: true },
  { field: 'invest_end_date', header: '投资期结束日', kind: 'date', width: 120 },
  { field: 'exit_end_date', header: '退出期结束日', kind: 'date', width: 120, hidden: true },
  { field: 'extension_end_date', header: '延长期结束日', kind: 'date', width: 120, hidden: true },
  { field: 'reinvest_multiple', header: '返投倍数', kind: 'ratio', width: 90 },
  { field: 'reinvest_base', header: '返投基数', kind: 'enum', set: REINVEST_BASE, width: 100 },
  { field: 'reinvest_deadline', header: '返投截止日', kind: 'date', width: 110 },
  { field: 'fee_terms', header: '管理费条款', kind: 'text', width: 180, hidden: true, multiline: true },
  { field: 'carry_terms', header: '业绩报酬条款', kind: 'text', width: 180, hidden: true, multiline: true },
  notes,
];

export const SUB_FUND_COLUMNS = fundCore('sub');
export const DIRECT_FUND_COLUMNS = fundCore('direct');
/** Import/export of all funds in one sheet carries the kind. */
export const FUND_COLUMNS: ColumnSpec[] = [
  { field: 'kind', header: '基金类型', kind: 'enum', set: FUND_KIND, required: true, width: 90 },
  ...DIRECT_FUND_COLUMNS,
];

const fundLink: ColumnSpec = {
  field: 'fund_id',
  header: '基金',
  kind: 'link',
  link: 'fund',
  nameField: 'fund_name',
  required: true,
  width: 280,
  pinned: 'left',
};
const enterpriseLink = (header: string): ColumnSpec => ({
  field: 'enterprise_id',
  header,
  kind: 'link',
  link: 'enterprise',
  nameField: 'enterprise_name',
  required: true,
  width: 260,
});

export const CASH_FLOW_COLUMNS: ColumnSpec[] = [
  fundLink,
  { field: 'date', header: '日期', kind: 'date', required: true, width: 110 },
  { field: 'type', header: '类型', kind: 'enum', set: CASH_FLOW_TYPE, required: true, width: 100 },
  { field: 'amount_fen', header: '金额', kind: 'money', required: true, total: true, width: 140 },
  { field: 'doc_no', header: '通知书/单据编号', kind: 'text', width: 150 },
  { field: 'note', header: '备注', kind: 'text', width: 200 },
];

export const VALUATION_COLUMNS: ColumnSpec[] = [
  fundLink,
  { field: 'as_of_date', header: '估值日', kind: 'date', required: true, width: 110 },
  { field: 'nav_fen', header: '引导基金份额净值', kind: 'money', required: true, width: 160 },
  { field: 'source', header: '来源', kind: 'enum', set: VALUATION_SOURCE, width: 120 },
  { field: 'note', header: '备注', kind: 'text', width: 200 },
];

export const ENTERPRISE_COLUMNS: ColumnSpec[] = [
  { field: 'name', header: '企业名称', kind: 'text', required: true, width: 280, pinned: 'left' },
  { field: 'uscc', header: '统一社会信用代码', kind: 'text', width: 190 },
  { field: 'industry', header: '所属产业', kind: 'enum', set: INDUSTRY, width: 170 },
  { field: 'district', header: '注册区域', kind: 'text', width: 110 },
  { field: 'in_district', header: '区内企业', kind: 'bool', width: 90 },
  { field: 'founded_date', header: '成立日期', kind: 'date', width: 110 },
  ...contact,
  notes,
];

const reinvest: ColumnSpec[] = [
  {
    field: 'reinvest_category',
    header: '返投认定类别',
    kind: 'enum',
    set: REINVEST_CATEGORY,
    width: 130,
    nullable: true,
  },
  { field: 'reinvest_recognised_fen', header: '返投认定金额', kind: 'money', total: true, width: 130 },
];

export const INVESTMENT_COLUMNS: ColumnSpec[] = [
  fundLink,
  enterpriseLink('被投企业'),
  { field: 'date', header: '投资日期', kind: 'date', required: true, width: 110 },
  { field: 'amount_fen', header: '投资金额', kind: 'money', required: true, total: true, width: 130 },
  { field: 'round', header: '轮次', kind: 'text', width: 90 },
  { field: 'stake_pct', header: '持股比例', kind: 'number', digits: 4, suffix: '%', max: 100, width: 100 },
  { field: 'post_money_fen', header: '投后估值', kind: 'money', width: 130 },
  { field: 'status', header: '状态', kind: 'enum', set: INVESTMENT_STATUS, width: 90 },
  { field: 'exit_date', header: '退出日期', kind: 'date', width: 110 },
  { field: 'exit_proceeds_fen', header: '退出回款', kind: 'money', total: true, width: 130 },
  { field: 'current_value_fen', header: '当前估值', kind: 'money', total: true, width: 130 },
  ...reinvest,
  notes,
];

export const LANDED_PROJECT_COLUMNS: ColumnSpec[] = [
  { field: 'name', header: '项目名称', kind: 'text', width: 220, pinned: 'left' },
  enterpriseLink('落地企业'),
  { field: 'fund_id', header: '引荐基金', kind: 'link', link: 'fund', nameField: 'fund_name', width: 260 },
  { field: 'landed_date', header: '落地日期', kind: 'date', required: true, width: 110 },
  { field: 'amount_fen', header: '落户金额', kind: 'money', required: true, total: true, width: 130 },
  { field: 'kind', header: '落地方式', kind: 'enum', set: LANDED_KIND, width: 110 },
  { field: 'industry', header: '所属产业', kind: 'enum', set: INDUSTRY, width: 170 },
  { field: 'status', header: '状态', kind: 'enum', set: LANDED_STATUS, width: 110 },
  ...reinvest,
  notes,
];

export const INSTITUTION_COLUMNS: ColumnSpec[] = [
  { field: 'name', header: '机构名称', kind: 'text', required: true, width: 280, pinned: 'left' },
  { field: 'kind', header: '机构类型', kind: 'enum', set: INSTITUTION_KIND, width: 130 },
  ...contact,
  notes,
];

export const FINANCING_DEAL_COLUMNS: ColumnSpec[] = [
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
  { field: 'stage', header: '阶段', kind: 'enum', set: DEAL_STAGE, width: 110 },
  { field: 'first_contact_date', header: '首次对接日期', kind: 'date', width: 120 },
  { field: 'amount_sought_fen', header: '拟融资金额', kind: 'money', total: true, width: 130 },
  { field: 'amount_closed_fen', header: '完成融资金额', kind: 'money', total: true, width: 130 },
  { field: 'closed_date', header: '完成日期', kind: 'date', width: 110 },
  { field: 'round', header: '轮次', kind: 'text', width: 90 },
  notes,
];

/** The columns of each ledger as one table (import templates, ledger exports). */
export const LEDGER_COLUMNS: Record<Entity, ColumnSpec[]> = {
  manager: MANAGER_COLUMNS,
  fund: FUND_COLUMNS,
  cash_flow: CASH_FLOW_COLUMNS,
  valuation: VALUATION_COLUMNS,
  enterprise: ENTERPRISE_COLUMNS,
  investment: INVESTMENT_COLUMNS,
  landed_project: LANDED_PROJECT_COLUMNS,
  institution: INSTITUTION_COLUMNS,
  financing_deal: FINANCING_DEAL_COLUMNS,
};
