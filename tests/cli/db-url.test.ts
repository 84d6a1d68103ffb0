import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-main';

let dir: string;
let cwd: string;
beforeEach(() => {
  cwd = process.cwd();
  dir = mkdtempSync(join(tmpdir(), 'funddesk-url-'));
  process.chdir(dir);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

describe('--db with a URL FundDesk does not support', () => {
  it('is refused in Chinese with the usage, the password hidden, and nothing created', async () => {
    for (const url of ['mysql://root:pw-9@db/funds', 'http://host/x.sqlite', 'file:x.sqlite']) {
      const r = await cli('demo', '--db', url);
      expect(r.code).toBe(2);
      expect(r.err).toContain('不支持的数据库地址');
      expect(r.err).toContain('用法：funddesk demo');
      expect(r.err).not.toContain('pw-9');
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('FUNDDESK_DB is checked the same way', async () => {
    process.env.FUNDDESK_DB = 'mysql://u@h/d';
    try {
      const r = await cli('report', 'overview');
      expect(r.code).toBe(2);
      expect(r.err).toContain('不支持的数据库地址“mysql://u@h/d”');
    } finally {
      delete process.env.FUNDDESK_DB;
    }
    expect(existsSync(join(dir, 'mysql:'))).toBe(false);
  });
});
