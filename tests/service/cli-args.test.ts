// The command line's argument handling as a user meets it: Chinese errors naming the option and the fix,
// followed by the usage line; exit codes in --help; FUNDDESK_DB for every --db command; 万元 and wan alike.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cli-main';

let dir: string;
let db: string;
const savedEnv = process.env.FUNDDESK_DB;

/** No English words of node's argument parser or of the OS reach the user. */
const ENGLISH = /Option|Unknown|argument|missing|Unexpected|EADDRINUSE|listen|Error:/;

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-cli-args-'));
  db = join(dir, 'demo.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  if (savedEnv === undefined) delete process.env.FUNDDESK_DB;
  else process.env.FUNDDESK_DB = savedEnv;
});

describe('argument errors', () => {
  it.each([
    [['report', 'overview', '--db'], '--db', '缺少值'],
    [['report', 'overview', '--db', 'x.sqlite', '--bogus'], '--bogus', '未知的参数'],
    [['report', 'overview', '--db', 'x.sqlite', '--json=yes'], '--json', '不带值'],
    [['report', 'overview', '--db', 'x.sqlite', '--as-of', '2023-02-30'], '--as-of', 'YYYY-MM-DD'],
    [['report', 'direct-funds', '--db', 'x.sqlite', '--unit', 'usd', '--json'], '--unit', '万元'],
    [['serve', '--port', '70000'], '--port', '65535'],
    [['export-ledger', 'fund', '--db', 'x.sqlite'], '--out', '缺少参数'],
    [['import', 'fund', 'a.csv', '--db', 'x.sqlite', '--header-row', '0'], '--header-row', '正整数'],
  ])('%j: Chinese, names the option and the fix, then the usage line, exit 2', async (argv, option, fix) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(option);
    expect(r.err).toContain(fix);
    expect(r.err).toMatch(/\n用法：funddesk \S+/);
    expect(r.err.split('\n')[0]).not.toMatch(ENGLISH);
  });

  it('--help states the exit codes, for the whole tool and for one command', async () => {
    const all = await cli('--help');
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/退出码：[\s\S]*0 {2}成功[\s\S]*1 {2}[\s\S]*2 {2}参数错误/);
    expect(all.out).toContain('FUNDDESK_DB');
    const one = await cli('import', '--help');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/^用法：funddesk import /);
    expect(one.out).toContain('退出码');
  });
});

describe('FUNDDESK_DB', () => {
  it('is used by report, export-ledger, backup and template when --db is not given', async () => {
    process.env.FUNDDESK_DB = db;
    const overview = await cli('report', 'overview', '--json');
    expect(overview.code, overview.err).toBe(0);
    expect(JSON.parse(overview.out).subFunds.count).toBeGreaterThan(0);

    const perf = await cli('report', 'performance', '--json');
    expect(perf.code, perf.err).toBe(0);

    const csv = join(dir, 'funds.csv');
    const exported = await cli('export-ledger', 'fund', '--out', csv);
    expect(exported.code, exported.err).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('基金名称');

    const backup = await cli('backup', '--list');
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toContain('备份文件夹');
  });

  it('without --db and without FUNDDESK_DB the message names both', async () => {
    delete process.env.FUNDDESK_DB;
    const r = await cli('report', 'overview', '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--db');
    expect(r.err).toContain('FUNDDESK_DB');
  });
});

describe('units', () => {
  it.each(['万元', 'wan', '万'])('--unit %s is 万元 in report and export-ledger', async (unit) => {
    const out = join(dir, `direct-${unit}.csv`);
    const r = await cli(
      'report',
      'direct-funds',
      '--db',
      db,
      '--unit',
      unit,
      '--format',
      'csv',
      '--out',
      out,
    );
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('万元');

    const ledger = join(dir, `funds-${unit}.csv`);
    const e = await cli('export-ledger', 'fund', '--db', db, '--unit', unit, '--out', ledger);
    expect(e.code, e.err).toBe(0);
    expect(readFileSync(ledger, 'utf8').split('\n')[0]).toContain('万元');
  });
});
