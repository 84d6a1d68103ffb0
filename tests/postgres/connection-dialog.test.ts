import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { resolveDbPath } from '../../src/main/host/db-path';
import { connectionDir, readSavedConnection } from '../../src/main/host/saved-connection';
import { cli } from '../helpers/cli-main';
import { TEST_PG, tempDb, tempPgSchema, testClient } from '../helpers/temp-db';

/** 连接服务器数据库 against the real test server (#17): what 测试连接 finds, and what 连接 saves. */
let dataDir: string;
let schema: Awaited<ReturnType<typeof tempPgSchema>>;
let app: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'funddesk-conn-'));
  process.env.FUNDDESK_DATA_DIR = dataDir;
  schema = await tempPgSchema(TEST_PG as string);
  app = await tempDb();
});
afterEach(async () => {
  delete process.env.FUNDDESK_DATA_DIR;
  await app.cleanup();
  await schema.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const tablesIn = async (name: string) => {
  const c = new pg.Client({ connectionString: TEST_PG as string });
  await c.connect();
  try {
    return (
      await c.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1', [
        name,
      ])
    ).rows[0].n as number;
  } finally {
    await c.end();
  }
};

describe('连接服务器数据库 on a real PostgreSQL server (#17)', () => {
  it('an empty database: 测试连接 says so and changes nothing; 建立并连接 creates the tables and saves it', async () => {
    const api = testClient(app.opened);
    const probe = await api('connection.test', { url: schema.url });
    expect(probe.state).toBe('empty');
    expect(probe.summary).toMatch(/^已连接到 PostgreSQL \d+/);
    expect(probe.summary).toContain('是空的');
    expect(await tablesIn(schema.schema)).toBe(0);

    const refused = await api('connection.save', { url: schema.url }).catch((e: Error) => e.message);
    expect(refused).toContain('该数据库是空的');
    expect(readSavedConnection(connectionDir())).toBeNull();

    const saved = await api('connection.save', { url: schema.url, create: true });
    expect(saved.probe.state).toBe('funddesk');
    expect(await tablesIn(schema.schema)).toBeGreaterThan(10);
    expect(readSavedConnection(connectionDir())).toBe(schema.url);
    const file = join(dataDir, 'connection.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ url: schema.url });
    // The next start opens it: resolveDbPath picks the saved server, and it opens as a FundDesk database.
    const next = resolveDbPath([], {}, dataDir, readSavedConnection(connectionDir()));
    const opened = await openDatabase(next, { mustExist: true });
    expect(opened.engine).toBe('postgres');
    await opened.close();
  });

  it('a FundDesk database: its structure version and an editor role; a reader role is told it may only read', async () => {
    expect(await cli('demo', '--db', schema.url)).toMatchObject({ code: 0 });
    const api = testClient(app.opened);
    const probe = await api('connection.test', { url: schema.url });
    expect(probe.state).toBe('funddesk');
    expect(probe.schemaVersion).toMatch(/^\d{4}/);
    expect(probe.readOnly).toBeNull();
    expect(probe.summary).toContain('是 FundDesk 数据库（结构第');
    expect(probe.summary).toContain('当前账号可以查看和修改');

    const role = `fd_dlg_reader_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: TEST_PG as string });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'Lese-77'`);
      await admin.query(`GRANT USAGE ON SCHEMA ${schema.schema} TO ${role}`);
      await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema.schema} TO ${role}`);
      const u = new URL(schema.url);
      const asReader = await api('connection.test', {
        host: u.hostname,
        port: Number(u.port),
        database: u.pathname.slice(1),
        user: role,
        password: 'Lese-77',
        sslmode: 'disable',
        url: `postgres://${role}:Lese-77@${u.host}${u.pathname}${u.search}`,
      });
      expect(asReader.readOnly).toBe('当前数据库账号只有查看权限');
      expect(asReader.summary).toContain('只能查看、不能修改');
      expect(JSON.stringify(asReader)).not.toContain('Lese-77');
    } finally {
      await admin.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
      await admin.end();
    }
  });

  it('a wrong password is refused in Chinese, without echoing it', async () => {
    const api = testClient(app.opened);
    const u = new URL(TEST_PG as string);
    const e = await api('connection.test', {
      host: u.hostname,
      port: Number(u.port),
      database: 'no_such_db_here',
      user: u.username,
      password: 'Falsch-12',
      sslmode: 'disable',
    }).catch((x: Error) => x.message);
    expect(e).toMatch(/PostgreSQL/);
    expect(e).not.toContain('Falsch-12');
  });
});
