// The import page's steps as one reducer: what the user chose (ledger, file, sheet, header row, column
// mapping), the preview or error the last check gave, and the commit's outcome. Answers to a request that a
// newer one replaced are dropped here (by request id), so the page only renders and dispatches.
import type {
  ColumnMapping,
  ImportCommitResult,
  ImportInput,
  ImportPreview,
  ImportProgress,
} from '@shared/contract/data';
import type { ApiError } from '@shared/contract/define';
import type { Unit } from '@shared/money';
import { LEDGER_CHOICES, type LedgerChoice } from './files';

export type Busy = 'preview' | 'commit' | null;

export interface PickedFile {
  name: string;
  size: number;
  b64: string;
}

export interface ImportState {
  choice: LedgerChoice;
  file: PickedFile | null;
  sheet: string | null;
  headerRow: number | undefined;
  /** The user's own mapping; undefined while the preview's (automatic or remembered) one applies. */
  mapping: ColumnMapping | undefined;
  /** 基金类型 for a fund file without that column, when the user picked one. */
  kindDefault: string | null;
  createMissing: boolean;
  preview: ImportPreview | null;
  error: ApiError | null;
  busy: Busy;
  progress: ImportProgress | null;
  duplicates: 'skip' | 'import';
  filter: 'all' | 'problems' | 'ok';
  result: ImportCommitResult | null;
  /** The id of the latest preview or commit; answers carrying another id are stale. */
  request: number;
}

export type ImportAction =
  | { type: 'ledger'; key: string }
  | { type: 'file'; file: PickedFile }
  | { type: 'sheet'; sheet: string | null }
  | { type: 'headerRow'; row: number | undefined }
  | { type: 'createMissing'; value: boolean }
  | { type: 'recheck' }
  | { type: 'forgetMapping' }
  | { type: 'column'; column: number; field: string | null; unit?: Unit | null }
  | { type: 'kindDefault'; value: string }
  | { type: 'duplicates'; value: 'skip' | 'import' }
  | { type: 'filter'; value: 'all' | 'problems' | 'ok' }
  | { type: 'progress'; value: ImportProgress | null }
  | { type: 'previewStarted'; id: number }
  | { type: 'previewDone'; id: number; preview: ImportPreview }
  | { type: 'commitStarted'; id: number }
  | { type: 'commitDone'; id: number; result: ImportCommitResult }
  | { type: 'failed'; id: number; error: ApiError };

export function choiceOf(key: string | null): LedgerChoice {
  return LEDGER_CHOICES.find((c) => c.key === key) ?? LEDGER_CHOICES[1]!;
}

export function initialImportState(ledgerKey: string | null): ImportState {
  return {
    choice: choiceOf(ledgerKey),
    file: null,
    sheet: null,
    headerRow: undefined,
    mapping: undefined,
    kindDefault: null,
    createMissing: false,
    preview: null,
    error: null,
    busy: null,
    progress: null,
    duplicates: 'skip',
    filter: 'all',
    result: null,
    request: 0,
  };
}

/** Map a file column to a field (and unit, for money): a field maps from one column only. */
function remap(s: ImportState, column: number, field: string | null, unit?: Unit | null): ColumnMapping {
  const preview = s.preview!;
  return (s.mapping ?? preview.mapping).map((m) => {
    if (m.column === column) {
      const spec = preview.fields.find((f) => f.field === field);
      const u = spec?.kind === 'money' ? (unit ?? m.unit ?? preview.sheetUnit ?? 'yuan') : null;
      return { column, field, unit: u };
    }
    if (field && m.field === field) return { ...m, field: null, unit: null };
    return m;
  });
}

export function importReducer(s: ImportState, a: ImportAction): ImportState {
  switch (a.type) {
    case 'ledger':
      return { ...s, choice: choiceOf(a.key), mapping: undefined, kindDefault: null, result: null };
    case 'file':
      return { ...s, file: a.file, sheet: null, headerRow: undefined, mapping: undefined, preview: null };
    case 'sheet':
      return { ...s, sheet: a.sheet, headerRow: undefined, mapping: undefined };
    case 'headerRow':
      return { ...s, headerRow: a.row, mapping: undefined };
    case 'createMissing':
      return { ...s, createMissing: a.value };
    // A new file object: the same bytes are checked again.
    case 'recheck':
      return s.file ? { ...s, file: { ...s.file } } : s;
    case 'forgetMapping':
      return { ...s, mapping: undefined, file: s.file ? { ...s.file } : null };
    case 'column':
      return s.preview ? { ...s, mapping: remap(s, a.column, a.field, a.unit) } : s;
    case 'kindDefault':
      return { ...s, kindDefault: a.value };
    case 'duplicates':
      return { ...s, duplicates: a.value };
    case 'filter':
      return { ...s, filter: a.value };
    case 'progress':
      return s.busy ? { ...s, progress: a.value } : s;
    case 'previewStarted':
      return { ...s, request: a.id, busy: 'preview', progress: null, error: null, result: null };
    case 'commitStarted':
      return { ...s, request: a.id, busy: 'commit', progress: null, error: null };
    default:
      return a.id === s.request ? answered(s, a) : s;
  }
}

/** The answer to the latest request. */
function answered(
  s: ImportState,
  a: Extract<ImportAction, { type: 'previewDone' | 'commitDone' | 'failed' }>,
): ImportState {
  const idle = { ...s, busy: null, progress: null } as const;
  if (a.type === 'previewDone') return { ...idle, preview: a.preview };
  if (a.type === 'commitDone')
    return { ...idle, result: a.result, preview: null, file: null, mapping: undefined };
  // A failed check leaves no preview to import from; a failed commit keeps the preview to correct.
  return { ...idle, error: a.error, preview: s.busy === 'preview' ? null : s.preview };
}

/** What the file is read as: the input of 'import.preview' (and of 'import.commit'). */
export function readInput(s: ImportState): ImportInput | null {
  if (!s.file) return null;
  const kind = s.kindDefault ?? s.choice.kind ?? null;
  const defaults = s.choice.ledger === 'fund' && kind ? [{ field: 'kind', value: kind }] : [];
  return {
    ledger: s.choice.ledger,
    fileName: s.file.name,
    bytes: s.file.b64,
    ...(s.sheet ? { sheet: s.sheet } : {}),
    ...(s.headerRow ? { headerRow: s.headerRow } : {}),
    ...(s.mapping ? { mapping: s.mapping } : {}),
    ...(defaults.length ? { defaults } : {}),
    createMissing: s.createMissing,
  };
}

/** Whether (and how many rows) the preview can be imported, and why not. */
export function commitGate(s: ImportState, readOnlyTip: string | null) {
  const { preview, duplicates } = s;
  const counts = preview?.counts;
  const importable = counts ? counts.ok + (duplicates === 'import' ? counts.duplicate : 0) : 0;
  const hardDuplicates = preview?.rows.some((r) => r.hardDuplicate) ?? false;
  const missing = preview?.missingRequired ?? [];
  // 仅导入有效行: offered when error rows are all that stop the import.
  const skippable = !readOnlyTip && !!counts && missing.length === 0 && counts.error > 0 && importable > 0;
  const blocked = readOnlyTip
    ? readOnlyTip
    : !counts
      ? '请先选择文件'
      : missing.length > 0
        ? `缺少必填列：${missing.join('、')}`
        : counts.error > 0
          ? `有 ${counts.error.toLocaleString('zh-CN')} 行有错误，请修改文件后重新选择，或仅导入有效行`
          : duplicates === 'import' && hardDuplicates
            ? '有重复的行与已有记录的统一社会信用代码、名称或估值日相同，不能仍然导入'
            : importable === 0
              ? '没有可导入的行'
              : null;
  return { importable, skippable, blocked };
}
