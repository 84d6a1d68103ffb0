import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-main';
import { TEST_PG, tempPgSchema } from '../helpers/temp-db';

let dir: string;
let schema: Awaited<ReturnType<typeof tempPgSchema>>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-copy-'));
  schema = await tempPgSchema(TEST_PG as string);
});
afterEach(async () => {
  await schema.drop();
  rmSync(dir, { recursive: true, force: true });
});

const overview = async (db: string) => {
  const r = await cli('report', 'overview', '--db', db, '--as-of', '2025-12-31', '--json');
  expect(r.err).toBe('');
  return JSON.parse(r.out);
};

describe('funddesk copy between a SQLite file and PostgreSQL', () => {
  it('copies everything there and back, checked by rows and money sums; a filled target needs --replace', async () => {
    const file = join(dir, 'demo.sqlite');
    expect((await cli('demo', '--db', file)).code).toBe(0);
    const there = await cli('copy', '--from', file, '--to', schema.url);
    expect(there.err).toBe('');
    expect(there.code).toBe(0);
    expect(there.out).toMatch(/cash_flows：\d+ 行 amount_fen 合计 \d+ 分/);
    expect(there.out).toContain('已复制并核对');
    expect(await overview(schema.url)).toEqual(await overview(file));

    const again = await cli('copy', '--from', file, '--to', schema.url);
    expect(again.code).toBe(1);
    expect(again.err).toContain('目标数据库已有数据');
    expect((await cli('copy', '--from', file, '--to', schema.url, '--replace')).code).toBe(0);

    const back = join(dir, 'back.sqlite');
    const r = await cli('copy', '--from', schema.url, '--to', back);
    expect(r.err).toBe('');
    const counts = (out: string) => out.split('\n').slice(0, -2).join('\n');
    expect(counts(r.out)).toBe(counts(there.out));
    expect(r.out).toContain(`→ ${back}`);
    expect(await overview(back)).toEqual(await overview(file));
  });
});
