import type { ImportCommitResult, ImportPreview } from '@shared/contract/data';
import { ApiError } from '@shared/contract/define';
import { describe, expect, it } from 'vitest';
import {
  commitGate,
  type ImportAction,
  importReducer,
  initialImportState,
  readInput,
} from '../../src/renderer/src/pages/data/importState';

const FILE = { name: '子基金.xlsx', size: 1200, b64: 'AAAA' };

/** A preview of a 3-column sub-fund file: name, size (money), manager; with the counts given. */
function preview(counts: Partial<ImportPreview['counts']> = {}, more: Partial<ImportPreview> = {}) {
  return {
    ledger: 'fund',
    fileName: FILE.name,
    format: 'xlsx',
    encoding: null,
    sheets: [{ name: 'Sheet1', hidden: false }],
    sheet: 'Sheet1',
    headerRow: 1,
    headers: ['基金名称', '认缴规模', '管理人'],
    mapping: [
      { column: 0, field: 'name', unit: null },
      { column: 1, field: 'total_size_fen', unit: 'wan' },
      { column: 2, field: null, unit: null },
    ],
    mappingSource: 'auto',
    layoutKey: 'k',
    fields: [
      { field: 'name', header: '基金名称', kind: 'text', required: true },
      { field: 'total_size_fen', header: '认缴规模', kind: 'money', required: true },
      { field: 'guidance_commitment_fen', header: '引导基金认缴', kind: 'money', required: true },
      { field: 'manager_id', header: '基金管理人', kind: 'link', required: false },
    ],
    missingRequired: [],
    sheetUnit: null,
    toCreate: [],
    counts: { total: 10, ok: 10, error: 0, duplicate: 0, skipped: 0, warning: 0, ...counts },
    rows: [],
    truncated: false,
    units: [],
    unitWarning: null,
    implausible: [],
    ...more,
  } satisfies ImportPreview;
}

const run = (...actions: ImportAction[]) => actions.reduce(importReducer, initialImportState('sub_fund'));
const failure = new ApiError({ code: 'bad_request', message: '文件不是有效的 xlsx' });
const RESULT: ImportCommitResult = {
  ledger: 'fund',
  created: 10,
  skippedDuplicates: 0,
  skippedRows: 0,
  createdLinked: 0,
  backupFile: null,
};

describe('import page steps', () => {
  it('starts on the ledger of the link, or 子基金 when it names none', () => {
    expect(initialImportState('enterprise').choice.label).toBe('企业');
    expect(initialImportState(null).choice.label).toBe('子基金');
    expect(readInput(initialImportState(null))).toBeNull();
  });

  it('reads a sub-fund file as funds of kind sub; a picked kind overrides it', () => {
    const s = run({ type: 'file', file: FILE });
    expect(readInput(s)).toMatchObject({ ledger: 'fund', fileName: FILE.name, defaults: [{ value: 'sub' }] });
    const direct = importReducer(s, { type: 'kindDefault', value: 'direct' });
    expect(readInput(direct)?.defaults).toEqual([{ field: 'kind', value: 'direct' }]);
  });

  it('a new file, sheet or header row drops the mapping made for the old one', () => {
    const mapped = run(
      { type: 'file', file: FILE },
      { type: 'previewStarted', id: 1 },
      { type: 'previewDone', id: 1, preview: preview() },
      { type: 'column', column: 2, field: 'guidance_commitment_fen' },
    );
    expect(mapped.mapping?.[2]).toEqual({ column: 2, field: 'guidance_commitment_fen', unit: 'yuan' });
    expect(readInput(mapped)?.mapping).toBe(mapped.mapping);
    expect(importReducer(mapped, { type: 'sheet', sheet: 'Sheet2' }).mapping).toBeUndefined();
    expect(importReducer(mapped, { type: 'headerRow', row: 3 }).mapping).toBeUndefined();
    const other = importReducer(mapped, { type: 'file', file: { ...FILE, name: '另一个.csv' } });
    expect(other).toMatchObject({ mapping: undefined, preview: null, sheet: null, headerRow: undefined });
  });

  it('a field maps from one column: taking it for another column frees the first', () => {
    const s = run(
      { type: 'file', file: FILE },
      { type: 'previewStarted', id: 1 },
      { type: 'previewDone', id: 1, preview: preview({}, { sheetUnit: 'wan' }) },
      { type: 'column', column: 2, field: 'total_size_fen' },
    );
    expect(s.mapping).toEqual([
      { column: 0, field: 'name', unit: null },
      { column: 1, field: null, unit: null },
      { column: 2, field: 'total_size_fen', unit: 'wan' },
    ]);
    // A unit chosen for a money column is kept; a non-money field has none.
    const yi = importReducer(s, { type: 'column', column: 2, field: 'total_size_fen', unit: 'yi' });
    expect(yi.mapping?.[2]?.unit).toBe('yi');
    expect(
      importReducer(yi, { type: 'column', column: 2, field: 'manager_id' }).mapping?.[2]?.unit,
    ).toBeNull();
  });

  it('an answer to a replaced request is dropped: the newer preview stays', () => {
    const s = run(
      { type: 'file', file: FILE },
      { type: 'previewStarted', id: 1 },
      { type: 'previewStarted', id: 2 },
      { type: 'previewDone', id: 2, preview: preview({ ok: 7 }) },
      { type: 'previewDone', id: 1, preview: preview({ ok: 1 }) },
      { type: 'failed', id: 1, error: failure },
    );
    expect(s.preview?.counts.ok).toBe(7);
    expect(s.error).toBeNull();
    expect(s.busy).toBeNull();
  });

  it('a failed check leaves no preview; a failed import keeps the preview to correct', () => {
    const checked = run(
      { type: 'file', file: FILE },
      { type: 'previewStarted', id: 1 },
      { type: 'previewDone', id: 1, preview: preview() },
    );
    const badCheck = run(
      { type: 'file', file: FILE },
      { type: 'previewStarted', id: 1 },
      { type: 'failed', id: 1, error: failure },
    );
    expect(badCheck).toMatchObject({ preview: null, error: failure, busy: null });
    const badCommit = (
      [
        { type: 'commitStarted', id: 2 },
        { type: 'failed', id: 2, error: failure },
      ] satisfies ImportAction[]
    ).reduce(importReducer, checked);
    expect(badCommit.preview?.counts.ok).toBe(10);
    expect(badCommit.error).toBe(failure);
  });

  it('a done import shows its result and clears the file; a new check clears the result', () => {
    const done = run(
      { type: 'file', file: FILE },
      { type: 'previewStarted', id: 1 },
      { type: 'previewDone', id: 1, preview: preview() },
      { type: 'commitStarted', id: 2 },
      { type: 'progress', value: { phase: 'write', done: 5, total: 10, message: '写入' } },
      { type: 'commitDone', id: 2, result: RESULT },
    );
    expect(done).toMatchObject({ result: RESULT, file: null, preview: null, busy: null, progress: null });
    expect(readInput(done)).toBeNull();
    // Progress that arrives after the end is not shown.
    expect(
      importReducer(done, { type: 'progress', value: { phase: 'done', done: 10, total: 10, message: '' } })
        .progress,
    ).toBeNull();
    const again = run({ type: 'file', file: FILE }, { type: 'previewStarted', id: 3 });
    expect(again.result).toBeNull();
  });

  it('recheck and forgetting the mapping send the same file again', () => {
    const s = run({ type: 'file', file: FILE }, { type: 'column', column: 0, field: null });
    const re = importReducer(s, { type: 'recheck' });
    expect(re.file).toEqual(FILE);
    expect(re.file).not.toBe(s.file);
    expect(readInput(re)).not.toBe(readInput(s));
    expect(importReducer(s, { type: 'forgetMapping' }).mapping).toBeUndefined();
    expect(importReducer(initialImportState(null), { type: 'recheck' }).file).toBeNull();
  });

  it('says why the import is blocked, and offers 仅导入有效行 only when error rows alone stop it', () => {
    const at = (p: ImportPreview, dup: 'skip' | 'import' = 'skip') =>
      run(
        { type: 'file', file: FILE },
        { type: 'previewStarted', id: 1 },
        { type: 'previewDone', id: 1, preview: p },
        { type: 'duplicates', value: dup },
      );
    expect(commitGate(initialImportState(null), null).blocked).toBe('请先选择文件');
    expect(commitGate(at(preview()), null)).toEqual({ importable: 10, skippable: false, blocked: null });
    expect(commitGate(at(preview()), '数据库为只读').blocked).toBe('数据库为只读');
    expect(commitGate(at(preview({}, { missingRequired: ['引导基金认缴'] })), null).blocked).toBe(
      '缺少必填列：引导基金认缴',
    );
    const errors = commitGate(at(preview({ ok: 8, error: 1200 })), null);
    expect(errors).toEqual({
      importable: 8,
      skippable: true,
      blocked: '有 1,200 行有错误，请修改文件后重新选择，或仅导入有效行',
    });
    expect(commitGate(at(preview({ ok: 8, error: 2 })), '数据库为只读').skippable).toBe(false);
    // Duplicates: skipped by default, counted when the user chooses 仍然导入 — unless one is a hard one.
    const dup = preview({ ok: 8, duplicate: 2 });
    expect(commitGate(at(dup), null).importable).toBe(8);
    expect(commitGate(at(dup, 'import'), null)).toMatchObject({ importable: 10, blocked: null });
    const hard = preview(
      { ok: 8, duplicate: 2 },
      {
        rows: [{ row: 3, status: 'duplicate', cells: [], issues: [], warnings: [], hardDuplicate: true }],
      },
    );
    expect(commitGate(at(hard, 'import'), null).blocked).toMatch(/^有重复的行与已有记录的统一社会信用代码/);
    expect(commitGate(at(preview({ ok: 0, skipped: 10 })), null).blocked).toBe('没有可导入的行');
  });
});
