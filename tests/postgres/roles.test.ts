import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { PgError } from '../../src/main/db/pg-sync';
import { startWorkerHost } from '../../src/main/host/data-host/worker';
import { cli } from '../helpers/cli-main';
import { TEST_PG, tempPgSchema } from '../helpers/temp-db';

/** The SQL of docs/TEAM.md, as an administrator would paste it (one block per role, named by its first line). */
const TEAM = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'TEAM.md'), 'utf8');
function teamSql(role: '编辑者' | '查看者'): string {
  const block = new RegExp(`\`\`\`sql\\n-- ${role}\\n([\\s\\S]*?)\`\`\``).exec(TEAM);
  if (!block) throw new Error(`docs/TEAM.md 中没有“${role}”的 SQL`);
  return block[1]!;
}

const PASSWORD = 'Geheim-42';
const tag = Math.random().toString(36).slice(2, 8);
const roles = { editor: `fd_editor_${tag}`, reader: `fd_reader_${tag}` };

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: TEST_PG as string });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

let dir: string;
let schema: Awaited<ReturnType<typeof tempPgSchema>>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-roles-'));
  schema = await tempPgSchema(TEST_PG as string);
  // The owner (the test server's superuser here) creates the tables, then the two roles exactly as documented.
  expect(await cli('demo', '--db', schema.url)).toMatchObject({ code: 0 });
  const database = new URL(TEST_PG as string).pathname.slice(1);
  const asHere = (sql: string) =>
    sql
      .replace(/\bfunddesk_editor\b/g, roles.editor)
      .replace(/\bfunddesk_reader\b/g, roles.reader)
      .replace(/DATABASE funddesk\b/g, `DATABASE ${database}`)
      .replace(/SCHEMA public\b/g, `SCHEMA ${schema.schema}`);
  await admin(asHere(teamSql('编辑者')) + asHere(teamSql('查看者')));
});
afterEach(async () => {
  await schema.drop();
  for (const r of Object.values(roles)) await admin(`DROP OWNED BY ${r}; DROP ROLE ${r}`);
  rmSync(dir, { recursive: true, force: true });
});

const as = (role: string) => schema.url.replace(/^postgres:\/\/[^@]+@/, `postgres://${role}:${PASSWORD}@`);

describe('the editor and reader roles of docs/TEAM.md (#17)', () => {
  it('a reader gets a read-only app: writes refused in Chinese, and by the server itself if one slips through', async () => {
    const url = as(roles.reader);
    const host = await startWorkerHost({ dbPath: url, host: 'test', version: 'test', backups: true });
    try {
      const info = await host.invoke('app.info', {});
      expect(info).toMatchObject({ ok: true, data: { readOnly: '当前数据库账号只有查看权限' } });
      const overview = await host.invoke('overview.get', { asOf: '2025-12-31' });
      expect(overview).toMatchObject({ ok: true, data: { subFunds: { paidInFen: 123_700_000_000 } } });
      const grid = await host.invoke('ledger.table', { entity: 'fund' });
      expect(grid.ok ? null : grid.error).toBeNull();
      expect(grid).toMatchObject({ ok: true, data: { columns: expect.arrayContaining(['name']) } });
      expect(grid.ok && (grid.data as { rows: unknown[] }).rows.length).toBe(15);
      for (const [channel, input] of [
        [
          'ledger.create',
          { entity: 'institution', values: { name: '只读账号新增的机构有限公司', kind: 'vc' } },
        ],
        ['backup.settings', { patch: { keepRecent: 3 } }],
        ['settings.set', { key: 'user', value: '张三' }],
      ] as const) {
        const r = await host.invoke(channel, input as never);
        expect(r).toEqual({
          ok: false,
          error: { code: 'database', message: '当前数据库账号只有查看权限，不能修改；如需修改请联系管理员' },
        });
      }
      expect(JSON.stringify(info)).not.toContain(PASSWORD);
    } finally {
      await host.close();
    }

    // Past the app: the server's GRANTs refuse the write.
    const o = await openDatabase(url);
    try {
      expect(o.readOnly).toBe('当前数据库账号只有查看权限');
      let err: unknown = null;
      try {
        o.raw.prepare(`INSERT INTO institutions (name, kind) VALUES ('越权写入有限公司', 'vc')`).run();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PgError);
      expect((err as PgError).sqlstate).toBe('42501');
      expect((err as PgError).message).not.toContain(PASSWORD);
      const n = o.raw.prepare(`SELECT count(*) AS n FROM institutions WHERE name = '越权写入有限公司'`).get();
      expect(n).toEqual({ n: 0 });
    } finally {
      await o.close();
    }

    // A reader may still take a backup file of what it can see.
    const file = join(dir, 'reader.sqlite');
    const b = await cli('backup', '--db', url, '--out', file);
    expect(b.err).toBe('');
    expect(b.out).toContain('已备份并校验通过');
    expect(b.out).not.toContain(PASSWORD);
    expect(readdirSync(dir)).toEqual(['reader.sqlite', 'reader.sqlite.json']);
  }, 120_000);

  it('an editor edits', async () => {
    const host = await startWorkerHost({ dbPath: as(roles.editor), host: 'test', version: 'test' });
    try {
      expect(await host.invoke('app.info', {})).toMatchObject({ ok: true, data: { readOnly: null } });
      const made = await host.invoke('ledger.create', {
        entity: 'institution',
        values: { name: '编辑者新增的机构有限公司', kind: 'vc' },
      });
      expect(made).toMatchObject({ ok: true, data: { name: '编辑者新增的机构有限公司' } });
    } finally {
      await host.close();
    }
  }, 120_000);
});
