import { UNIT_LABEL, type Unit } from '../money';
import { toHalfWidth } from '../text';
import { type LinkResolver, parseCell } from './convert';
import type { ColumnSpec } from './spec';

/**
 * Rows copied from Excel, WPS or LibreOffice arrive as tab-separated text. A cell holding a line break, a
 * tab or a quote is written in double quotes with inner quotes doubled; every other cell is written as is
 * (so a lone quote inside a cell is just a character).
 */
export function parseTsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = s.length;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (i <= n) {
    if (i === n) {
      // End of text: close the last row unless the text ended with a line break.
      if (row.length > 0) endRow();
      break;
    }
    let value = '';
    let next = i;
    let quoted = false;
    if (s[i] === '"') {
      // Try a quoted cell: it must close with a quote that is followed by a tab, a line break or the end.
      let j = i + 1;
      let buf = '';
      while (j < n) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            buf += '"';
            j += 2;
            continue;
          }
          break;
        }
        buf += s[j];
        j++;
      }
      const after = s[j + 1];
      if (j < n && (after === undefined || after === '\t' || after === '\n' || after === '\r')) {
        value = buf.replace(/\r\n/g, '\n');
        next = j + 1;
        quoted = true;
      }
    }
    if (!quoted) {
      let j = i;
      while (j < n && s[j] !== '\t' && s[j] !== '\n' && s[j] !== '\r') j++;
      value = s.slice(i, j);
      next = j;
    }
    row.push(value);
    const d = s[next];
    if (d === '\t') {
      i = next + 1;
      if (i === n) {
        row.push('');
        endRow();
        break;
      }
    } else if (d === '\r' || d === '\n') {
      endRow();
      i = next + (d === '\r' && s[next + 1] === '\n' ? 2 : 1);
    } else {
      endRow();
      break;
    }
  }
  // Blank lines (Excel adds one at the end; selections may include empty rows) carry nothing.
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(亿元|亿)$/, 'yi'],
  [/^(万元|万)$/, 'wan'],
  [/^(元|人民币元|RMB)$/i, 'yuan'],
];

/** A header as typed: its name without marks and spaces, and the money unit it states, if any. */
export function normalizeHeader(raw: string): { name: string; unit: Unit | null } {
  let s = toHalfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\(必填\)$/, '');
  let unit: Unit | null = null;
  const m = /^(.*)\(([^()]*)\)$/.exec(s);
  if (m) {
    const word = m[2]!;
    const u = UNIT_WORDS.find(([re]) => re.test(word));
    if (u) {
      unit = u[1];
      s = m[1]!;
    }
  }
  return { name: s.replace(/^\*+|\*+$/g, ''), unit };
}

/** Other headers people write for the columns that name a linked record. */
const LINK_ALIASES: Record<string, string[]> = {
  fund: ['基金', '基金名称', '所属基金'],
  enterprise: ['企业', '企业名称', '被投企业', '被投企业名称', '落地企业'],
  manager: ['基金管理人', '管理人', '管理人名称', 'GP'],
  institution: ['投资机构', '机构', '机构名称', '投资机构名称'],
};

function matchHeader(name: string, specs: ColumnSpec[]): ColumnSpec | null {
  if (name === '') return null;
  const exact = specs.find((s) => normalizeHeader(s.header).name === name || s.field === name);
  if (exact) return exact;
  const linked = specs.filter((s) => s.kind === 'link' && LINK_ALIASES[s.link]?.includes(name));
  return linked.length === 1 ? linked[0]! : null;
}

/** Where one pasted column goes: a ledger column (and the unit its header states), or nowhere. */
export interface PasteColumn {
  index: number;
  /** The header as pasted, or “第 N 列”. */
  source: string;
  spec: ColumnSpec | null;
  unit: Unit | null;
  /** Why the column is not used. */
  ignored?: string;
}

export interface PasteMapping {
  hasHeader: boolean;
  columns: PasteColumn[];
  /** Required columns the paste does not fill. */
  missing: ColumnSpec[];
}

/**
 * Map pasted columns to ledger columns: by a header row when the first row names columns (with or without
 * the unit, e.g. 认缴规模（万元）), else by the order of the columns the grid shows.
 */
export function mapColumns(rows: string[][], specs: ColumnSpec[], visibleOrder: ColumnSpec[]): PasteMapping {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const first = rows[0] ?? [];
  const nonEmpty = first.filter((c) => c.trim() !== '');
  const matched = first.map((c) => {
    const h = normalizeHeader(c);
    return { spec: matchHeader(h.name, specs), unit: h.unit };
  });
  const hits = matched.filter((m) => m.spec).length;
  const hasHeader = nonEmpty.length > 0 && hits >= Math.max(1, Math.ceil(nonEmpty.length / 2));
  const used = new Set<string>();
  const columns: PasteColumn[] = [];
  for (let i = 0; i < width; i++) {
    const source = hasHeader ? (first[i] ?? '').trim() || `第 ${i + 1} 列` : `第 ${i + 1} 列`;
    const spec = hasHeader ? (matched[i]?.spec ?? null) : (visibleOrder[i] ?? null);
    const col: PasteColumn = { index: i, source, spec, unit: hasHeader ? (matched[i]?.unit ?? null) : null };
    if (!spec) col.ignored = hasHeader ? '没有对应的列' : '超出表格的列数';
    else if (spec.readOnly) col.ignored = `“${spec.header}”为计算列，不导入`;
    else if (used.has(spec.field)) col.ignored = `与前面的“${spec.header}”列重复`;
    else used.add(spec.field);
    columns.push(col);
  }
  const missing = specs.filter((s) => s.required && !s.readOnly && !used.has(s.field));
  return { hasHeader, columns, missing };
}

export interface PastedRow {
  /** 1-based position among the data rows (the header row not counted). */
  row: number;
  values: Record<string, unknown>;
  /** Cell-level problems found before asking the database. */
  issues: { field: string | null; message: string }[];
}

/**
 * Turn pasted text cells into record values: money without a unit is read in the column's header unit,
 * else in `unit`; linked records are found by name.
 */
export function convertRows(
  rows: string[][],
  mapping: PasteMapping,
  unit: Unit,
  resolve: LinkResolver,
): PastedRow[] {
  const data = mapping.hasHeader ? rows.slice(1) : rows;
  return data.map((cells, k) => {
    const values: Record<string, unknown> = {};
    const issues: PastedRow['issues'] = [];
    for (const col of mapping.columns) {
      if (!col.spec || col.ignored) continue;
      const r = parseCell(col.spec, cells[col.index] ?? '', col.unit ?? unit, resolve);
      if (r.ok) values[col.spec.field] = r.value;
      else issues.push({ field: col.spec.field, message: r.error });
    }
    for (const m of mapping.missing) {
      if (!issues.some((i) => i.field === m.field))
        issues.push({ field: m.field, message: `缺少必填列“${m.header}”` });
    }
    return { row: k + 1, values, issues };
  });
}

/** How the dialog tells the user which unit bare amounts are read in. */
export function unitNote(mapping: PasteMapping, unit: Unit): string | null {
  const money = mapping.columns.filter((c) => c.spec?.kind === 'money' && !c.ignored);
  if (money.length === 0) return null;
  const stated = money.filter((c) => c.unit);
  const bare = money.filter((c) => !c.unit);
  const parts: string[] = [];
  if (bare.length > 0)
    parts.push(
      `未写单位的金额按当前单位“${UNIT_LABEL[unit]}”读取（${bare.map((c) => c.spec!.header).join('、')}）`,
    );
  if (stated.length > 0)
    parts.push(
      `表头注明单位的按表头读取（${stated.map((c) => `${c.spec!.header}：${UNIT_LABEL[c.unit!]}`).join('、')}）`,
    );
  return `${parts.join('；')}。金额中写明的单位（如 1.5亿、3000万）优先。`;
}
