/** Domain vocabulary: the codes stored in the database and their Chinese labels. */

/** A code set: its codes in order and each one's Chinese label (every vocabulary below is one). */
export function labels<const K extends string>(map: Record<K, string>) {
  const codes = Object.keys(map) as K[];
  return { codes: codes as [K, ...K[]], label: map };
}

export const FUND_KIND = labels({ sub: '子基金', direct: '直投基金' });
export type FundKind = (typeof FUND_KIND.codes)[number];

export const FUND_STATUS = labels({
  fundraising: '募集期',
  investing: '投资期',
  exiting: '退出期',
  liquidated: '已清算',
});
export type FundStatus = (typeof FUND_STATUS.codes)[number];

export const REINVEST_BASE = labels({ commitment: '认缴出资', paid_in: '实缴出资' });
export type ReinvestBase = (typeof REINVEST_BASE.codes)[number];

export const INDUSTRY = labels({
  auto: '智能网联汽车（新能源汽车）',
  storage: '新型储能',
  bio: '生物医药',
  semi: '半导体与集成电路',
  terminal: '智能终端',
  ict: '新一代信息技术（其他）',
  other: '其他',
});
export type Industry = (typeof INDUSTRY.codes)[number];

/** Short labels for grids and charts: each label without its parenthesis (智能网联汽车（新能源汽车）→ 智能网联汽车). */
export const INDUSTRY_SHORT = Object.fromEntries(
  INDUSTRY.codes.map((c) => [c, INDUSTRY.label[c].replace(/（.*）$/, '')]),
) as Record<Industry, string>;

export const CASH_FLOW_TYPE = labels({
  call: '实缴出资',
  distribution: '收益分配',
  fee: '管理费',
  other: '其他',
});
export type CashFlowType = (typeof CASH_FLOW_TYPE.codes)[number];

export const VALUATION_SOURCE = labels({ gp_report: 'GP季度报告', audit: '审计报告', other: '其他' });
export type ValuationSource = (typeof VALUATION_SOURCE.codes)[number];

export const INVESTMENT_STATUS = labels({ held: '持有', exited: '已退出' });
export type InvestmentStatus = (typeof INVESTMENT_STATUS.codes)[number];

export const REINVEST_CATEGORY = labels({
  registered: '注册在区内',
  relocated: '迁入区内',
  subsidiary: '区内设立子公司',
  introduced: '引进落地项目',
  acquired: '并购区内企业',
  other: '其他认定',
});
export type ReinvestCategory = (typeof REINVEST_CATEGORY.codes)[number];

export const LANDED_KIND = labels({
  new: '新注册',
  relocation: '整体迁入',
  capital_increase: '增资扩产',
  subsidiary: '设立子公司',
});
export type LandedKind = (typeof LANDED_KIND.codes)[number];

export const LANDED_STATUS = labels({
  signed: '已签约',
  registered: '已注册',
  operating: '已投产运营',
  cancelled: '已终止',
});
export type LandedStatus = (typeof LANDED_STATUS.codes)[number];

export const INSTITUTION_KIND = labels({
  vc: '创业投资机构',
  pe: '私募股权机构',
  bank: '银行',
  state: '国有投资平台',
  cvc: '产业资本',
  other: '其他',
});
export type InstitutionKind = (typeof INSTITUTION_KIND.codes)[number];

export const DEAL_STAGE = labels({
  contact: '对接中',
  dd: '尽调',
  ts: '投资意向/TS',
  closed: '已完成',
  dropped: '已终止',
});
export type DealStage = (typeof DEAL_STAGE.codes)[number];

export const ROUNDS = [
  '天使轮',
  'Pre-A轮',
  'A轮',
  'A+轮',
  'B轮',
  'B+轮',
  'C轮',
  'D轮',
  'Pre-IPO',
  '战略投资',
  '定增',
];

export const AUDIT_ACTION = labels({ create: '新增', update: '修改', delete: '删除' });
export type AuditAction = (typeof AUDIT_ACTION.codes)[number];

/** Every ledger (table) a user can keep. */
export const ENTITY = labels({
  manager: '基金管理人',
  fund: '基金',
  cash_flow: '现金流',
  valuation: '估值',
  enterprise: '企业',
  investment: '投资',
  landed_project: '落地项目',
  institution: '投资机构',
  financing_deal: '融资对接',
});
export type Entity = (typeof ENTITY.codes)[number];

/** Look a label up by its code; unknown codes are shown as they are. */
export function labelOf<K extends string>(
  set: { label: Record<K, string> },
  code: string | null | undefined,
) {
  if (code == null) return '';
  return (set.label as Record<string, string>)[code] ?? code;
}

/** Find a code from its label or the code itself (for import and paste). */
export function codeOf<K extends string>(
  set: { codes: readonly K[]; label: Record<K, string> },
  text: string,
) {
  const t = text.trim();
  for (const c of set.codes) {
    if (c === t || set.label[c] === t) return c;
  }
  for (const c of set.codes) {
    const l = set.label[c];
    if (l.startsWith(t) || t.startsWith(l.replace(/（.*）/, ''))) return c;
  }
  return undefined;
}
