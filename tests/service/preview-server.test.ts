import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PreviewServer, startPreviewServer } from '../../src/main/host/preview-server';
import { tempDb } from '../helpers/temp-db';

let t: Awaited<ReturnType<typeof tempDb>>;
let s: PreviewServer;

beforeAll(async () => {
  t = await tempDb();
  const renderer = mkdtempSync(join(tmpdir(), 'funddesk-renderer-'));
  writeFileSync(
    join(renderer, 'index.html'),
    '<!doctype html><html><head><title>x</title></head><body></body></html>',
  );
  s = await startPreviewServer(
    { opened: t.opened, host: 'browser', version: 'test' },
    { rendererDir: renderer },
  );
});
afterAll(async () => {
  await s.close();
  await t.cleanup();
});

const call = (channel: string, body: unknown, token?: string) =>
  fetch(`${s.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-funddesk-token': token } : {}) },
    body: JSON.stringify(body),
  });

describe('browser preview server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const addr = s.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('puts the per-launch token into the page it serves', async () => {
    const html = await (await fetch(s.url)).text();
    expect(html).toContain(`<meta name="funddesk-token" content="${s.token}" />`);
    expect(s.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses API calls without the token or with a wrong one, and writes nothing', async () => {
    const values = { name: '未授权写入的机构', kind: 'vc' };
    const none = await call('ledger.create', { entity: 'institution', values });
    expect(none.status).toBe(403);
    expect((await none.json()).error.message).toBe('访问令牌无效');
    const wrong = await call('ledger.create', { entity: 'institution', values }, 'f'.repeat(48));
    expect(wrong.status).toBe(403);
    const rows = await t.db.selectFrom('institutions').selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('runs the real handlers with the token', async () => {
    const r = await call(
      'ledger.create',
      { entity: 'institution', values: { name: '深圳测试创投', kind: 'vc' } },
      s.token,
    );
    const env = await r.json();
    expect(env.ok).toBe(true);
    expect(env.data.name).toBe('深圳测试创投');
    const bad = await (
      await call('ledger.create', { entity: 'institution', values: { kind: 'vc' } }, s.token)
    ).json();
    expect(bad.ok).toBe(false);
    expect(bad.error.message).toContain('机构名称');
  });

  it('answers malformed JSON and unknown channels with a Chinese message', async () => {
    const r = await fetch(`${s.url}api/app.info`, {
      method: 'POST',
      headers: { 'x-funddesk-token': s.token },
      body: '{not json',
    });
    expect(r.status).toBe(400);
    expect((await r.json()).error.message).toContain('不是有效的 JSON');
    const u = await (await call('no.such.channel', {}, s.token)).json();
    expect(u.error.message).toContain('未知的调用');
  });

  it('never serves files outside the renderer folder', async () => {
    const r = await fetch(`${s.url}..%2F..%2F..%2Fetc%2Fpasswd`);
    expect(await r.text()).not.toContain('root:');
  });
});
