// What the import's preview shows of an analysis (service.ts: read → analyse): counts of every row, the
// problem rows first up to the limit, the fields to map, the records to create.
import type { ColumnSpec } from '../../../shared/columns/spec';
import type { ImportCounts, ImportPreview, ImportPreviewRow } from '../../../shared/contract/data';
import type { Db } from '../../db/open';
import { importColumns } from './headers';
import { LIMITS } from './limits';
import { LINK_LABEL, type LinkResolver } from './links';
import { setProgress } from './progress';
import { type Analysis, analyseImport, type ImportOptions, type RowResult } from './service';

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

/** The preview without the unit checks (unit-check.ts adds them: they read the database). */
export type PreviewBase = Omit<ImportPreview, 'units' | 'unitWarning' | 'implausible'>;

/** What the preview shows of an analysis: counts of all rows, problem rows first up to the limit. */
export function previewOf(o: ImportOptions, a: Analysis): PreviewBase {
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

/** The preview without the unit checks (the import.preview handler adds them through unit-check.ts). */
export async function previewImport(db: Db, o: ImportOptions): Promise<PreviewBase> {
  return previewOf(o, await analyseImport(db, o));
}
