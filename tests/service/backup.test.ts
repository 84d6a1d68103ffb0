import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import { BackupScheduler, backupNow, listBackups, restoreByName } from '../../src/main/services/backup';
import { createBackup, listBackupFiles, verifyDatabaseFile } from '../../src/main/services/backup/backup';
import { restoreInto } from '../../src/main/services/backup/restore';
import { backupsToDelete } from '../../src/main/services/backup/rotate';
import { DEFAULT_SETTINGS } from '../../src/main/services/backup/settings';
import { createRow, deleteRow, listRows, updateRow } from '../../src/main/services/ledger/service';
import { countRows, snapshot } from '../fixtures/import/helpers';
import { tempDb, testClient } from '../helpers/temp-db';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
});
afterEach(() => t.cleanup());

describe('backups', () => {
  it('a backup is an online copy, verified, self-contained, listed with date, size and counts', async () => {
    const item = await backupNow(t.opened);
    expect(item.path).toBe(join(t.dir, 'backups', item.file));
    expect(item).toMatchObject({ reason: 'manual', reasonLabel: '手动', verified: true });
    expect(item.sizeBytes).toBeGreaterThan(10_000);
    expect(item.counts!.funds).toBe(15);
    // one file, rollback journal: no -wal/-shm needed beside it
    const raw = new Database(item.path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    expect(readdirSync(join(t.dir, 'backups')).sort()).toEqual([item.file, `${item.file}.json`]);
    expect(verifyDatabaseFile(item.path)).toMatchObject({ ok: true });
    const list = await listBackups(t.opened);
    expect(list.items.map((i) => i.file)).toEqual([item.file]);
    expect(list.totalBytes).toBe(item.sizeBytes);
  });

  it('restore round trip: back up, change, restore; the state before the restore is backed up too', async () => {
    const before = await snapshot(t.db);
    const b = await backupNow(t.opened);
    // changes after the backup: add, edit, delete
    const inst = await createRow(t.db, 'institution', { name: '深圳市恢复测试创投有限公司' });
    const fund = (await listRows(t.db, 'fund'))[0]!;
    await updateRow(t.db, 'fund', fund.id, { notes: '备份之后的修改' });
    const deal = (await listRows(t.db, 'financing_deal'))[0]!;
    await deleteRow(t.db, 'financing_deal', deal.id);
    const changed = await snapshot(t.db);
    expect(changed).not.toEqual(before);

    const r = await restoreByName(t.opened, b.file);
    expect(await snapshot(t.db)).toEqual(before);
    expect(r.safetyBackup).toMatchObject({ reason: 'before-restore', verified: true });
    expect(r.counts.institutions).toBe(before.institutions!.length);
    // the connection stays usable, with foreign keys on
    expect(t.opened.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    await expect(createRow(t.db, 'institution', { name: '恢复后新增的机构' })).resolves.toMatchObject({
      id: expect.any(Number),
    });
    // the safety backup holds the changed state
    const undo = await restoreInto(t.opened, r.safetyBackup!.path);
    const s = await snapshot(t.db);
    expect(s).toEqual(changed);
    expect(s.institutions!.some((x) => x.includes(inst.name as string))).toBe(true);
    // and the database reopens cleanly
    await t.opened.close();
    const again = await openDatabase(t.path);
    expect(await snapshot(again.db)).toEqual(changed);
    await again.close();
    expect(undo.counts.funds).toBe(15);
  });

  it('restore through the handler names a backup of the folder only', async () => {
    const api = testClient(t.opened);
    const b = await api('backup.now');
    await expect(api('backup.restore', { file: '../funddesk.db' } as never)).rejects.toThrow(
      /备份文件名无效/,
    );
    await expect(api('backup.restore', { file: 'nope.sqlite' })).rejects.toThrow(/不存在/);
    const r = await api('backup.restore', { file: b.file });
    expect(r.restoredFrom.file).toBe(b.file);
  });

  it('a damaged or foreign backup is refused and the current data is untouched', async () => {
    const before = await countRows(t.db);
    const dir = join(t.dir, 'backups');
    mkdirSync(dir, { recursive: true });
    const good = await backupNow(t.opened);
    const bytes = readFileSync(good.path);
    const damaged = Buffer.from(bytes);
    for (let i = 8192; i < 12288; i++) damaged[i] = (damaged[i]! * 7 + 13) & 0xff;
    writeFileSync(join(dir, 'funddesk-20200101-000000-000-manual.sqlite'), damaged);
    const foreign = join(dir, 'funddesk-20200102-000000-000-manual.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE x(a)');
    f.close();
    await expect(restoreByName(t.opened, 'funddesk-20200101-000000-000-manual.sqlite')).rejects.toThrow(
      /不能用于恢复.*当前数据未改动/,
    );
    await expect(restoreByName(t.opened, 'funddesk-20200102-000000-000-manual.sqlite')).rejects.toThrow(
      /不是 FundDesk 数据库/,
    );
    expect(await countRows(t.db)).toEqual(before);
  });

  it('two databases in one folder each see, rotate and restore only their own backups', async () => {
    const other = await openDatabase(join(t.dir, 'other.sqlite'));
    try {
      await createRow(other.db, 'institution', { name: '另一个数据库的机构' });
      const mine = await backupNow(t.opened);
      const theirs = await backupNow(other);
      expect((await listBackups(t.opened)).items.map((i) => i.file)).toEqual([mine.file]);
      expect((await listBackups(other)).items.map((i) => i.file)).toEqual([theirs.file]);
      await expect(restoreByName(t.opened, theirs.file)).rejects.toThrow(/不存在/);
    } finally {
      await other.close();
    }
  });

  it('refuses to back up or restore in the middle of a write transaction', async () => {
    const b = await backupNow(t.opened);
    t.opened.raw.exec('BEGIN IMMEDIATE');
    await expect(backupNow(t.opened)).rejects.toThrow(/正在写入数据/);
    await expect(restoreByName(t.opened, b.file)).rejects.toThrow(/正在写入数据/);
    t.opened.raw.exec('ROLLBACK');
  });

  it('settings: a folder of one’s own, and validation', async () => {
    const api = testClient(t.opened);
    expect(await api('backup.settings')).toEqual(DEFAULT_SETTINGS);
    await expect(api('backup.settings', { patch: { dir: 'relative/path' } })).rejects.toThrow(/完整路径/);
    await expect(api('backup.settings', { patch: { keepRecent: 0 } })).rejects.toThrow(/至少保留 1 份/);
    const own = join(t.dir, 'elsewhere');
    expect(await api('backup.settings', { patch: { dir: own, intervalMinutes: 5 } })).toMatchObject({
      dir: own,
      intervalMinutes: 5,
    });
    const b = await api('backup.now');
    expect(b.path).toBe(join(own, b.file));
    expect((await api('backup.list')).dir).toBe(own);
  });
});

describe('automatic backups', () => {
  it('on start, then only when the data changed, and on quit', async () => {
    const s = new BackupScheduler(
      () => t.opened,
      () => {},
      3_600_000,
    );
    const first = await s.start();
    expect(first?.reason).toBe('start');
    expect(await s.backupIfChanged('auto')).toBeNull(); // nothing changed
    await createRow(t.db, 'institution', { name: '自动备份测试机构' });
    const second = await s.backupIfChanged('auto');
    expect(second?.reason).toBe('auto');
    expect(await s.quit()).toBeNull();
    await createRow(t.db, 'institution', { name: '退出前新增的机构' });
    expect((await s.quit())?.reason).toBe('quit');
    expect(listBackupFiles(join(t.dir, 'backups'), t.path).map((i) => i.reason)).toEqual([
      'quit',
      'auto',
      'start',
    ]);
  });

  it('turned off in the settings, nothing is backed up automatically', async () => {
    await testClient(t.opened)('backup.settings', { patch: { enabled: false } });
    const s = new BackupScheduler(() => t.opened);
    expect(await s.start()).toBeNull();
    s.stop();
    expect(existsSync(join(t.dir, 'backups'))).toBe(false);
  });

  it('rotation keeps the backups of the folder within the policy', async () => {
    await testClient(t.opened)('backup.settings', { patch: { keepRecent: 3, keepDaily: 0, keepMonthly: 0 } });
    for (let i = 0; i < 6; i++) {
      await createRow(t.db, 'institution', { name: `轮换测试机构${i}` });
      await createBackup(t.opened, { reason: 'auto' });
    }
    expect(listBackupFiles(join(t.dir, 'backups'), t.path)).toHaveLength(3);
  });
});

describe('rotation policy', () => {
  const at = (s: string) => new Date(s);
  const item = (file: string, when: string, size = 1024 * 1024, reason = 'auto') => ({
    file,
    createdAt: at(when),
    sizeBytes: size,
    reason,
  });
  const policy = { keepRecent: 10, keepDaily: 14, keepMonthly: 12, maxTotalMB: 2048 };

  it('keeps the last 10, one a day for 14 days, one a month for 12 months', () => {
    const now = at('2024-06-30T12:00:00');
    const items = [];
    // every hour for 40 days, and monthly for two years before that
    for (let h = 0; h < 40 * 24; h++) {
      const d = new Date(now.getTime() - h * 3_600_000);
      items.push(item(`h${h}`, d.toISOString()));
    }
    for (let m = 2; m < 26; m++) items.push(item(`m${m}`, new Date(2024, 5 - m, 15).toISOString()));
    const gone = new Set(backupsToDelete(items, policy, now));
    const kept = items.filter((i) => !gone.has(i.file));
    // the 10 newest
    for (let h = 0; h < 10; h++) expect(kept.map((k) => k.file)).toContain(`h${h}`);
    // one per day of the last 14 days
    const days = new Set(
      kept
        .filter((k) => now.getTime() - k.createdAt.getTime() < 14 * 86_400_000)
        .map((k) => k.createdAt.toDateString()),
    );
    expect(days.size).toBe(14);
    // one per month for 12 months, nothing older
    const months = new Set(kept.map((k) => `${k.createdAt.getFullYear()}-${k.createdAt.getMonth()}`));
    expect(months.size).toBe(12);
    expect(kept.every((k) => k.createdAt >= new Date(2023, 6, 1))).toBe(true);
    expect(kept.length).toBeLessThan(10 + 14 + 12);
  });

  it('stays within the size bound but never deletes the newest backup', () => {
    const now = at('2024-06-30T12:00:00');
    const items = Array.from({ length: 20 }, (_, i) =>
      item(`b${i}`, new Date(now.getTime() - i * 60_000).toISOString(), 300 * 1024 * 1024),
    );
    const kept = items.filter(
      (i) => !backupsToDelete(items, { ...policy, maxTotalMB: 1000 }, now).includes(i.file),
    );
    expect(kept.map((k) => k.file)).toEqual(['b0', 'b1', 'b2']);
    const huge = [item('only', now.toISOString(), 5000 * 1024 * 1024)];
    expect(backupsToDelete(huge, { ...policy, maxTotalMB: 10 }, now)).toEqual([]);
  });

  it('keeps the backups made by hand longer than automatic ones', () => {
    const now = at('2024-06-30T12:00:00');
    const items = [
      item('manual-old', '2024-06-30T08:00:00', 1000, 'manual'),
      ...Array.from({ length: 30 }, (_, i) =>
        item(`a${i}`, new Date(now.getTime() - i * 60_000).toISOString()),
      ),
    ];
    expect(backupsToDelete(items, { ...policy, keepDaily: 0, keepMonthly: 0 }, now)).not.toContain(
      'manual-old',
    );
  });
});
