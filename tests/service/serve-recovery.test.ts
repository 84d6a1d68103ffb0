import { readdirSync, statSync, truncateSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import { createBackup } from '../../src/main/services/backup/backup';
import { snapshot } from '../fixtures/import/helpers';
import { startFunddesk } from '../helpers/cli';
import { tempDb } from '../helpers/temp-db';

/** #19.1: the browser preview's error screen restores a damaged database from a backup that verifies. */

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
});
afterEach(() => t.cleanup());

it('funddesk serve on a truncated database shows the restore page; its button restores and opens', async () => {
  const before = await snapshot(t.db);
  const b = await createBackup(t.opened, { reason: 'manual' });
  await t.opened.close();
  truncateSync(t.path, Math.floor(statSync(t.path).size / 2));
  const { proc, seen, waitFor } = startFunddesk(['serve', '--db', t.path]);
  try {
    const m = await waitFor(/恢复页面：(http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(m, seen.out + seen.err).not.toBeNull();
    const url = m![1]!;
    const html = await (await fetch(url)).text();
    expect(html).toContain('数据库文件已损坏，FundDesk 没有改动它');
    expect(html).toMatch(/文件不完整/);
    expect(html).toContain(new Date(b.createdAt).toLocaleString('zh-CN'));
    const token = /name="token" value="([0-9a-f]+)"/.exec(html)![1]!;
    const file = /name="file" value="([^"]+)"/.exec(html)![1]!;
    expect(file).toBe(b.file);
    const wrong = await fetch(`${url}restore`, {
      method: 'POST',
      body: new URLSearchParams({ token: 'x', file }),
    });
    expect(wrong.status).toBe(403);
    const r = await fetch(`${url}restore`, { method: 'POST', body: new URLSearchParams({ token, file }) });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('已从备份恢复');
    // the app itself opens next, on the same port (or says the renderer is not built)
    expect(await waitFor(/浏览器预览已启动|找不到界面文件/)).not.toBeNull();
    if (/浏览器预览已启动/.test(seen.out)) expect(seen.out).toContain(`浏览器预览已启动：${url}`);
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  }
  expect(readdirSync(t.dir).some((f) => f.includes('.damaged-'))).toBe(true);
  const o = await openDatabase(t.path, { mustExist: true });
  expect(await snapshot(o.db)).toEqual(before);
  await o.close();
}, 120_000);
