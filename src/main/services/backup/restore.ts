import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BackupItem } from '../../../shared/contract/data';
import { type OpenedDb, openDatabase } from '../../db/open';
import { throwIfCancelled } from '../cancel';
import { fail } from '../ledger/errors';
import { countRecords, createBackupUnlocked, serialized, verifyDatabaseFile } from './backup';
import { getNativeBinding } from './sqlite';

/**
 * Restore. Into the open database: the backup is checked, the current state is backed up first, the
 * backup is brought to the current schema in a temporary copy, then every table is replaced in ONE
 * transaction on the live connection (a crash half way leaves the current data as it was, and the
 * app's connection stays valid). For a database that cannot be opened (damaged): the damaged file is
 * moved aside untouched and the verified backup is copied into its place.
 */

// Not copied: the migration records, and tables that triggers keep from others (emptied and refilled as the
// cash flows are deleted and copied).
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock', 'cash_flow_year_totals']);

export interface RestoreOutcome {
  safetyBackup: BackupItem | null;
  counts: Record<string, number>;
}

function checkBackup(path: string) {
  if (!existsSync(path)) fail('not_found', `备份文件“${basename(path)}”不存在`);
  const v = verifyDatabaseFile(path);
  if (!v.ok)
    fail('validation', `备份文件“${basename(path)}”不能用于恢复：${v.problems.join('；')}；当前数据未改动`);
  return v;
}

export async function restoreInto(
  opened: OpenedDb,
  backupPath: string,
  /** Cancels the restore up to the moment the tables are swapped (one synchronous transaction). */
  signal?: AbortSignal,
): Promise<RestoreOutcome> {
  return serialized(opened.path, async () => {
    checkBackup(backupPath);
    if (opened.raw.inTransaction) fail('conflict', '正在写入数据（例如正在导入），请稍后再恢复');
    // Bring a copy of the backup to the current schema (older backups are migrated, never the original).
    const tmp = mkdtempSync(join(tmpdir(), 'funddesk-restore-'));
    const copy = join(tmp, 'restore.sqlite');
    try {
      copyFileSync(backupPath, copy);
      try {
        const nb = getNativeBinding();
        const o = await openDatabase(copy, nb ? { nativeBinding: nb } : {});
        await o.close();
      } catch (e) {
        fail(
          'validation',
          `备份文件“${basename(backupPath)}”无法使用：${(e as Error).message}；当前数据未改动`,
        );
      }
      throwIfCancelled(signal, '恢复');
      const safetyBackup = await createBackupUnlocked(opened, { reason: 'before-restore' });
      throwIfCancelled(signal, '恢复');
      const raw = opened.raw;
      const tablesOf = (schema: string) =>
        (
          raw
            .prepare(
              `SELECT name FROM ${schema}.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'`,
            )
            .all() as { name: string }[]
        )
          .map((r) => r.name)
          .filter((n) => !SKIP.has(n));
      raw.prepare('ATTACH DATABASE ? AS bak').run(copy);
      try {
        const tables = tablesOf('main');
        const theirs = new Set(tablesOf('bak'));
        const missing = tables.filter((t) => !theirs.has(t));
        if (missing.length > 0) fail('validation', `备份缺少数据表：${missing.join('、')}；当前数据未改动`);
        const keepSettings = raw.prepare(`SELECT value FROM main.meta WHERE key = 'backup:settings'`).get() as
          | { value: string }
          | undefined;
        const columns = (t: string) =>
          (raw.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(t) as { name: string }[]).map(
            (c) => `"${c.name}"`,
          );
        const run = raw.transaction(() => {
          for (const t of tables) raw.prepare(`DELETE FROM main."${t}"`).run();
          for (const t of tables) {
            const cols = columns(t).join(', ');
            raw.prepare(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM bak."${t}"`).run();
          }
          if (keepSettings) {
            raw
              .prepare(
                `INSERT INTO main.meta (key, value) VALUES ('backup:settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
              )
              .run(keepSettings.value);
          }
          const fk = raw.prepare('PRAGMA main.foreign_key_check').all();
          if (fk.length > 0) throw new Error(`恢复后有 ${fk.length} 处关联记录缺失`);
        });
        // Foreign keys are checked once the tables are complete (RESTRICT would refuse the emptying).
        raw.pragma('foreign_keys = OFF');
        try {
          run.immediate();
        } catch (e) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          if ((e as { body?: unknown }).body) throw e;
          fail('internal', `恢复失败，当前数据未改动：${(e as Error).message}`);
        } finally {
          raw.pragma('foreign_keys = ON');
        }
      } finally {
        raw.exec('DETACH DATABASE bak');
      }
      return { safetyBackup, counts: countRecords(raw) };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

const pad = (n: number) => String(n).padStart(2, '0');
function stamp(d = new Date()) {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

/**
 * Puts a verified backup in place of a database file that cannot be opened. The old file (and its
 * -wal/-shm) is renamed aside, never changed or deleted; returns that name.
 */
export function restoreFile(dbPath: string, backupPath: string): { asidePath: string | null } {
  checkBackup(backupPath);
  // Copy first: if that fails, nothing has moved.
  const partial = `${dbPath}.restoring`;
  copyFileSync(backupPath, partial);
  let asidePath: string | null = null;
  if (existsSync(dbPath)) {
    asidePath = `${dbPath}.damaged-${stamp()}`;
    renameSync(dbPath, asidePath);
    for (const s of ['-wal', '-shm']) {
      if (existsSync(dbPath + s)) renameSync(dbPath + s, asidePath + s);
    }
  }
  renameSync(partial, dbPath);
  return { asidePath };
}
