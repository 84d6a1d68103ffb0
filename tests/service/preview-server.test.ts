import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/handlers';
import { MAX_BODY_BYTES, type PreviewServer, startPreviewServer } from '../../src/main/host/preview-server';
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
  const ctx = { opened: t.opened, host: 'browser' as const, version: 'test' };
  s = await startPreviewServer((channel, input) => dispatch(ctx, channel, input), { rendererDir: renderer });
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

/** A raw HTTP request with the headers given (fetch would not let a test set Host). */
function raw(
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  const { port } = new URL(s.url);
  return new Promise((ok, bad) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method: body === undefined ? 'GET' : 'POST',
        headers,
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', bad);
    req.end(body);
  });
}

describe('the preview answers only its own local page (DNS rebinding, other sites)', () => {
  it('refuses a request whose Host is another name, without the token', async () => {
    const port = new URL(s.url).port;
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${Number(port) + 1}`,
      `localhost.evil:${port}`,
    ]) {
      const r = await raw('/', { host });
      expect(r.status).toBe(421);
      expect(r.text).not.toContain(s.token);
      expect(r.text).toContain('只接受本机地址');
    }
    const api = await raw(
      '/api/app.info',
      { host: `evil.example:${port}`, 'x-funddesk-token': s.token },
      '{}',
    );
    expect(api.status).toBe(421);
    expect(api.text).not.toContain('dbPath');
  });

  it('serves the page with the token to 127.0.0.1:<port> and localhost:<port>', async () => {
    const port = new URL(s.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const r = await raw('/', { host });
      expect(r.status).toBe(200);
      expect(r.text).toContain(s.token);
    }
  });

  it('refuses an API call from a foreign Origin with 403, even with the token, and writes nothing', async () => {
    const port = new URL(s.url).port;
    const values = { name: '跨站写入的机构', kind: 'vc' };
    for (const origin of [
      'https://evil.example',
      `http://evil.example:${port}`,
      'null',
      `https://127.0.0.1:${port}`,
    ]) {
      const r = await raw(
        '/api/ledger.create',
        {
          host: `127.0.0.1:${port}`,
          origin,
          'x-funddesk-token': s.token,
          'content-type': 'application/json',
        },
        JSON.stringify({ entity: 'institution', values }),
      );
      expect(r.status).toBe(403);
      expect(JSON.parse(r.text).error.message).toBe('拒绝来自其他网页的调用');
    }
    expect(
      await t.db.selectFrom('institutions').where('name', '=', values.name).selectAll().execute(),
    ).toEqual([]);
    // The page's own calls carry its own origin (or none) and are answered.
    const own = await raw(
      '/api/app.info',
      { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'x-funddesk-token': s.token },
      '{}',
    );
    expect(own.status).toBe(200);
    expect(JSON.parse(own.text).ok).toBe(true);
  });

  it('answers an oversize body with a Chinese 413 and stores nothing', async () => {
    const name = '超大请求的机构';
    const body = JSON.stringify({
      entity: 'institution',
      values: { name, kind: 'vc', notes: 'x'.repeat(MAX_BODY_BYTES) },
    });
    const port = new URL(s.url).port;
    const r = await raw(
      '/api/ledger.create',
      { host: `127.0.0.1:${port}`, 'x-funddesk-token': s.token },
      body,
    );
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).error.message).toContain('请求内容过大');
    expect(await t.db.selectFrom('institutions').where('name', '=', name).selectAll().execute()).toEqual([]);
  });

  it('still takes the largest legitimate call: an import file of 50 MB', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(Math.ceil((50 * 1024 * 1024 * 4) / 3) + 64 * 1024);
    expect(MAX_BODY_BYTES).toBeLessThan(100 * 1024 * 1024);
  });
});
