import { LEDGER_COLUMNS } from '../../../shared/columns/ledgers';
import type { ColumnSpec } from '../../../shared/columns/spec';
import type { ColumnMapping } from '../../../shared/contract/data';
import type { Entity } from '../../../shared/domain';
import type { Unit } from '../../../shared/money';
import { toHalfWidth } from '../../../shared/text';
import { type Cell, cellText, type SheetRow } from './table';

/**
 * Headers: which file column fills which ledger field. A header is normalised (full-width, spaces,
 * a unit in brackets, "*" required marks), then matched against the ledger's own headers (those of its
 * export and template), then against the names real-world ledgers use, then by containment.
 */

/** The fields an import may fill: the ledger's columns minus computed ones. */
export function importColumns(entity: Entity): ColumnSpec[] {
  return LEDGER_COLUMNS[entity].filter((c) => !c.readOnly);
}

const UNIT_WORD: Record<string, Unit> = { 元: 'yuan', 万元: 'wan', 万: 'wan', 亿元: 'yi', 亿: 'yi' };

/** The unit a money header states: "金额（万元）", "金额(元)", "出资额/万元", "规模 单位：亿元", "认缴规模万元". */
export function unitInHeader(header: string): Unit | null {
  const h = toHalfWidth(header).replace(/\s+/g, '');
  const m =
    /[([【]\s*(?:单位[:：]?)?(?:人民币)?(亿元|万元|元|亿|万)\s*[)\]】]/.exec(h) ??
    /单位[:：]?(?:人民币)?(亿元|万元|元)/.exec(h) ??
    /[/／](亿元|万元|元)$/.exec(h) ??
    /(亿元|万元)$/.exec(h);
  return m ? UNIT_WORD[m[1]!]! : null;
}

/** A unit stated above the table, e.g. "单位：万元" or "金额单位：人民币亿元". */
export function unitNote(rows: SheetRow[]): Unit | null {
  for (const r of rows) {
    for (const c of r.cells) {
      const m = /单位[:：]\s*(?:人民币)?\s*(亿元|万元|元)/.exec(toHalfWidth(cellText(c)));
      if (m) return UNIT_WORD[m[1]!]!;
    }
  }
  return null;
}

export function normalizeHeader(header: string): string {
  let h = toHalfWidth(header)
    .replace(/\s+/g, '')
    .replace(/[*＊※]/g, '');
  h = h.replace(/单位[:：]?(?:人民币)?(亿元|万元|元)/g, '');
  h = h.replace(/[/／](亿元|万元|元)$/, '');
  // Trailing bracketed notes: （万元） (必填) 【YYYY-MM-DD】
  for (let i = 0; i < 3; i++) h = h.replace(/[([【][^()[\]【】]*[)\]】]$/, '');
  h = h.replace(/(亿元|万元)$/, '');
  return h.replace(/[:：]$/, '').toLowerCase();
}

/** Names a field has in every ledger that holds it (a ledger's own list, below, takes precedence). */
const SHARED: Record<string, string[]> = {
  uscc: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', 'uscc', '营业执照号', '营业执照注册号'],
  contact_person: ['联系人', '对接人', '负责人', '联系人姓名'],
  contact_phone: ['联系电话', '电话', '手机', '联系方式', '手机号', '手机号码'],
  notes: ['备注', '说明', '备注说明'],
  industry: ['所属产业', '产业', '行业', '所属行业', '产业领域', '行业分类', '产业方向', '所属领域'],
  district: ['注册区域', '注册地', '所在区域', '所在地区', '注册区', '注册地址'],
  reinvest_category: ['返投认定类别', '返投类别', '认定类别', '返投认定方式', '返投认定类型'],
  reinvest_recognised_fen: ['返投认定金额', '认定金额', '返投金额', '认定返投金额'],
};

/** Names real-world ledgers use for each field of one ledger (normalised when compared). */
const ALIASES: Record<Entity, Record<string, string[]>> = {
  manager: {
    name: ['基金管理人', '管理人', '基金管理人名称', 'gp', 'gp名称', '管理机构', '管理机构名称'],
    amac_code: ['登记编号', '管理人登记编号', '协会登记号', '中基协登记编号', 'amac登记编号'],
  },
  fund: {
    kind: ['类型', '基金类别', '类别'],
    name: ['基金', '子基金名称', '子基金', '基金全称', '直投基金名称', '直投基金', '产品名称'],
    manager_id: ['管理人', '管理人名称', 'gp', '基金管理人名称', '管理机构'],
    status: ['状态', '基金状态', '存续状态', '所处阶段', '阶段'],
    established_date: ['成立时间', '设立日期', '成立日', '注册日期', '设立时间'],
    total_size_fen: [
      '基金规模',
      '基金总规模',
      '总规模',
      '认缴总额',
      '认缴出资总额',
      '目标规模',
      '基金认缴规模',
      '规模',
    ],
    guidance_commitment_fen: [
      '引导基金认缴出资',
      '引导基金出资',
      '引导基金认缴金额',
      '引导基金出资额',
      '引导基金承诺出资',
      '区引导基金认缴',
      '引导基金认缴额',
    ],
    other_lp_commitment_fen: ['其他出资人认缴', '社会资本认缴', '其他有限合伙人认缴', '其他lp认缴出资'],
    collective_assets_fen: ['集体资产', '集体资产参与', '股份合作公司出资', '集体资产出资额'],
    industries: ['投资领域', '产业方向', '投资方向', '关注领域', '所属产业', '产业领域'],
    amac_code: ['基金备案编号', '备案号', '协会备案编号', '产品编码', '基金编号'],
    invest_end_date: ['投资期截止日', '投资期到期日', '投资期结束日期', '投资期届满日', '投资期截止日期'],
    exit_end_date: ['退出期截止日', '退出期到期日', '退出期届满日', '退出期结束日期'],
    extension_end_date: ['延长期截止日', '延长期到期日', '延长期结束日期'],
    reinvest_multiple: ['返投比例', '返投要求倍数', '返投要求'],
    reinvest_base: ['返投计算基数'],
    reinvest_deadline: ['返投期限', '返投完成期限', '返投截止日期'],
    fee_terms: ['管理费', '管理费率'],
    carry_terms: ['业绩报酬', '超额收益分成', 'carry'],
  },
  cash_flow: {
    fund_id: ['基金名称', '子基金', '子基金名称', '出资基金', '基金全称'],
    date: [
      '出资日期',
      '缴款日期',
      '到账日期',
      '发生日期',
      '付款日期',
      '分配日期',
      '交易日期',
      '实缴日期',
      '到账时间',
      '缴款时间',
      '出资时间',
      '发生时间',
    ],
    type: ['款项类型', '现金流类型', '资金类型', '业务类型', '收支类型', '类别', '款项性质', '资金性质'],
    amount_fen: ['出资金额', '缴款金额', '实缴金额', '分配金额', '发生额', '实缴出资额', '金额合计'],
    doc_no: ['通知书编号', '单据编号', '缴款通知书编号', '凭证号', '文号', '编号'],
    note: ['说明', '摘要'],
  },
  valuation: {
    fund_id: ['基金名称', '子基金', '子基金名称', '基金全称'],
    as_of_date: ['估值日期', '估值基准日', '基准日', '截止日期', '报告期'],
    nav_fen: ['净值', '份额净值', '估值', '资产净值', 'nav', '引导基金份额估值', '公允价值'],
    source: ['估值来源', '数据来源'],
    note: ['说明'],
  },
  enterprise: {
    name: ['企业', '公司名称', '公司', '企业全称'],
    in_district: ['是否区内企业', '是否区内', '区内', '是否在区内'],
    founded_date: ['成立时间', '注册日期', '成立日'],
  },
  investment: {
    fund_id: ['基金名称', '投资主体', '出资基金', '投资基金', '子基金'],
    enterprise_id: ['被投企业名称', '投资标的', '标的企业', '企业名称', '企业', '公司名称', '被投项目'],
    date: ['投资时间', '出资日期', '交割日期', '日期'],
    amount_fen: ['投资额', '金额', '出资金额'],
    round: ['投资轮次', '融资轮次'],
    stake_pct: ['股权比例', '占股比例', '持股比'],
    post_money_fen: ['投资后估值'],
    status: ['投资状态', '持有状态'],
    exit_date: ['退出时间'],
    exit_proceeds_fen: ['退出金额', '退出收入', '回款金额'],
    current_value_fen: ['最新估值', '公允价值', '账面价值'],
  },
  landed_project: {
    name: ['项目'],
    enterprise_id: ['企业名称', '企业', '公司名称', '落地主体'],
    fund_id: ['引进基金', '引荐单位', '所属基金', '基金'],
    landed_date: ['落地时间', '注册日期', '签约日期'],
    amount_fen: ['落地金额', '投资金额', '注册资本', '项目金额', '投资额'],
    kind: ['落地类型', '引进方式'],
    status: ['项目状态', '进展'],
  },
  institution: {
    name: ['投资机构', '投资机构名称', '机构'],
    kind: ['类型', '机构类别'],
  },
  financing_deal: {
    enterprise_id: ['企业名称', '融资企业', '公司名称'],
    institution_id: ['机构名称', '对接机构', '投资方', '投资机构名称'],
    stage: ['对接阶段', '进展', '状态', '对接进展'],
    first_contact_date: ['对接日期', '首次对接时间', '对接时间'],
    amount_sought_fen: ['融资需求', '融资需求金额', '计划融资金额'],
    amount_closed_fen: ['融资金额', '已完成融资金额', '实际融资金额', '到位金额'],
    closed_date: ['融资完成日期', '完成时间'],
    round: ['融资轮次'],
  },
};

/** The other names of a field: the ledger's own, else those it has in every ledger. */
const aliasesOf = (entity: Entity, field: string): string[] => ALIASES[entity][field] ?? SHARED[field] ?? [];

/** How well a header names a field: 3 its own header, 2 a known alias, 1 containment, 0 no match. */
function matchScore(norm: string, spec: ColumnSpec, aliases: string[]): number {
  if (norm === '') return 0;
  if (norm === normalizeHeader(spec.header)) return 3;
  if (aliases.some((a) => normalizeHeader(a) === norm)) return 2;
  return 0;
}

function containScore(norm: string, spec: ColumnSpec, aliases: string[]): number {
  if (norm.length < 2) return 0;
  let best = 0;
  for (const t of [spec.header, ...aliases].map(normalizeHeader)) {
    if (t.length >= 2 && (norm.includes(t) || (t.includes(norm) && norm.length >= 3))) {
      best = Math.max(best, t.length);
    }
  }
  return best;
}

/** The best field for each header, each field used once: exact and alias matches first, then containment. */
export function suggestMapping(entity: Entity, headers: string[], sheetUnit: Unit | null): ColumnMapping {
  const specs = importColumns(entity);
  const norms = headers.map(normalizeHeader);
  const taken = new Set<string>();
  const chosen: (string | null)[] = headers.map(() => null);
  for (const level of [3, 2]) {
    norms.forEach((n, i) => {
      if (chosen[i]) return;
      const spec = specs.find(
        (s) => !taken.has(s.field) && matchScore(n, s, aliasesOf(entity, s.field)) === level,
      );
      if (spec) {
        chosen[i] = spec.field;
        taken.add(spec.field);
      }
    });
  }
  norms.forEach((n, i) => {
    if (chosen[i]) return;
    let best: { field: string; score: number } | null = null;
    for (const s of specs) {
      if (taken.has(s.field)) continue;
      const score = containScore(n, s, aliasesOf(entity, s.field));
      if (score > (best?.score ?? 0)) best = { field: s.field, score };
    }
    if (best) {
      chosen[i] = best.field;
      taken.add(best.field);
    }
  });
  return headers.map((h, i) => {
    const field = chosen[i] ?? null;
    const spec = field ? specs.find((s) => s.field === field) : undefined;
    return {
      column: i,
      field,
      unit: spec?.kind === 'money' ? (unitInHeader(h) ?? sheetUnit ?? 'yuan') : null,
    };
  });
}

/** How many cells of a row look like headers of this ledger. */
function headerScore(entity: Entity, cells: Cell[]): number {
  const specs = importColumns(entity);
  let n = 0;
  for (const c of cells) {
    if (typeof c !== 'string') continue;
    const norm = normalizeHeader(c);
    if (
      specs.some(
        (s) =>
          matchScore(norm, s, aliasesOf(entity, s.field)) > 0 ||
          containScore(norm, s, aliasesOf(entity, s.field)) >= 3,
      )
    ) {
      n++;
    }
  }
  return n;
}

/**
 * The header row: among the first rows, the one most cells of which name this ledger's fields (a title
 * row such as "坪山区引导基金子基金台账" above it is passed over); the first row when none does.
 */
export function findHeaderRow(entity: Entity, rows: SheetRow[]): number {
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const s = headerScore(entity, rows[i]!.cells);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/** A signature of a file layout, to remember its mapping. */
export function layoutKey(entity: Entity, headers: string[]): string {
  const text = `${entity}\u0001${headers.map(normalizeHeader).join('\u0001')}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${entity}:${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}
