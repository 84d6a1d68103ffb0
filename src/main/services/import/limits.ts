import { ApiError } from '../../../shared/contract/define';

/**
 * Limits on what an import file may be. A file is checked against them before (and while) it is
 * parsed, so a hostile or broken file is refused quickly, with a Chinese message, and never exhausts
 * memory or hangs the app.
 */
export const LIMITS = {
  /** Bytes of the file itself. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Columns holding a value (a sheet's formatting far to the right does not count). */
  maxColumns: 200,
  /** Data rows holding a value. */
  maxRows: 200_000,
  /** Characters in one cell. */
  maxCellChars: 32_767,
  /** xlsx: entries in the zip. */
  maxZipEntries: 10_000,
  /** xlsx: declared size of everything in the zip once uncompressed. */
  maxUnzippedTotal: 1024 * 1024 * 1024,
  /** xlsx: the size of one part we actually read (sheet, shared strings, styles) once uncompressed. */
  maxPartBytes: 300 * 1024 * 1024,
  /** xlsx: a part that expands more than this many times is a zip bomb, not a spreadsheet. */
  maxCompressionRatio: 1000,
  /** Rows a preview sends to the screen (counts always cover the whole file). */
  previewRows: 500,
} as const;

/** A file that cannot be imported at all: the message says why and what to do. */
export class ImportFileError extends ApiError {
  constructor(message: string) {
    super({ code: 'validation', message });
    this.name = 'ImportFileError';
  }
}

export function refuse(message: string): never {
  throw new ImportFileError(message);
}

export const fmtMB = (bytes: number) =>
  `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
