import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli/main';
import { loadDemo } from '../../src/main/demo';
import { dispatch, type HandlerContext } from '../../src/main/handlers';
import { contract } from '../../src/shared/contract';
import { tempDb } from '../helpers/temp-db';

/**
 * Garbage in, a clear answer out: every IPC channel and every CLI command is fed generated garbage
 * (wrong types, huge strings, nested objects, NaN, negative ids, prototype-pollution keys, random
 * files) and must answer with an envelope (ok:false with a Chinese message, or ok:true) — never throw,
 * hang or damage the database.
 */

/** A small deterministic PRNG, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'entity',
  'ledger',
  'id',
  'values',
  'row',
  'rows',
  'where',
  'fileName',
  'bytes',
  'mapping',
  'sheet',
  'headerRow',
  'defaults',
  'createMissing',
  'duplicates',
  'remember',
  'format',
  'unit',
  'kind',
  'file',
  'patch',
  'key',
  'value',
  'asOf',
  'replace',
  'limit',
  'offset',
  'text',
  'remove',
  'column',
  'field',
  '__proto__',
  'constructor',
  'prototype',
];

const CODES = [
  'manager',
  'fund',
  'cash_flow',
  'enterprise',
  'institution',
  'investment',
  'valuation',
  'landed_project',
  'financing_deal',
  'sub',
  'direct',
  'wan',
  'yi',
  'yuan',
  'xlsx',
  'csv',
  'skip',
  'import',
  'refuse',
];

function garbage(r: () => number, scratch: string, depth = 0): unknown {
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const k = Math.floor(r() * (depth > 3 ? 16 : 22));
  switch (k) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1e308]);
    case 3:
      return pick([-1, 0, 1, 2, 3, -99999, 2 ** 53, 2 ** 31, 1.5, Number.MAX_SAFE_INTEGER]);
    case 4:
      return pick([true, false]);
    case 5:
      return pick(CODES);
    case 6:
      return pick([
        '',
        ' ',
        '\u0000',
        '%00',
        '../../etc/passwd',
        '..\\..\\x',
        'a'.repeat(300),
        '中文',
        '🙂',
        '\ud800',
      ]);
    case 7:
      return 'x'.repeat(Math.floor(r() * 3) === 0 ? 2_000_000 : 5000);
    case 8:
      return pick(['2023-02-30', '2023-08-01', '99999-01-01', '1.5亿', '-5', 'NaN', '1e400']);
    case 9:
      return pick([
        'UEsDBAoAAAAAAA==',
        Buffer.from('企业名称\n深圳市甲有限公司\n').toString('base64'),
        Buffer.from('PK\u0003\u0004garbage').toString('base64'),
        '!!!not base64!!!',
      ]);
    case 10:
      return pick(['funddesk-20200101-000000-000-manual.sqlite', 'x.sqlite', '.sqlite', 'a/b.sqlite']);
    case 11:
      return join(scratch, pick(['sub', 'x', '备份']));
    case 12:
      return JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}');
    case 13:
      return Object.create(null);
    case 14:
      return new Date(Number.NaN);
    case 15:
      return Symbol.for('x').toString();
    case 16:
    case 17: {
      const o: Record<string, unknown> = {};
      const n = Math.floor(r() * 5);
      for (let i = 0; i < n; i++) o[pick(KEYS)] = garbage(r, scratch, depth + 1);
      return o;
    }
    case 18:
      return Array.from({ length: Math.floor(r() * 4) }, () => garbage(r, scratch, depth + 1));
    case 19: {
      let deep: unknown = 1;
      for (let i = 0; i < 2000; i++) deep = [deep];
      return deep;
    }
    case 20:
      return Array.from({ length: 300 }, () => ({ column: Math.floor(r() * 300) - 50, field: pick(KEYS) }));
    default:
      return { entity: pick(CODES), id: pick([-1, 0, 1, 1e20]), values: garbage(r, scratch, depth + 1) };
  }
}

const CJK = /[\u4e00-\u9fa5]/;

describe('fuzz: every IPC channel refuses malformed input with a clear message', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  let scratch: string;
  beforeAll(async () => {
    t = await tempDb();
    await loadDemo(t.db, { replace: false });
    scratch = mkdtempSync(join(tmpdir(), 'funddesk-fuzz-'));
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  const channels = Object.keys(contract);
  it('has channels to fuzz, including the data area', () => {
    expect(channels).toEqual(
      expect.arrayContaining(['import.preview', 'import.commit', 'backup.restore', 'ledger.export']),
    );
  });

  for (const channel of [...channels, 'no.such.channel', '__proto__', 'constructor']) {
    it(channel, { timeout: 120_000 }, async () => {
      const ctx: HandlerContext = { opened: t.opened, host: 'test', version: 'fuzz' };
      const r = rng(channel.split('').reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
      for (let i = 0; i < 40; i++) {
        const input = garbage(r, scratch);
        let env: Awaited<ReturnType<typeof dispatch>>;
        try {
          env = await dispatch(ctx, channel, input);
        } catch (e) {
          throw new Error(`${channel} threw on input #${i}: ${(e as Error).message}`);
        }
        expect(typeof env).toBe('object');
        if (env.ok) {
          expect(env).toHaveProperty('data');
        } else {
          expect(typeof env.error.code).toBe('string');
          expect(env.error.message, `${channel} #${i}`).toMatch(CJK);
          expect(env.error.message.length).toBeLessThan(5000);
        }
        expect(JSON.stringify(env).length).toBeGreaterThan(0);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(t.opened.raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(t.opened.raw.pragma('foreign_key_check')).toEqual([]);
      expect(t.opened.raw.inTransaction).toBe(false);
    });
  }
});

describe('fuzz: import files mutated at random', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    t = await tempDb();
    await loadDemo(t.db, { replace: false });
  });
  afterAll(() => t.cleanup());

  it('flipped bytes, truncations and splices of real exports never crash, hang or write', {
    timeout: 300_000,
  }, async () => {
    const { exportLedger } = await import('../../src/main/services/import/ledger-export');
    const ctx: HandlerContext = { opened: t.opened, host: 'test', version: 'fuzz' };
    const before = t.opened.raw.prepare('SELECT count(*) AS n FROM cash_flows').get();
    const r = rng(20240801);
    for (const format of ['xlsx', 'csv'] as const) {
      const good = (await exportLedger(t.db, 'cash_flow', { format, unit: 'wan' })).data;
      for (let i = 0; i < 60; i++) {
        const b = Buffer.from(good);
        const mode = i % 4;
        if (mode === 0)
          for (let j = 0; j < 1 + Math.floor(r() * 40); j++)
            b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
        const bytes =
          mode === 1
            ? b.subarray(0, Math.floor(r() * b.length))
            : mode === 2
              ? Buffer.concat([
                  b.subarray(0, Math.floor(r() * b.length)),
                  b.subarray(Math.floor(r() * b.length)),
                ])
              : b;
        const env = await dispatch(ctx, i % 2 ? 'import.preview' : 'import.commit', {
          ledger: 'cash_flow',
          fileName: `现金流.${format}`,
          bytes: bytes.toString('base64'),
        });
        if (!env.ok) expect(env.error.message).toMatch(CJK);
      }
    }
    // commits of mutated copies of an export are duplicates or errors: nothing was written
    expect(t.opened.raw.prepare('SELECT count(*) AS n FROM cash_flows').get()).toEqual(before);
    expect(t.opened.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('fuzz: every CLI command refuses malformed arguments with a clear message', () => {
  let dir: string;
  let cwd: string;
  let dbPath: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'funddesk-fuzz-cli-'));
    cwd = process.cwd();
    process.chdir(dir);
    dbPath = join(dir, 'funddesk.sqlite');
    expect(await main(['demo', '--db', dbPath], { out: () => {}, err: () => {} })).toBe(0);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  const FLAGS = [
    '--db',
    '--out',
    '--from',
    '--unit',
    '--sheet',
    '--header-row',
    '--format',
    '--kind',
    '--as-of',
    '--list',
    '--dry-run',
    '--json',
    '--bogus',
    '-x',
    '--',
  ];
  const COMMANDS = [
    'import',
    'export-ledger',
    'template',
    'backup',
    'restore',
    'report',
    'demo',
    'nonsense',
    '',
  ];

  for (const command of COMMANDS) {
    it(`funddesk ${command || '(empty)'}`, { timeout: 240_000 }, async () => {
      const r = rng(command.length * 7919 + 17);
      const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
      for (let i = 0; i < 25; i++) {
        const argv = [command];
        const n = Math.floor(r() * 6);
        for (let j = 0; j < n; j++) {
          const f = pick(FLAGS);
          argv.push(f);
          if (r() < 0.8) {
            argv.push(
              pick([
                dbPath,
                'nope.sqlite',
                '',
                '万元',
                '亿',
                'xlsx',
                '-1',
                'NaN',
                '../../x',
                'fund',
                '现金流',
                join(dir, 'out.xlsx'),
                join(dir, 'out.csv'),
                dir,
                '\u0000',
                'x'.repeat(10_000),
              ]),
            );
          }
        }
        if (r() < 0.5)
          argv.splice(1, 0, pick(['fund', 'cash_flow', '现金流', 'bogus', join(dir, 'missing.csv'), dbPath]));
        let out = '';
        let err = '';
        let code: number;
        try {
          code = await main(argv, {
            out: (s) => {
              out += s;
            },
            err: (s) => {
              err += s;
            },
          });
        } catch (e) {
          throw new Error(`funddesk ${argv.join(' ').slice(0, 200)} threw: ${(e as Error).message}`);
        }
        expect(Number.isInteger(code)).toBe(true);
        if (code !== 0) expect(err + out, `funddesk ${argv.join(' ').slice(0, 200)}`).toMatch(CJK);
        expect(out.length + err.length).toBeGreaterThan(0);
      }
      // the database the commands were pointed at is still sound
      const { openDatabase } = await import('../../src/main/db/open');
      const o = await openDatabase(dbPath);
      await o.close();
    });
  }
});
