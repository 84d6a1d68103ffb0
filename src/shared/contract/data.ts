import { z } from 'zod';
import { ENTITY } from '../domain';
import type { Unit } from '../money';
import { channel } from './define';
import { unitSchema } from './fields';

/**
 * Channels of the data area: import of ledgers from xlsx/CSV (template, preview, commit, remembered
 * column mappings, progress), ledger export, and backups (list, back up now, restore, settings).
 * Files travel as base64 text so the same calls work over Electron IPC and the browser preview's HTTP.
 */

/** The largest import file (bytes) before it is even parsed. */
export const IMPORT_MAX_FILE_BYTES = 50 * 1024 * 1024;

const ledger = z.enum(ENTITY.codes, { error: '未知的台账类型' });
const unit = unitSchema;
const base64 = z
  .string({ error: '文件内容应为 base64 文本' })
  .max(Math.ceil((IMPORT_MAX_FILE_BYTES * 4) / 3) + 8, { error: '文件过大，超过导入上限 50 MB' })
  .regex(/^[A-Za-z0-9+/\r\n]*={0,2}$/, { error: '文件内容不是有效的 base64 文本' });
const fileName = z.string({ error: '缺少文件名' }).min(1, { error: '缺少文件名' }).max(260);
const fieldName = z
  .string()
  .max(64)
  .regex(/^[a-z_]+$/, { error: '字段名无效' });

export const columnMapping = z
  .array(
    z.object({
      /** 0-based column of the file. */
      column: z.number().int().min(0).max(199),
      /** The ledger field it fills, or null to ignore the column. */
      field: fieldName.nullable(),
      /** Money columns: the unit the numbers are in. */
      unit: unit.nullable().optional(),
    }),
  )
  .max(200);

const importInput = z.object({
  ledger,
  fileName,
  bytes: base64,
  sheet: z.string().max(200).nullable().optional(),
  /** 1-based row of the file that holds the headers (found automatically when absent). */
  headerRow: z.number().int().min(1).max(1_100_000).optional(),
  mapping: columnMapping.optional(),
  /** Values for fields the file does not have (e.g. 基金类型 = 子基金). */
  defaults: z
    .array(z.object({ field: fieldName, value: z.string().max(200) }))
    .max(50)
    .optional(),
  /** Create 基金管理人/企业/投资机构 that rows name but that are not stored yet (by name only). */
  createMissing: z.boolean().optional(),
  /** Unit of money columns whose header states none. */
  defaultUnit: unit.optional(),
});

export type ImportInput = z.input<typeof importInput>;
export type ColumnMapping = z.output<typeof columnMapping>;

export type DuplicatePolicy = 'refuse' | 'skip' | 'import';

export interface ImportFieldInfo {
  field: string;
  header: string;
  kind: string;
  required: boolean;
  /** Allowed values of an enum field, as labels. */
  options?: string[];
}

export interface ImportIssue {
  /** 0-based file column, when the problem is in one cell. */
  column: number | null;
  field: string | null;
  message: string;
}

export type ImportRowStatus = 'ok' | 'error' | 'duplicate' | 'skipped';

export interface ImportPreviewRow {
  /** Row number as the spreadsheet shows it. */
  row: number;
  status: ImportRowStatus;
  /** The text of each file column. */
  cells: string[];
  issues: ImportIssue[];
  /** Notes that do not stop the row (partial name match, rounding, record to be created). */
  warnings: string[];
  /** What it repeats: a stored record or an earlier row. */
  duplicateOf?: string;
  /** A duplicate that cannot be imported anyway (a unique value such as the USCC). */
  hardDuplicate?: boolean;
}

export interface ImportCounts {
  /** Data rows read (after the header). */
  total: number;
  ok: number;
  error: number;
  duplicate: number;
  skipped: number;
  /** Rows with warnings (also counted as ok). */
  warning: number;
}

export interface ImportPreview {
  ledger: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheets: { name: string; hidden: boolean }[];
  sheet: string | null;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  mappingSource: 'auto' | 'remembered' | 'manual';
  /** The key under which this file layout's mapping is remembered ('import.mappings' remove). */
  layoutKey: string;
  /** The fields of the ledger, for the mapping selects. */
  fields: ImportFieldInfo[];
  /** Required fields neither mapped nor given a default. */
  missingRequired: string[];
  /** A unit written above the table ("单位：万元"), used for money columns without one. */
  sheetUnit: Unit | null;
  /** Records that will be created for names not stored yet (with createMissing). */
  toCreate: { entity: string; label: string; names: string[] }[];
  counts: ImportCounts;
  /** Problem rows first, then the others, up to the preview limit. */
  rows: ImportPreviewRow[];
  /** More rows exist than the preview shows. */
  truncated: boolean;
  /** Which unit each money column is read in, and why (stated = written in the file or chosen). */
  units: ImportUnitAssumption[];
  /** 「未注明金额单位…」 when a money column's unit was stated nowhere; null otherwise. */
  unitWarning: string | null;
  /** Rows whose amounts look implausible in the unit assumed (warnings, not errors). */
  implausible: { row: number; message: string }[];
}

export interface ImportUnitAssumption {
  header: string;
  unit: Unit;
  stated: boolean;
  reason: string;
}

export interface ImportCommitResult {
  ledger: string;
  created: number;
  skippedDuplicates: number;
  skippedRows: number;
  /** Rows left out under 仅导入有效行 (errors, refused duplicates); 0 otherwise. */
  rejectedRows?: number;
  /** Records created for names that were not stored yet. */
  createdLinked: number;
  /** The backup taken just before writing (null when the database was empty). */
  backupFile: string | null;
  /** Under 仅导入有效行: the refused rows with the file's columns plus 错误原因 (null when none). */
  rejects?: FilePayload | null;
}

export interface ImportProgress {
  phase: 'read' | 'check' | 'write' | 'done' | 'failed';
  done: number;
  total: number;
  message: string;
}

export interface RememberedMapping {
  key: string;
  ledger: string;
  headers: string[];
  fields: (string | null)[];
  units: (Unit | null)[];
  fileName: string;
  savedAt: string;
}

export interface FilePayload {
  fileName: string;
  /** base64 */
  data: string;
  mime: string;
}

export interface BackupItem {
  file: string;
  path: string;
  createdAt: string;
  reason: string;
  reasonLabel: string;
  sizeBytes: number;
  /** The file itself was checked (its SHA-256 against the manifest, quick_check) and is sound. */
  verified: boolean;
  /** What that check found wrong (Chinese), or null when sound or not checked. */
  problem: string | null;
  /** Records per ledger at backup time (from the backup's manifest). */
  counts: Record<string, number> | null;
}

export interface BackupSettings {
  enabled: boolean;
  intervalMinutes: number;
  keepRecent: number;
  keepDaily: number;
  keepMonthly: number;
  maxTotalMB: number;
  /** Folder for backups; empty = "<database folder>/backups". */
  dir: string;
}

export interface BackupList {
  dir: string;
  items: BackupItem[];
  totalBytes: number;
  settings: BackupSettings;
}

export interface RestoreResult {
  restoredFrom: BackupItem;
  /** The backup of the state just before the restore. */
  safetyBackup: BackupItem | null;
  counts: Record<string, number>;
}

/** The backup settings' fields and bounds: the settings channel checks them, the settings form shows them. */
export const backupSettingsFields = z.object({
  enabled: z.boolean(),
  intervalMinutes: z.number().int().min(1, { error: '备份间隔至少 1 分钟' }).max(1440),
  keepRecent: z.number().int().min(1, { error: '至少保留 1 份最近的备份' }).max(200),
  keepDaily: z.number().int().min(0).max(366),
  keepMonthly: z.number().int().min(0).max(120),
  maxTotalMB: z.number().int().min(10, { error: '备份总大小上限至少 10 MB' }).max(1_000_000),
  dir: z.string().max(1000),
});
const backupSettingsPatch = backupSettingsFields.partial();

export const dataChannels = {
  /** An empty workbook (or CSV) with the ledger's headers: the same headers as its export. */
  'import.template': channel<FilePayload>()(
    z.object({ ledger, format: z.enum(['xlsx', 'csv']).default('xlsx'), unit: unit.default('wan') }),
  ),
  /** Read a file, map its columns, check every row; writes nothing. */
  'import.preview': channel<ImportPreview>()(importInput),
  /** Check again and add every row in one transaction, or none. */
  'import.commit': channel<ImportCommitResult>()(
    importInput.extend({
      duplicates: z.enum(['refuse', 'skip', 'import']).default('refuse'),
      remember: z.boolean().default(true),
      /** 仅导入有效行: write the valid rows and return the refused ones as a file. */
      skipInvalid: z.boolean().default(false),
    }),
  ),
  /** Where the running preview or commit is. */
  'import.progress': channel<ImportProgress | null>()(z.object({}).optional()),
  /** Column mappings remembered per ledger and file layout; `remove` forgets one. */
  'import.mappings': channel<RememberedMapping[]>()(
    z.object({ ledger: ledger.optional(), remove: z.string().max(200).optional() }).optional(),
  ),
  /** One ledger as xlsx or CSV, money in the chosen unit (the unit is in the money headers). */
  'ledger.export': channel<FilePayload & { rows: number }>()(
    z.object({
      ledger,
      format: z.enum(['xlsx', 'csv']).default('xlsx'),
      unit: unit.default('wan'),
      kind: z.enum(['sub', 'direct']).optional(),
    }),
  ),
  'backup.list': channel<BackupList>()(z.object({}).optional()),
  'backup.now': channel<BackupItem>()(z.object({}).optional()),
  /** Back up the current state, then replace it with the named backup. */
  'backup.restore': channel<RestoreResult>()(
    z.object({
      file: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^/\\]+\.sqlite$/, { error: '备份文件名无效' }),
    }),
  ),
  /** Read (and with `patch`, change) the backup settings. */
  'backup.settings': channel<BackupSettings>()(
    z.object({ patch: backupSettingsPatch.optional() }).optional(),
  ),
} as const;
