/**
 * 返投 rule sets as a file (xlsx or CSV), so an office can share its rules: one row per rule set and
 * category, with Chinese headers; the same file imports back. Import is all-or-nothing: every row is
 * checked first (row-numbered Chinese messages), then every set is created or, by name, updated.
 */
import Papa from 'papaparse';
import {
  RULE_BASE,
  RULE_CATEGORY,
  type RuleBase,
  type RuleCategory,
  type RuleSetInput,
  ruleSetInputSchema,
} from '../../../shared/compliance/rule-set';
import type { OpenedDb } from '../../db/open';
import { loadExcelJS } from '../../export/exceljs';
import { readImportFile } from '../import/read';
import type { Cell } from '../import/table';
import { fail } from '../ledger/errors';
import { createRuleSet, updateRuleSet } from './edit';
import { loadRuleSets } from './reinvest';

export const RULE_SET_HEADERS = [
  '规则集名称',
  '返投基数',
  '返投倍数',
  '截止日期',
  '完成年限',
  '认定类别',
  '认定系数',
  '上限比例（%）',
  '锁定年数',
  '说明',
] as const;

type Value = string | number | null;

function rows(opened: OpenedDb): Value[][] {
  const out: Value[][] = [];
  for (const s of loadRuleSets(opened.raw)) {
    for (const c of RULE_CATEGORY.codes) {
      const r = s.categories[c];
      out.push([
        s.name,
        RULE_BASE.label[s.base],
        s.multiple,
        s.deadline_date,
        s.deadline_years,
        RULE_CATEGORY.label[c],
        r.multiplier,
        r.cap_pct,
        r.lock_in_years,
        s.notes,
      ]);
    }
  }
  return out;
}

export async function exportRuleSets(
  opened: OpenedDb,
  format: 'xlsx' | 'csv',
): Promise<{ fileName: string; mime: string; data: Buffer }> {
  const data = rows(opened);
  if (format === 'csv') {
    const text = Papa.unparse({
      fields: [...RULE_SET_HEADERS],
      data: data.map((r) => r.map((v) => v ?? '')),
    });
    return {
      fileName: '返投规则集.csv',
      mime: 'text/csv;charset=utf-8',
      data: Buffer.from(`\uFEFF${text}`, 'utf8'),
    };
  }
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('返投规则集', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...RULE_SET_HEADERS]).font = { bold: true };
  for (const r of data) ws.addRow(r);
  const widths = [40, 16, 10, 12, 10, 16, 10, 14, 10, 60];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: '返投规则集.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: buf,
  };
}

const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object')
    return c.kind === 'date' ? c.iso : c.kind === 'percent' ? String(c.value * 100) : '';
  return String(c).trim();
};
const numOrNull = (c: Cell | undefined): number | string | null => {
  const t = text(c);
  if (t === '') return null;
  const n = Number(t.replace(/[%％倍年]$/, ''));
  return Number.isFinite(n) ? n : t;
};
const byLabel = <K extends string>(map: Record<K, string>, t: string): K | undefined =>
  (Object.keys(map) as K[]).find((k) => map[k] === t || k === t);

/** Read a rule-set file; refuse it whole with row-numbered messages, or save every set in it. */
export function importRuleSets(
  opened: OpenedDb,
  fileName: string,
  bytes: Buffer,
): { created: number; updated: number } {
  const read = readImportFile(fileName, bytes);
  const [head, ...body] = read.rows;
  if (!head) fail('validation', '文件中没有数据');
  const col = new Map(head.cells.map((c, i) => [text(c), i]));
  const missing = RULE_SET_HEADERS.filter((h) => h !== '说明' && !col.has(h));
  if (missing.length)
    fail('validation', `文件缺少列：${missing.join('、')}（请使用导出的规则集文件作为模板）`);
  const at = (cells: Cell[], h: (typeof RULE_SET_HEADERS)[number]) => cells[col.get(h) ?? -1];

  const issues: { field: string | null; message: string; row: number }[] = [];
  const sets = new Map<string, { input: Record<string, unknown>; rows: number[] }>();
  for (const r of body) {
    const name = text(at(r.cells, '规则集名称'));
    if (!name) {
      issues.push({ field: '规则集名称', message: `第${r.rowNumber}行：缺少规则集名称`, row: r.rowNumber });
      continue;
    }
    const cat = byLabel<RuleCategory>(RULE_CATEGORY.label, text(at(r.cells, '认定类别')));
    if (!cat) {
      issues.push({
        field: '认定类别',
        message: `第${r.rowNumber}行：认定类别“${text(at(r.cells, '认定类别'))}”无效（可选：${Object.values(RULE_CATEGORY.label).join('、')}）`,
        row: r.rowNumber,
      });
      continue;
    }
    let s = sets.get(name);
    if (!s) {
      const base = byLabel<RuleBase>(RULE_BASE.label, text(at(r.cells, '返投基数')));
      s = {
        input: {
          name,
          base: base ?? text(at(r.cells, '返投基数')),
          multiple: numOrNull(at(r.cells, '返投倍数')),
          deadline_date: text(at(r.cells, '截止日期')) || null,
          deadline_years: numOrNull(at(r.cells, '完成年限')),
          categories: {},
          notes: text(at(r.cells, '说明')) || null,
        },
        rows: [],
      };
      sets.set(name, s);
    }
    s.rows.push(r.rowNumber);
    (s.input.categories as Record<string, unknown>)[cat] = {
      multiplier: numOrNull(at(r.cells, '认定系数')) ?? 1,
      cap_pct: numOrNull(at(r.cells, '上限比例（%）')),
      lock_in_years: numOrNull(at(r.cells, '锁定年数')),
    };
  }
  const valid: RuleSetInput[] = [];
  for (const [name, s] of sets) {
    const cats = s.input.categories as Record<string, unknown>;
    for (const c of RULE_CATEGORY.codes) cats[c] ??= { multiplier: 1, cap_pct: null, lock_in_years: null };
    const r = ruleSetInputSchema.safeParse(s.input);
    if (r.success) valid.push(r.data);
    else {
      for (const i of r.error.issues) {
        issues.push({
          field: i.path.join('.') || null,
          message: `规则集“${name}”（第${s.rows[0]}行起）：${i.message}`,
          row: s.rows[0]!,
        });
      }
    }
  }
  if (issues.length)
    fail('validation', `规则集文件有${issues.length}处错误，未导入任何内容：${issues[0]!.message}`, issues);
  if (!valid.length) fail('validation', '文件中没有规则集');
  const existing = new Map(loadRuleSets(opened.raw).map((s) => [s.name, s.id]));
  let created = 0;
  let updated = 0;
  opened.raw.transaction(() => {
    for (const v of valid) {
      const id = existing.get(v.name);
      if (id === undefined) {
        createRuleSet(opened, v);
        created++;
      } else {
        updateRuleSet(opened, id, v);
        updated++;
      }
    }
  })();
  return { created, updated };
}
