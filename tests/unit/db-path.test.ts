import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DbTargetError } from '../../src/main/db/target';
import { resolveDbPath } from '../../src/main/host/db-path';

const SAVED = 'postgres://fd@db.example:5432/funddesk';

describe('which database a start opens: --db, then FUNDDESK_DB, then the saved server, then the default file', () => {
  it('--db wins over FUNDDESK_DB and the saved server', () => {
    expect(resolveDbPath(['--db', 'a.sqlite'], { FUNDDESK_DB: 'b.sqlite' }, '/data', SAVED)).toBe(
      resolve('a.sqlite'),
    );
    expect(resolveDbPath(['--db=postgres://x@h/d'], {}, '/data', SAVED)).toBe('postgres://x@h/d');
  });
  it('FUNDDESK_DB wins over the saved server', () => {
    expect(resolveDbPath([], { FUNDDESK_DB: '/srv/b.sqlite' }, '/data', SAVED)).toBe('/srv/b.sqlite');
  });
  it('the saved server is opened when neither is given (an empty FUNDDESK_DB counts as not given)', () => {
    expect(resolveDbPath([], {}, '/data', SAVED)).toBe(SAVED);
    expect(resolveDbPath([], { FUNDDESK_DB: '' }, '/data', SAVED)).toBe(SAVED);
  });
  it('without a saved server (改回本机文件), the default file of the data folder', () => {
    expect(resolveDbPath([], {}, '/data', null)).toBe(join('/data', 'funddesk.sqlite'));
    expect(resolveDbPath([], {}, '/data')).toBe(join('/data', 'funddesk.sqlite'));
  });
  it('an unsupported scheme is still refused in Chinese', () => {
    expect(() => resolveDbPath([], { FUNDDESK_DB: 'mysql://h/d' }, '/data', SAVED)).toThrow(DbTargetError);
    expect(() => resolveDbPath([], { FUNDDESK_DB: 'mysql://h/d' }, '/data', SAVED)).toThrow(
      /不支持的数据库地址/,
    );
  });
});
