import type {
  BackupItem,
  DuplicatePolicy,
  dataChannels,
  FilePayload,
  ImportCommitResult,
} from '../../shared/contract/data';
import { backupNow, backupSettings, discardBackup, listBackups, restoreByName } from '../services/backup';
import { rememberAnalysis, takeAnalysis } from '../services/import/analysis-cache';
import { commitAnalysis } from '../services/import/commit';
import { exportLedger } from '../services/import/ledger-export';
import { forgetMapping, listMappings } from '../services/import/mappings';
import { previewOf } from '../services/import/preview';
import { getProgress, onProgress } from '../services/import/progress';
import { rejectsFile } from '../services/import/rejects';
import { type Analysis, analyseImport, type ImportOptions } from '../services/import/service';
import { importTemplate } from '../services/import/template';
import { unitChecks } from '../services/import/unit-check';
import { isEmpty } from '../services/meta';
import type { HandlerContext } from './context';
import type { HandlerMap } from './types';

function payload(f: { fileName: string; mime: string; data: Buffer }): FilePayload {
  return { fileName: f.fileName, mime: f.mime, data: f.data.toString('base64') };
}

function importOptions(i: {
  ledger: ImportOptions['ledger'];
  fileName: string;
  bytes: string;
  sheet?: string | null | undefined;
  headerRow?: number | undefined;
  mapping?: ImportOptions['mapping'];
  defaults?: ImportOptions['defaults'];
  createMissing?: boolean | undefined;
  defaultUnit?: ImportOptions['defaultUnit'];
}): ImportOptions {
  return {
    ledger: i.ledger,
    fileName: i.fileName,
    bytes: Buffer.from(i.bytes, 'base64'),
    sheet: i.sheet,
    headerRow: i.headerRow,
    mapping: i.mapping,
    defaults: i.defaults,
    createMissing: i.createMissing,
    defaultUnit: i.defaultUnit,
  };
}

/** Runs a preview or commit, forwarding its progress to the host (Electron sends it to the window). */
async function withProgress<T>(ctx: HandlerContext, run: () => Promise<T>): Promise<T> {
  if (!ctx.progress) return run();
  onProgress((p) => ctx.progress?.('import', p.done, p.total));
  try {
    return await run();
  } finally {
    onProgress(null);
  }
}

/** The refused rows as a file of the same format as the imported one, named after it. */
async function rejectsPayload(
  a: Analysis,
  duplicates: DuplicatePolicy,
  fileName: string,
): Promise<FilePayload> {
  const format = a.read.format === 'csv' ? 'csv' : 'xlsx';
  const f = await rejectsFile(a, duplicates, format);
  const stem = fileName.replace(/\.[^.]+$/, '');
  return {
    fileName: `${stem}-未导入的行.${format}`,
    mime: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: f.data.toString('base64'),
  };
}

/**
 * The backup taken before an import writes (skipped for an empty database, and on PostgreSQL: there is no file
 * to copy, the import is one transaction that leaves nothing on failure, and the server's backups are pg_dump's).
 */
async function backupBeforeImport(ctx: HandlerContext, inWorker = false): Promise<BackupItem | null> {
  if (ctx.opened.engine === 'postgres' || (await isEmpty(ctx.opened.db))) return null;
  return backupNow(ctx.opened, 'before-import', { inWorker });
}

/**
 * A commit: with the preview's analysis when 导入 follows the preview unchanged; otherwise the file is read and
 * checked again while the safety copy is made in a worker thread (both take seconds at 100x the demo data;
 * bench/README.md). A copy made for an import that is then refused is deleted.
 */
async function commit(
  ctx: HandlerContext,
  o: ImportOptions,
  i: { duplicates: DuplicatePolicy; remember: boolean; skipInvalid: boolean },
): Promise<ImportCommitResult> {
  const cached = takeAnalysis(ctx.opened, o);
  const early = cached ? null : backupBeforeImport(ctx, true);
  early?.catch(() => {}); // awaited below, or dropped when the import is refused first
  let used = false;
  try {
    const a = cached ?? (await analyseImport(ctx.opened.db, o));
    const r = await commitAnalysis(
      ctx.opened,
      {
        ...o,
        duplicates: i.duplicates,
        remember: i.remember,
        skipInvalid: i.skipInvalid,
        signal: ctx.signal,
        backup: async () => {
          used = true;
          return (await (early ?? backupBeforeImport(ctx)))?.file ?? null;
        },
      },
      a,
    );
    if (!i.skipInvalid || !r.rejectedRows) return { ...r, rejects: null };
    return { ...r, rejects: await rejectsPayload(a, i.duplicates, o.fileName) };
  } finally {
    if (early && !used) {
      const item = await early.catch(() => null);
      if (item) discardBackup(item);
    }
  }
}

export const dataHandlers: HandlerMap<keyof typeof dataChannels> = {
  'import.template': async (i, ctx) =>
    payload(await importTemplate(ctx.opened.db, i.ledger, i.format, i.unit)),
  'import.preview': async (i, ctx) =>
    withProgress(ctx, async () => {
      const o = importOptions(i);
      const a = await analyseImport(ctx.opened.db, o);
      rememberAnalysis(ctx.opened, o, a);
      return { ...previewOf(o, a), ...(await unitChecks(ctx.opened.db, a, o.defaultUnit)) };
    }),
  'import.commit': async (i, ctx) => withProgress(ctx, () => commit(ctx, importOptions(i), i)),
  'import.progress': async () => getProgress(),
  'import.mappings': async (i, ctx) => {
    if (i?.remove) await forgetMapping(ctx.opened.db, i.remove);
    return listMappings(ctx.opened.db, i?.ledger);
  },
  'ledger.export': async (i, ctx) => {
    const f = await exportLedger(ctx.opened.db, i.ledger, { format: i.format, unit: i.unit, kind: i.kind });
    return { ...payload(f), rows: f.rows };
  },
  'backup.list': async (_i, ctx) => listBackups(ctx.opened),
  'backup.now': async (_i, ctx) => backupNow(ctx.opened, 'manual', ctx.signal ? { signal: ctx.signal } : {}),
  'backup.restore': async (i, ctx) => restoreByName(ctx.opened, i.file, ctx.signal),
  'backup.settings': async (i, ctx) => backupSettings(ctx.opened, i?.patch),
};
