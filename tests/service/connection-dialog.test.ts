import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveDbPath } from '../../src/main/host/db-path';
import { connectionDir, readSavedConnection } from '../../src/main/host/saved-connection';
import { closedPort } from '../helpers/faults';
import { freshDbPerTest, refusal } from '../helpers/temp-db';

const env = freshDbPerTest();
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'funddesk-conn-'));
  process.env.FUNDDESK_DATA_DIR = dataDir;
});
afterEach(() => {
  delete process.env.FUNDDESK_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('连接服务器数据库: refusals (#17)', () => {
  it('a server that does not answer: a Chinese message, without the password, and nothing saved', async () => {
    const port = await closedPort();
    const e = await refusal(
      env.api('connection.test', {
        host: '127.0.0.1',
        port,
        database: 'funddesk',
        user: 'fd',
        password: 'Sesam-99',
      }),
    );
    expect(e.message).toContain('无法连接 PostgreSQL 服务器');
    expect(e.message).toContain(`127.0.0.1:${port}/funddesk`);
    expect(e.message).not.toContain('Sesam-99');
    const s = await refusal(
      env.api('connection.save', { url: `postgres://fd:Sesam-99@127.0.0.1:${port}/funddesk` }),
    );
    expect(s.message).not.toContain('Sesam-99');
    expect(existsSync(join(dataDir, 'connection.json'))).toBe(false);
    expect((await env.api('connection.get', {})).saved).toBeNull();
  });

  it('a server that accepts but never answers: refused after connect_timeout, not a hung app', async () => {
    const silent = createServer(() => {}); // takes the connection, says nothing
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const e = await refusal(
        env.api('connection.test', { url: `postgres://fd@127.0.0.1:${port}/fd?connect_timeout=1` }),
      );
      expect(e.message).toBe(
        `连接 PostgreSQL 服务器“postgres://fd@127.0.0.1:${port}/fd?connect_timeout=1”超时：服务器没有应答；请检查地址、端口和网络，以及服务器是否在运行`,
      );
    } finally {
      silent.close();
    }
  });

  it('missing fields and a wrong port are named in Chinese', async () => {
    const empty = await refusal(env.api('connection.test', { host: '' }));
    expect(empty.message).toContain('请填写服务器地址（主机名或 IP）');
    expect(empty.message).toContain('请填写数据库名');
    expect(empty.message).toContain('请填写用户名');
    const port = await refusal(
      env.api('connection.test', { host: 'h', database: 'd', user: 'u', port: 70000 }),
    );
    expect(port.message).toContain('端口应是 1 到 65535 之间的整数');
  });

  it('a pasted URL of another kind is refused with the supported forms', async () => {
    const e = await refusal(env.api('connection.test', { url: 'mysql://fd:pw@h/db' }));
    expect(e.message).toContain('不支持的数据库地址');
    expect(e.message).not.toContain(':pw@');
  });

  it('改回本机文件 removes a saved server: the next start opens the local file', async () => {
    writeFileSync(join(dataDir, 'connection.json'), JSON.stringify({ url: 'postgres://fd:pw@h:5432/db' }));
    expect(readSavedConnection(connectionDir())).toBe('postgres://fd:pw@h:5432/db');
    expect((await env.api('connection.get', {})).saved).toBe('postgres://fd:***@h:5432/db');
    const after = await env.api('connection.clear', {});
    expect(after.saved).toBeNull();
    expect(existsSync(join(dataDir, 'connection.json'))).toBe(false);
    expect(resolveDbPath([], {}, dataDir, readSavedConnection(connectionDir()))).toBe(
      join(dataDir, 'funddesk.sqlite'),
    );
  });

  it('a damaged connection.json is ignored (the local file opens), never a crash', async () => {
    writeFileSync(join(dataDir, 'connection.json'), '{"url": "postgres://h');
    expect(readSavedConnection(dataDir)).toBeNull();
    expect((await env.api('connection.get', {})).saved).toBeNull();
  });
});
