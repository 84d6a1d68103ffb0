import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbError } from '../../src/main/db/errors';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import { backupNow, listBackups, restoreByName } from '../../src/main/services/backup';
import { createBackup, verifyDatabaseFile } from '../../src/main/services/backup/backup';
import { finishPendingRestore, restoreInto } from '../../src/main/services/backup/restore';
import { createRow } from '../../src/main/services/ledger/service';
import { snapshot } from '../fixtures/import/helpers';
import { funddesk } from '../helpers/cli';
import { secondProcess } from '../helpers/faults';
import { tempDb } from '../helpers/temp-db';

/** Issue #19 items 1–6: restoring over damaged files, backups under writers, locks, audit, verified, crashes. */

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
});
afterEach(() => t.cleanup());

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function backupAndClose() {
  const before = await snapshot(t.db);
  const b = await createBackup(t.opened, { reason: 'manual' });
  await t.opened.close();
  return { before, b };
}

async function expectRestored(before: Awaited<ReturnType<typeof snapshot>>) {
  const o = await openDatabase(t.path, { mustExist: true });
  expect(o.check).toBe('full'); // a restored file gets the full integrity check
  expect(await snapshot(o.db)).toEqual(before);
  await o.close();
}

describe('restoring over a database that cannot be opened (#19.1)', () => {
  it('a truncated file: the open says it is damaged, funddesk restore puts the backup in place', async () => {
    const { before, b } = await backupAndClose();
    truncateSync(t.path, Math.floor(statSync(t.path).size / 2));
    const damaged = sha(t.path);
    const err = await openDatabase(t.path).catch((e) => e);
    expect(err).toBeInstanceOf(DbError);
    expect(err.code).toBe('damaged');
    expect(err.message).toMatch(/已损坏.*文件不完整/);
    const r = await funddesk(['restore', '--db', t.path, '--from', b.path]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/数据库已损坏，原文件已另存为 .*\.damaged-/);
    const aside = readdirSync(t.dir).find((f) => f.includes('.damaged-'))!;
    expect(sha(join(t.dir, aside))).toBe(damaged);
    await expectRestored(before);
  });

  it('a file whose header is overwritten: damaged (not "not a database"), and restored', async () => {
    const { before, b } = await backupAndClose();
    const bytes = readFileSync(t.path);
    bytes.fill(0x41, 0, 100);
    writeFileSync(t.path, bytes);
    const err = await openDatabase(t.path).catch((e) => e);
    expect(err.code).toBe('damaged');
    expect(err.message).toMatch(/已损坏，或不是 SQLite 数据库文件.*请从备份恢复/);
    const r = await funddesk(['restore', '--db', t.path, '--from', b.path]);
    expect(r.out).toMatch(/已从备份恢复/);
    await expectRestored(before);
  });
});

describe('backups under concurrent writers (#19.2)', () => {
  it('completes while another process writes 20 rows a second, in this thread and in the worker', async () => {
    // 60 MB: the copy takes several steps of 16 MB, and SQLite's online backup restarted at each write between
    // two steps (it never finished: 90 s at 20 writes/s)
    const writer = await secondProcess(t.path, 20, 60);
    try {
      for (const inWorker of [false, true]) {
        const item = await backupNow(t.opened, 'manual', { inWorker });
        expect(item.verified).toBe(true);
        const v = verifyDatabaseFile(item.path);
        expect(v.ok).toBe(true);
        expect(v.counts.cash_flows).toBe(139);
        expect(item.sizeBytes).toBeGreaterThan(50 * 1024 * 1024);
      }
    } finally {
      await writer.kill();
    }
  }, 120_000);
});

describe('a restore while another process has the database open (#19.3)', () => {
  it('funddesk restore refuses and changes nothing; once the other process is gone it restores', async () => {
    const { before, b } = await backupAndClose();
    const o = await openDatabase(t.path);
    await createRow(o.db, 'institution', { name: '深圳市恢复锁测试创投有限公司' });
    await o.close();
    const holder = await secondProcess(t.path);
    const h = sha(t.path);
    try {
      const r = await funddesk(['restore', '--db', t.path, '--from', b.path]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /正被另一个程序（例如 FundDesk 应用或命令行导入）打开，不能恢复；请先关闭它再恢复/,
      );
      expect(sha(t.path)).toBe(h);
      expect(readdirSync(t.dir).filter((f) => f.includes('.damaged-') || f.endsWith('.restoring'))).toEqual(
        [],
      );
    } finally {
      await holder.kill();
    }
    const r = await funddesk(['restore', '--db', t.path, '--from', b.path]);
    expect(r.code).toBe(0);
    const after = await openDatabase(t.path);
    const snap = await snapshot(after.db);
    await after.close();
    expect(snap).toEqual(before);
  });
});

describe('restore and the audit log (#19.4)', () => {
  it('keeps the history of the restored data and adds who restored what from which backup, when', async () => {
    await createRow(t.db, 'institution', { name: '深圳市备份前创投有限公司' });
    const b = await backupNow(t.opened);
    const inBackup = (await t.db.selectFrom('audit_log').select('id').execute()).length;
    await createRow(t.db, 'institution', { name: '深圳市备份后创投有限公司' });
    const t0 = new Date().toISOString();
    await restoreInto(t.opened, b.path);
    const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.length).toBe(inBackup + 1);
    expect(rows.some((r) => r.summary?.includes('深圳市备份前创投有限公司'))).toBe(true);
    expect(rows.some((r) => r.summary?.includes('深圳市备份后创投有限公司'))).toBe(false);
    const last = rows.at(-1)!;
    expect(last.source).toBe('restore');
    expect(last.summary).toContain(`从备份恢复：${b.file}`);
    expect(last.summary).toMatch(/操作人 .+@.+/);
    expect(last.at >= t0).toBe(true);
    const after = JSON.parse(last.after_json!);
    expect(after).toMatchObject({ restoredFrom: b.path, backupCreatedAt: b.createdAt });
  });
});

describe('a backup is 「已校验」 only when the file itself checks out (#19.5)', () => {
  it('a backup damaged after it was made is listed as not verified and refused for a restore', async () => {
    const good = await backupNow(t.opened);
    await createRow(t.db, 'institution', { name: '深圳市第二份备份创投有限公司' });
    const bad = await backupNow(t.opened);
    const bytes = readFileSync(bad.path);
    const mid = Math.floor(bytes.length / 2);
    for (let i = mid; i < mid + 64; i++) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(bad.path, bytes);
    const list = await listBackups(t.opened);
    const byFile = new Map(list.items.map((i) => [i.file, i]));
    expect(byFile.get(good.file)).toMatchObject({ verified: true, problem: null });
    expect(byFile.get(bad.file)!.verified).toBe(false);
    expect(byFile.get(bad.file)!.problem).toMatch(/校验值不符/);
    const h = sha(t.path);
    await expect(restoreByName(t.opened, bad.file)).rejects.toThrow(
      /不能用于恢复：文件内容与备份时记录的校验值不符/,
    );
    expect(sha(t.path)).toBe(h);
  });
});

describe('the swap of a restore is crash-safe (#19.6)', () => {
  it('a restore killed at any moment leaves a ledger that opens; a pending swap is finished', async () => {
    const { before, b } = await backupAndClose();
    // damage it so that the CLI takes the file-swap path
    truncateSync(t.path, Math.floor(statSync(t.path).size / 2));
    for (const delay of [600, 900, 1200, 1500, 2000]) {
      const p = spawn(process.execPath, [
        join(import.meta.dirname, '..', '..', 'bin', 'funddesk.js'),
        'restore',
        '--db',
        t.path,
        '--from',
        b.path,
      ]);
      // Listened for from the start: a restore that finishes before the kill has already exited by then.
      const exited = new Promise((r) => p.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      p.kill('SIGKILL');
      await exited;
      expect(existsSync(t.path)).toBe(true);
      finishPendingRestore(t.path);
      expect(existsSync(`${t.path}.restoring`)).toBe(false);
      const o = await openDatabase(t.path, { mustExist: true }).catch((e) => e);
      if (o instanceof DbError)
        expect(o.code).toBe('damaged'); // still the old file: restore again
      else {
        expect(await snapshot(o.db)).toEqual(before);
        await o.close();
        truncateSync(t.path, Math.floor(statSync(t.path).size / 2));
      }
    }
    // a crash after the copy was complete but before its rename, with no database left: finished at start
    rmSync(t.path);
    writeFileSync(`${t.path}.restoring`, readFileSync(b.path));
    finishPendingRestore(t.path);
    await expectRestored(before);
  }, 180_000);
});
