import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-main';
import { cliOverview, pgScratch } from '../helpers/pg-scratch';

const scratch = pgScratch('funddesk-copy-');

describe('funddesk copy between a SQLite file and PostgreSQL', () => {
  it('copies everything there and back, checked by rows and money sums; a filled target needs --replace', async () => {
    const file = join(scratch.dir, 'demo.sqlite');
    expect(await cli('demo', '--db', file)).toMatchObject({ code: 0 });
    const there = await cli('copy', '--from', file, '--to', scratch.schema.url);
    expect(there.err).toBe('');
    expect(there.code).toBe(0);
    expect(there.out).toMatch(/cash_flows：\d+ 行 amount_fen 合计 \d+ 分/);
    expect(there.out).toContain('已复制并核对');
    expect(await cliOverview(scratch.schema.url)).toEqual(await cliOverview(file));

    const again = await cli('copy', '--from', file, '--to', scratch.schema.url);
    expect(again.code).toBe(1);
    expect(again.err).toContain('目标数据库已有数据');
    expect(await cli('copy', '--from', file, '--to', scratch.schema.url, '--replace')).toMatchObject({
      code: 0,
    });

    const back = join(scratch.dir, 'back.sqlite');
    const r = await cli('copy', '--from', scratch.schema.url, '--to', back);
    expect(r.err).toBe('');
    const counts = (out: string) => out.split('\n').slice(0, -2).join('\n');
    expect(counts(r.out)).toBe(counts(there.out));
    expect(r.out).toContain(`→ ${back}`);
    expect(await cliOverview(back)).toEqual(await cliOverview(file));
  });
});
