import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-main';
import { pgScratch } from '../helpers/pg-scratch';

const scratch = pgScratch('funddesk-cli-empty-');

describe('a command on a PostgreSQL database without FundDesk data', () => {
  it('says nothing was changed and to check the connection address, not a file path', async () => {
    const r = await cli('report', 'overview', '--json', '--db', scratch.schema.url);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      '还没有 FundDesk 的数据；未做任何改动。请检查 --db 的连接地址（服务器与数据库名）',
    );
    expect(r.err).not.toMatch(/文件|路径/);
  });

  it('names --create where the command can set the tables up there', async () => {
    const csv = `${scratch.dir}/机构.csv`;
    writeFileSync(csv, '机构名称\n某某投资有限公司\n');
    const r = await cli('import', 'institution', csv, '--db', scratch.schema.url);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      '请检查 --db 的连接地址（服务器与数据库名）；如确实要在这个数据库中建立 FundDesk 的表，请加 --create',
    );
  });
});
