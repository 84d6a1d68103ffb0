import '../../db/sqlite-uri';
import SqliteDatabase from 'better-sqlite3';

/**
 * Extra SQLite connections the backup service opens (to verify a backup, to switch its journal mode):
 * under Electron they must load the Electron-ABI build of better-sqlite3, as openDatabase does.
 */
let nativeBinding: string | undefined;

export function setNativeBinding(path: string | undefined) {
  nativeBinding = path;
}

export function getNativeBinding(): string | undefined {
  return nativeBinding;
}

export function openRaw(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}) {
  return new SqliteDatabase(path, { ...options, ...(nativeBinding ? { nativeBinding } : {}) });
}
