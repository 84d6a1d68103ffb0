// The import's read → analyse steps: the analysis state (layout, mapping, links, duplicate finder, per-row
// results) is built step by step and shared by every step; what the preview shows of it is in preview.ts, the
// commit in commit.ts, units in unit-check.ts, refused rows in rejects.ts.
import { sql } from 'kysely';
import { parseCell } from '../../../shared/columns/convert';
import type {
  ColumnMapping,
  ImportIssue,
  ImportPreview,
  ImportRowStatus,
} from '../../../shared/contract/data';
import type { LinkEntity } from '../../../shared/contract/ledger';
import { ENTITY, type Entity } from '../../../shared/domain';
import type { Unit } from '../../../shared/money';
import { validateEntity } from '../../../shared/schemas/entities';
import { isPostgres } from '../../db/engine';
import type { Db } from '../../db/open';
import { DuplicateFinder, namesOf } from '../ledger/duplicates';
import { fail } from '../ledger/errors';
import { REGISTRY } from '../ledger/registry';
import { checkRules } from '../ledger/rules';
import { convertCell, skipReason } from './convert';
import {
  findHeaderRow,
  importColumns,
  layoutKey,
  normalizeHeader,
  suggestMapping,
  unitNote,
} from './headers';
import { refuse } from './limits';
import { LinkResolver } from './links';
import { rememberedMapping } from './mappings';
import { setProgress, tick } from './progress';
import { readImportFile } from './read';
import { cellText, type ReadResult } from './table';

/**
 * Import of one ledger from a file: read → find the header row → map columns (given, remembered or
 * suggested) → convert every cell → check every row (schema, duplicates against stored records and
 * within the file (ledger/duplicates.ts), rules that need stored data) → preview. commit.ts adds the
 * rows, checking them again inside the write transaction.
 */

export interface ImportOptions {
  ledger: Entity;
  fileName: string;
  bytes: Buffer;
  sheet?: string | null | undefined;
  headerRow?: number | undefined;
  mapping?: ColumnMapping | undefined;
  defaults?: { field: string; value: string }[] | undefined;
  createMissing?: boolean | undefined;
  /** Unit of money columns whose header states none (before a "单位：万元" note above the table). */
  defaultUnit?: Unit | undefined;
}

type Values = Record<string, unknown>;

export interface RowResult {
  rowNumber: number;
  cells: string[];
  status: ImportRowStatus;
  issues: ImportIssue[];
  warnings: string[];
  duplicateOf?: string;
  hardDuplicate?: boolean;
  /** Validated values, ready to store (pending link ids still to be replaced). */
  values?: Values;
}

export interface Analysis {
  /** The database as the analysis began to read it (dbState): the commit trusts it only while unchanged. */
  state: string;
  read: ReadResult;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  mappingSource: ImportPreview['mappingSource'];
  layout: string;
  sheetUnit: Unit | null;
  missingRequired: string[];
  rows: RowResult[];
  links: LinkResolver;
}

const isDataOf = (entity: Entity) => ENTITY.label[entity];

/**
 * Where the database is: commits by other connections (data_version) and rows this one changed
 * (total_changes()). Equal states mean nothing was written in between.
 */
export async function dbState(db: Db): Promise<string> {
  if (isPostgres(db)) {
    // PostgreSQL: the server's WAL position moves with every commit, this connection's and everyone else's.
    const wal = await sql<{ v: string }>`SELECT pg_current_wal_insert_lsn()::text AS v`.execute(db);
    return wal.rows[0]!.v;
  }
  const version = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  const changes = await sql<{ n: number }>`SELECT total_changes() AS n`.execute(db);
  return `${version.rows[0]?.data_version}:${changes.rows[0]?.n}`;
}

function validMapping(entity: Entity, mapping: ColumnMapping, width: number): ColumnMapping {
  const specs = new Map(importColumns(entity).map((s) => [s.field, s]));
  const used = new Map<string, number>();
  const out: ColumnMapping = [];
  const seenColumns = new Set<number>();
  for (const m of mapping) {
    if (m.column >= width || seenColumns.has(m.column)) continue;
    seenColumns.add(m.column);
    if (m.field == null) {
      out.push({ column: m.column, field: null, unit: null });
      continue;
    }
    const spec = specs.get(m.field);
    if (!spec) fail('bad_request', `“${m.field}”不是${isDataOf(entity)}台账的字段`);
    const prev = used.get(m.field);
    if (prev != null) {
      fail(
        'validation',
        `第 ${prev + 1} 列和第 ${m.column + 1} 列都对应了“${spec.header}”，每个字段只能对应一列`,
      );
    }
    used.set(m.field, m.column);
    out.push({ column: m.column, field: m.field, unit: spec.kind === 'money' ? (m.unit ?? 'yuan') : null });
  }
  for (let c = 0; c < width; c++) if (!seenColumns.has(c)) out.push({ column: c, field: null, unit: null });
  return out.sort((a, b) => a.column - b.column);
}

async function analyse(db: Db, o: ImportOptions): Promise<Analysis> {
  const entity = o.ledger;
  const state = await dbState(db);
  setProgress({ phase: 'read', done: 0, total: 0, message: `正在读取“${o.fileName}”…` });
  await tick();
  const read = readImportFile(o.fileName, o.bytes, o.sheet);
  if (read.rows.length === 0) {
    refuse(read.sheet ? `工作表“${read.sheet}”是空的，没有可导入的数据` : '文件是空的，没有可导入的数据');
  }
  let headerIndex: number;
  if (o.headerRow != null) {
    headerIndex = read.rows.findIndex((r) => r.rowNumber === o.headerRow);
    if (headerIndex < 0) refuse(`第 ${o.headerRow} 行是空行或不存在，不能作为表头`);
  } else {
    headerIndex = findHeaderRow(entity, read.rows);
  }
  const headerCells = read.rows[headerIndex]!.cells;
  const width = read.width;
  const headers = Array.from({ length: width }, (_, i) => {
    const t = cellText(headerCells[i] ?? null).trim();
    return t === '' ? `（第 ${i + 1} 列）` : t;
  });
  const sheetUnit = unitNote(read.rows.slice(0, headerIndex));
  const layout = layoutKey(entity, headers);

  let mapping: ColumnMapping;
  let mappingSource: Analysis['mappingSource'];
  if (o.mapping) {
    mapping = validMapping(entity, o.mapping, width);
    mappingSource = 'manual';
  } else {
    const remembered = await rememberedMapping(db, layout, width);
    mapping = validMapping(
      entity,
      remembered ?? suggestMapping(entity, headers, o.defaultUnit ?? sheetUnit),
      width,
    );
    mappingSource = remembered ? 'remembered' : 'auto';
  }

  const specs = importColumns(entity);
  const specOf = new Map(specs.map((s) => [s.field, s]));
  const columnOf = new Map<string, number>();
  for (const m of mapping) if (m.field) columnOf.set(m.field, m.column);

  const links = new LinkResolver(db, o.createMissing === true);
  await links.load(specs.flatMap((s) => (s.kind === 'link' ? [s.link] : [])) as LinkEntity[]);

  const defaults = new Map<string, unknown>();
  for (const d of o.defaults ?? []) {
    const spec = specOf.get(d.field);
    if (!spec) fail('bad_request', `“${d.field}”不是${isDataOf(entity)}台账的字段`);
    if (d.value.trim() === '') continue;
    const r = parseCell(spec, d.value, 'yuan');
    if (!r.ok) fail('validation', `默认值无效：${r.error}`);
    defaults.set(d.field, r.value);
  }
  const missingRequired = specs
    .filter((s) => s.required && !columnOf.has(s.field) && !defaults.has(s.field))
    .map((s) => s.header);

  const headerNorms = headers.map((h, i) =>
    cellText(headerCells[i] ?? null).trim() === '' ? '' : normalizeHeader(h),
  );
  const dataRows = read.rows.slice(headerIndex + 1);
  const total = dataRows.length;
  const rows: RowResult[] = [];

  // 1. convert cells
  for (let i = 0; i < dataRows.length; i++) {
    const src = dataRows[i]!;
    const cells = Array.from({ length: width }, (_, c) => cellText(src.cells[c] ?? null));
    const skip = skipReason(src.cells, headerNorms, normalizeHeader);
    if (skip) {
      rows.push({ rowNumber: src.rowNumber, cells, status: 'skipped', issues: [], warnings: [skip] });
      continue;
    }
    const values: Values = {};
    const issues: ImportIssue[] = [];
    const warnings: string[] = [];
    for (const m of mapping) {
      if (!m.field) continue;
      const spec = specOf.get(m.field)!;
      const r = convertCell(spec, src.cells[m.column] ?? null, m.unit ?? 'yuan', links);
      if (!r.ok) issues.push({ column: m.column, field: m.field, message: r.error });
      else {
        if (r.value != null && !(r.value === '' && spec.kind !== 'multiEnum')) values[m.field] = r.value;
        else if (spec.kind === 'multiEnum' || spec.kind === 'bool') values[m.field] = r.value;
        if (r.warning) warnings.push(r.warning);
      }
    }
    for (const [field, v] of defaults) if (values[field] == null) values[field] = v;
    rows.push({
      rowNumber: src.rowNumber,
      cells,
      status: issues.length ? 'error' : 'ok',
      issues,
      warnings,
      values,
    });
    if (i % 2000 === 1999) {
      setProgress({ phase: 'check', done: i + 1, total, message: '正在转换数据…' });
      await tick();
    }
  }

  // 2. check rows as they would be stored
  const duplicates = await DuplicateFinder.of(
    db,
    entity,
    rows.map((r) => r.values),
  );
  // Rows repeating a stored record, named after the loop: the names of all those records in a few queries.
  const repeats: { row: RowResult; id: number }[] = [];
  // checkRules looks only at unique columns, linked ids and the 返投 recognition pair (rules.ts), so
  // rows that agree on those get the same answer: ask once per distinct combination.
  const ruleInputs = [
    ...REGISTRY[entity].uniques.map((u) => u.column),
    'manager_id',
    'fund_id',
    'enterprise_id',
    'institution_id',
    'reinvest_category',
  ];
  const ruleMemo = new Map<string, Promise<Awaited<ReturnType<typeof checkRules>>>>();
  const rulesOf = (value: Values) => {
    const key = JSON.stringify(ruleInputs.map((c) => value[c] ?? null));
    let r = ruleMemo.get(key);
    if (!r) {
      r = checkRules(db, entity, value, null);
      ruleMemo.set(key, r);
    }
    return r;
  };
  const recognitions = new Map<string, number>();
  const label = REGISTRY[entity].label;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (i % 500 === 499) {
      setProgress({ phase: 'check', done: i + 1, total, message: '正在检查每一行…' });
      await tick();
    }
    if (r.status === 'skipped' || !r.values) continue;
    const badFields = new Set(r.issues.map((x) => x.field));
    const v = validateEntity(entity, r.values);
    if (!v.ok) {
      for (const x of v.issues) {
        if (x.field && badFields.has(x.field)) continue;
        if (x.field && !columnOf.has(x.field) && !defaults.has(x.field) && missingRequired.length > 0) {
          const spec = specOf.get(x.field);
          if (spec?.required) continue; // reported once for the file: a required column is missing
        }
        r.issues.push({
          column: x.field ? (columnOf.get(x.field) ?? null) : null,
          field: x.field,
          message: x.message,
        });
      }
      if (missingRequired.length > 0 && r.issues.length === 0) {
        r.issues.push({ column: null, field: null, message: `缺少必填列：${missingRequired.join('、')}` });
      }
      r.status = 'error';
      r.values = undefined;
      continue;
    }
    if (r.issues.length > 0) {
      r.values = undefined;
      continue;
    }
    const value = v.value as Values;
    r.values = value;
    const repeat = duplicates.check(value, r.rowNumber);
    if (repeat) {
      r.status = 'duplicate';
      r.hardDuplicate = repeat.key.hard;
      if (repeat.of === 'stored') repeats.push({ row: r, id: repeat.id });
      else r.duplicateOf = `本文件第 ${repeat.row} 行`;
      continue;
    }
    // Rules that need stored data. A value another record has is a repeat (above); a record still to be
    // created (createMissing) is not missing.
    const ruleIssues = (await rulesOf(value)).filter(
      (x) =>
        x.code !== 'unique' && !(x.code === 'missing_link' && x.field && links.isPending(value[x.field])),
    );
    for (const x of ruleIssues) {
      r.issues.push({
        column: x.field ? (columnOf.get(x.field) ?? null) : null,
        field: x.field,
        message: x.message,
      });
    }
    if ((entity === 'investment' || entity === 'landed_project') && value.reinvest_category != null) {
      const key = `${value.fund_id}|${value.enterprise_id}`;
      const earlier = recognitions.get(key);
      if (earlier != null) {
        r.issues.push({
          column: columnOf.get('reinvest_category') ?? null,
          field: 'reinvest_category',
          message: `同一基金与企业的返投认定已在本文件第 ${earlier} 行出现，只能认定一次`,
        });
      } else recognitions.set(key, r.rowNumber);
    }
    if (r.issues.length > 0) {
      r.status = 'error';
      r.values = undefined;
    }
  }
  const names = await namesOf(
    db,
    entity,
    repeats.map((x) => x.id),
  );
  for (const { row, id } of repeats) row.duplicateOf = `已有${label}“${names.get(id) ?? ''}”（编号 ${id}）`;
  setProgress({ phase: 'check', done: total, total, message: '检查完成' });
  return {
    state,
    read,
    headerRow: read.rows[headerIndex]!.rowNumber,
    headers,
    mapping,
    mappingSource,
    layout,
    sheetUnit,
    missingRequired,
    rows,
    links,
  };
}

/** Reads and checks a file (no writes). Failures are reported to the progress listener too. */
export async function analyseImport(db: Db, o: ImportOptions): Promise<Analysis> {
  try {
    return await analyse(db, o);
  } catch (e) {
    setProgress({ phase: 'failed', done: 0, total: 0, message: (e as Error).message });
    throw e;
  }
}
