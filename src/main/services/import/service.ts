import { sql } from 'kysely';
import { parseCell } from '../../../shared/columns/convert';
import type { ColumnSpec } from '../../../shared/columns/spec';
import type {
  ColumnMapping,
  DuplicatePolicy,
  ImportCommitResult,
  ImportCounts,
  ImportIssue,
  ImportPreview,
  ImportPreviewRow,
  ImportRowStatus,
} from '../../../shared/contract/data';
import type { LinkEntity } from '../../../shared/contract/ledger';
import { ENTITY, type Entity } from '../../../shared/domain';
import type { Unit } from '../../../shared/money';
import { validateEntity } from '../../../shared/schemas/entities';
import type { Db, OpenedDb } from '../../db/open';
import { throwIfCancelled } from '../cancel';
import { DuplicateFinder, namesOf } from '../ledger/duplicates';
import { explainSqliteError, fail } from '../ledger/errors';
import { REGISTRY } from '../ledger/registry';
import { checkRules } from '../ledger/rules';
import { insertRows, writeAtOnce } from '../ledger/write';
import { convertCell, skipReason } from './convert';
import {
  findHeaderRow,
  importColumns,
  layoutKey,
  normalizeHeader,
  suggestMapping,
  unitNote,
} from './headers';
import { LIMITS, refuse } from './limits';
import { LINK_LABEL, LinkResolver } from './links';
import { rememberedMapping, rememberMapping } from './mappings';
import { setProgress, tick } from './progress';
import { readImportFile } from './read';
import { cellText, type ReadResult } from './table';

/**
 * Import of one ledger from a file: read → find the header row → map columns (given, remembered or
 * suggested) → convert every cell → check every row (schema, duplicates against stored records and
 * within the file (ledger/duplicates.ts), rules that need stored data) → preview. The commit takes a
 * backup, then SQLite's write lock; inside that transaction it uses the analysis only if the database is
 * exactly as the analysis saw it, else analyses again, and adds every accepted row at once (ledger/write.ts):
 * all or nothing, never seen half-done, never twice by two imports of one file.
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

interface RowResult {
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

function countsOf(rows: RowResult[]): ImportCounts {
  const c: ImportCounts = { total: rows.length, ok: 0, error: 0, duplicate: 0, skipped: 0, warning: 0 };
  for (const r of rows) {
    c[r.status]++;
    if (r.status === 'ok' && r.warnings.length > 0) c.warning++;
  }
  return c;
}

function toCreate(links: LinkResolver): ImportPreview['toCreate'] {
  return [...links.pending.entries()].map(([entity, m]) => ({
    entity,
    label: LINK_LABEL[entity],
    names: [...m.values()].map((x) => x.name),
  }));
}

function fieldInfo(s: ColumnSpec) {
  return {
    field: s.field,
    header: s.header,
    kind: s.kind,
    required: s.required === true,
    ...(s.kind === 'enum' || s.kind === 'multiEnum'
      ? { options: s.set.codes.map((c) => s.set.label[c]!) }
      : {}),
  };
}

function previewRow(r: RowResult): ImportPreviewRow {
  return {
    row: r.rowNumber,
    status: r.status,
    cells: r.cells.map((c) => (c.length > 200 ? `${c.slice(0, 200)}…` : c)),
    issues: r.issues,
    warnings: r.warnings,
    ...(r.duplicateOf ? { duplicateOf: r.duplicateOf, hardDuplicate: r.hardDuplicate === true } : {}),
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

/** What the preview shows of an analysis: counts of all rows, problem rows first up to the limit. */
export function previewOf(o: ImportOptions, a: Analysis): ImportPreview {
  const problems = a.rows.filter(
    (r) =>
      r.status === 'error' || r.status === 'duplicate' || (r.warnings.length > 0 && r.status !== 'skipped'),
  );
  const shown = new Set(problems.slice(0, LIMITS.previewRows));
  for (const r of a.rows) {
    if (shown.size >= LIMITS.previewRows) break;
    shown.add(r);
  }
  const rows = a.rows.filter((r) => shown.has(r)).map(previewRow);
  setProgress({ phase: 'done', done: a.rows.length, total: a.rows.length, message: '预览完成' });
  return {
    ledger: o.ledger,
    fileName: o.fileName,
    format: a.read.format,
    encoding: a.read.encoding,
    sheets: a.read.sheets,
    sheet: a.read.sheet,
    headerRow: a.headerRow,
    headers: a.headers,
    mapping: a.mapping,
    mappingSource: a.mappingSource,
    layoutKey: a.layout,
    fields: importColumns(o.ledger).map(fieldInfo),
    missingRequired: a.missingRequired,
    sheetUnit: a.sheetUnit,
    toCreate: toCreate(a.links),
    counts: countsOf(a.rows),
    rows,
    truncated: rows.length < a.rows.length,
  };
}

export async function previewImport(db: Db, o: ImportOptions): Promise<ImportPreview> {
  return previewOf(o, await analyseImport(db, o));
}

/** Every row the import refuses under a duplicate policy, with its messages (for the CLI's stderr). */
export function refusedRows(a: Analysis, duplicates: DuplicatePolicy): { row: number; messages: string[] }[] {
  return a.rows
    .filter(
      (r) =>
        r.status === 'error' ||
        (r.status === 'duplicate' &&
          (duplicates === 'refuse' || (duplicates === 'import' && r.hardDuplicate))),
    )
    .map((r) => ({
      row: r.rowNumber,
      messages:
        r.issues.length > 0 ? r.issues.map((i) => i.message) : [`与${r.duplicateOf ?? '已有记录'}重复`],
    }));
}

export interface CommitOptions extends ImportOptions {
  duplicates: DuplicatePolicy;
  /** 仅导入有效行: refused rows (errors, refused duplicates) are left out instead of refusing the file. */
  skipInvalid?: boolean | undefined;
  remember: boolean;
  /** Takes a backup just before writing; returns its file name (or null). */
  backup?: () => Promise<string | null>;
  /** Cancels the import: checked between batches, inside the transaction, so nothing is kept. */
  signal?: AbortSignal | undefined;
}

function rowIssues(rows: RowResult[]) {
  return rows.flatMap((r) =>
    r.issues.length > 0
      ? r.issues.map((i) => ({ field: i.field, message: i.message, row: r.rowNumber }))
      : [{ field: null, message: `与${r.duplicateOf ?? '已有记录'}重复`, row: r.rowNumber }],
  );
}

const rowList = (rows: RowResult[]) =>
  `第 ${rows
    .slice(0, 8)
    .map((r) => r.rowNumber)
    .join('、')}${rows.length > 8 ? ' 等' : ''} 行`;

export async function commitImport(
  opened: Pick<OpenedDb, 'db' | 'raw'>,
  o: CommitOptions,
): Promise<ImportCommitResult> {
  return commitAnalysis(opened, o, await analyseImport(opened.db, o));
}

/** The rows an analysis lets a commit add under its duplicate policy; refuses (writing nothing) otherwise. */
function acceptedRows(o: CommitOptions, a: Analysis): RowResult[] {
  if (a.missingRequired.length > 0) {
    fail('validation', `文件缺少必填列：${a.missingRequired.join('、')}；请在“列对应”中指定，全部未写入`);
  }
  const errors = a.rows.filter((r) => r.status === 'error');
  const dups = a.rows.filter((r) => r.status === 'duplicate');
  const hardDups = dups.filter((r) => r.hardDuplicate);
  // 仅导入有效行 (skipInvalid): refused rows stay out (refusedRows lists them); otherwise all or nothing.
  if (errors.length > 0 && !o.skipInvalid) {
    fail(
      'validation',
      `有 ${errors.length} 行有错误（${rowList(errors)}），全部未写入；请修改文件后重新导入`,
      rowIssues(errors),
    );
  }
  if (dups.length > 0 && o.duplicates === 'refuse' && !o.skipInvalid) {
    fail(
      'conflict',
      `有 ${dups.length} 行与已有记录或文件中前面的行重复（${rowList(dups)}），全部未写入；请选择“跳过重复行”或“仍然导入”`,
      rowIssues(dups),
    );
  }
  if (o.duplicates === 'import' && hardDups.length > 0 && !o.skipInvalid) {
    fail(
      'conflict',
      `有 ${hardDups.length} 行与已有记录的唯一信息（统一社会信用代码、名称或估值日）相同，不能重复导入（${rowList(hardDups)}），全部未写入`,
      rowIssues(hardDups),
    );
  }
  const accepted = a.rows.filter(
    (r) =>
      r.status === 'ok' ||
      (r.status === 'duplicate' && o.duplicates === 'import' && !(o.skipInvalid && r.hardDuplicate)),
  );
  if (accepted.length === 0) fail('validation', '没有可导入的行（全部为重复、空行或合计行），未写入任何记录');
  return accepted;
}

/**
 * Adds the records named by rows but not stored yet (createMissing), then the accepted rows, each with its
 * audit row; synchronous (inside writeAtOnce). Returns how many linked records it created.
 */
function writeRows(
  raw: Parameters<typeof insertRows>[0],
  entity: Entity,
  a: Analysis,
  accepted: RowResult[],
) {
  const def = REGISTRY[entity];
  const real = new Map<number, number>();
  let createdLinked = 0;
  for (const [linkEntity, names] of a.links.pending) {
    for (const { name, id: sentinel } of names.values()) {
      const v = validateEntity(linkEntity, { name });
      if (!v.ok)
        fail(
          'validation',
          `不能新增${LINK_LABEL[linkEntity]}“${name}”：${v.issues.map((i) => i.message).join('；')}`,
        );
      const [id] = insertRows(raw, REGISTRY[linkEntity].table, [v.value as Values]);
      real.set(sentinel, id!);
      createdLinked++;
      insertRows(raw, 'audit_log', [
        auditRow(linkEntity, id!, `导入时新增${LINK_LABEL[linkEntity]}“${name}”`, v.value as Values),
      ]);
    }
  }
  const values = accepted.map((r) => {
    const v = { ...r.values! };
    for (const [k, x] of Object.entries(v)) if (typeof x === 'number' && real.has(x)) v[k] = real.get(x);
    return v;
  });
  const ids = insertRows(raw, def.table, values);
  insertRows(
    raw,
    'audit_log',
    values.map((v, j) => auditRow(entity, ids[j]!, `导入${def.label}“${def.nameOf(v)}”`, v)),
  );
  return createdLinked;
}

/** One audit row per created record, as writeAudit writes them. */
const auditRow = (entity: Entity, id: number, summary: string, values: Values) => ({
  action: 'create',
  entity,
  entity_id: id,
  summary,
  before_json: null,
  after_json: JSON.stringify({ id, ...values }),
  source: 'import',
});

/**
 * Adds the accepted rows of an analysis in one transaction, or refuses and writes nothing. Inside the write
 * transaction the analysis is used only if the database is as it was when the analysis began; otherwise
 * (another window or process wrote, e.g. the same file imported at the same time) the file is checked
 * again there, so its duplicates are found.
 */
export async function commitAnalysis(
  opened: Pick<OpenedDb, 'db' | 'raw'>,
  o: CommitOptions,
  analysis: Analysis,
): Promise<ImportCommitResult> {
  try {
    const entity = o.ledger;
    acceptedRows(o, analysis);
    const backupFile = o.backup ? await o.backup() : null;
    const { a, accepted, createdLinked } = await writeAtOnce(
      opened,
      async (conn) => {
        // The last moment a cancel takes effect: the write itself is one synchronous transaction.
        throwIfCancelled(o.signal, '导入');
        const a = (await dbState(conn)) === analysis.state ? analysis : await analyse(conn, o);
        return { a, accepted: acceptedRows(o, a) };
      },
      (raw, { a, accepted }) => {
        setProgress({ phase: 'write', done: 0, total: accepted.length, message: '正在写入…' });
        return { a, accepted, createdLinked: writeRows(raw, entity, a, accepted) };
      },
    ).catch((e) => {
      throw explainSqliteError(e);
    });
    const total = accepted.length;
    if (o.remember) await rememberMapping(opened.db, a.layout, entity, a.headers, a.mapping, o.fileName);
    setProgress({ phase: 'done', done: total, total, message: `已导入 ${total} 条` });
    return {
      ledger: entity,
      created: total,
      skippedDuplicates: o.duplicates === 'skip' ? a.rows.filter((r) => r.status === 'duplicate').length : 0,
      rejectedRows: o.skipInvalid ? refusedRows(a, o.duplicates).length : 0,
      skippedRows: a.rows.filter((r) => r.status === 'skipped').length,
      createdLinked,
      backupFile,
    };
  } catch (e) {
    setProgress({ phase: 'failed', done: 0, total: 0, message: (e as Error).message });
    throw e;
  }
}
