import { copyFileSync, existsSync, linkSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { BackupItem } from '../../../shared/contract/data';
import { DbError } from '../../db/errors';
import { openElsewhere } from '../../db/lock';
import { checkIntegrity, type OpenedDb, openDatabase } from '../../db/open';
import { throwIfCancelled } from '../cancel';
import { fail } from '../ledger/errors';
import { countRecords, createBackupUnlocked, fsyncPath, serialized, verifyDatabaseFile } from './backup';
import { getNativeBinding } from './sqlite';
import { fileSha256, readManifest } from './verify';

/**
 * Restore. Into the open database: the backup is checked (its manifest's SHA-256, integrity_check,
 * foreign_key_check), the current state is backed up first, the backup is brought to the current schema in
 * a temporary copy, then every table is replaced in ONE transaction on the live connection (a crash half way
 * leaves the current data as it was, and the app's connection stays valid). The audit log comes from the
 * backup (the history of the restored data) plus one entry saying what was restored, from which backup, when
 * and by whom; the full integrity check runs on the result. For a database that cannot be opened (damaged):
 * refused while another process has the file open; otherwise the damaged file is kept aside untouched and
 * the verified backup takes its place in one rename (restoreFile).
 */

// Not copied: the migration records, and tables that triggers keep from others (emptied and refilled as the
// cash flows are deleted and copied).
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock', 'cash_flow_year_totals']);

export interface RestoreOutcome {
  safetyBackup: BackupItem | null;
  counts: Record<string, number>;
}

/** Verifies a backup before a restore: the manifest's hash (when it has one), then the full checks. */
export async function checkBackup(path: string) {
  if (!existsSync(path)) fail('not_found', `备份文件“${basename(path)}”不存在`);
  const refuse = (why: string): never =>
    fail('validation', `备份文件“${basename(path)}”不能用于恢复：${why}；当前数据未改动`);
  const manifest = readManifest(path);
  if (manifest?.sha256 && (await fileSha256(path)) !== manifest.sha256) {
    refuse('文件内容与备份时记录的校验值不符（文件已损坏或被改动）');
  }
  const v = verifyDatabaseFile(path);
  if (!v.ok) refuse(v.problems.join('；'));
  return v;
}

/** Who restored (the operating system's user name, and the computer). */
function restoredBy(): string {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // no user name on this system
  }
  return `${user || '未知用户'}@${hostname()}`;
}

/**
 * Restore into a PostgreSQL server is refused (#17, docs/TEAM.md): the server's data is the whole team's, and one
 * person's click must not replace everybody's work. An administrator does it deliberately with `funddesk copy
 * --replace`, which replaces every table in one transaction of the server and checks rows and money sums.
 */
export const SERVER_RESTORE_REFUSED =
  '服务器数据库（PostgreSQL）不能在应用内从备份恢复：服务器上的数据由整个团队共用，恢复会替换所有同事的数据。' +
  '如确需恢复，请管理员在通知大家停止录入后运行 funddesk copy --from 备份文件.sqlite --to 服务器地址 --replace' +
  '（在一个事务中替换全部数据，并核对各表行数与金额合计）；未做任何改动';

export async function restoreInto(
  opened: OpenedDb,
  backupPath: string,
  /** Cancels the restore up to the moment the tables are swapped (one synchronous transaction). */
  signal?: AbortSignal,
): Promise<RestoreOutcome> {
  if (opened.engine === 'postgres') fail('validation', SERVER_RESTORE_REFUSED);
  if (opened.readOnly) fail('validation', `${opened.readOnly}，不能恢复；当前数据未改动`);
  return serialized(opened.path, async () => {
    const checked = await checkBackup(backupPath);
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
        const by = restoredBy();
        const run = raw.transaction(() => {
          for (const t of tables) raw.prepare(`DELETE FROM main."${t}"`).run();
          for (const t of tables) {
            const cols = columns(t).join(', ');
            raw.prepare(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM bak."${t}"`).run();
          }
          const manifest = readManifest(backupPath);
          const made = manifest?.createdAt
            ? new Date(manifest.createdAt).toLocaleString('zh-CN')
            : '时间不详';
          raw
            .prepare(
              `INSERT INTO main.audit_log (action, entity, entity_id, summary, before_json, after_json, source) VALUES ('update', 'database', 0, ?, NULL, ?, 'restore')`,
            )
            .run(
              `从备份恢复：${basename(backupPath)}（${made}的备份），操作人 ${by}`,
              JSON.stringify({
                restoredFrom: backupPath,
                backupCreatedAt: manifest?.createdAt ?? null,
                schemaVersion: checked.schemaVersion,
                counts: checked.counts,
                by,
                safetyBackup: safetyBackup.path,
              }),
            );
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
      checkIntegrity(raw, opened.path);
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
 * Puts a verified backup in place of a database file that cannot be opened, crash-safe: the backup is copied
 * beside the database as "<db>.restoring" and fsynced; the old file is linked (or copied) to
 * "<db>.damaged-<time>" and its -wal/-shm moved there, never changed or deleted; then ONE rename puts the copy
 * over the database and the folder is fsynced. At every moment the database's name holds either the old file
 * or the restored one. Refused while another process has the database open. Returns the name kept aside.
 */
export async function restoreFile(dbPath: string, backupPath: string): Promise<{ asidePath: string | null }> {
  await checkBackup(backupPath);
  if (existsSync(dbPath) && openElsewhere(dbPath, getNativeBinding())) {
    throw new DbError(
      'in_use',
      `数据库“${basename(dbPath)}”正被另一个程序（例如 FundDesk 应用或命令行导入）打开，不能恢复；请先关闭它再恢复。当前数据未改动`,
    );
  }
  const partial = `${dbPath}.restoring`;
  copyFileSync(backupPath, partial);
  fsyncPath(partial);
  let asidePath: string | null = null;
  if (existsSync(dbPath)) {
    asidePath = `${dbPath}.damaged-${stamp()}`;
    try {
      linkSync(dbPath, asidePath);
    } catch {
      copyFileSync(dbPath, asidePath);
      fsyncPath(asidePath);
    }
    // The old -wal/-shm belong to the old file: left beside the restored one, SQLite would apply them to it.
    for (const s of ['-wal', '-shm']) {
      if (existsSync(dbPath + s)) renameSync(dbPath + s, asidePath + s);
    }
  }
  renameSync(partial, dbPath);
  fsyncPath(dirname(dbPath));
  return { asidePath };
}

/**
 * Finishes or undoes a restore a crash interrupted (called before opening): a "<db>.restoring" beside an
 * existing database is an unfinished copy and goes; one without a database is a complete, fsynced copy whose
 * final rename did not happen, and takes its place if it verifies.
 */
export function finishPendingRestore(dbPath: string) {
  const partial = `${dbPath}.restoring`;
  if (!existsSync(partial)) return;
  if (!existsSync(dbPath) && verifyDatabaseFile(partial).ok) {
    renameSync(partial, dbPath);
    fsyncPath(dirname(dbPath));
  } else {
    rmSync(partial, { force: true });
  }
}
