import { describe, expect, it } from 'vitest';
import { numberedParams } from '../../src/main/db/pg-sync';
import { DbTargetError, dbTarget, pgClientConfig, redactSecrets } from '../../src/main/db/target';

describe('which engine a --db value selects', () => {
  it('a file path, relative, absolute or a Windows drive, is a SQLite file', () => {
    for (const p of [
      'funddesk.sqlite',
      './data/x.db',
      '/tmp/a.sqlite',
      'C:\\数据\\funddesk.sqlite',
      'D:/a.db',
    ]) {
      expect(dbTarget(p)).toEqual({ engine: 'sqlite', path: p });
    }
  });

  it('postgres:// and postgresql:// select PostgreSQL, with the options kept and the password hidden', () => {
    const t = dbTarget('postgresql://zhang:s3cret@db.office:5433/funds?sslmode=require&application_name=fd');
    expect(t.engine).toBe('postgres');
    if (t.engine !== 'postgres') return;
    expect(t.url).toContain('sslmode=require');
    expect(t.url).toContain('s3cret');
    expect(t.database).toBe('funds');
    expect(t.shown).toBe('postgresql://zhang:***@db.office:5433/funds?sslmode=require&application_name=fd');
    expect(dbTarget('POSTGRES://u@h/db').engine).toBe('postgres');
  });

  it('other schemes are refused in Chinese, without the password', () => {
    for (const spec of ['mysql://root:pw123@h/db', 'http://h/x.db', 'file:/tmp/x.db', 'sqlite:x.db']) {
      const e = (() => {
        try {
          dbTarget(spec);
        } catch (err) {
          return err as Error;
        }
        throw new Error(`${spec} 应被拒绝`);
      })();
      expect(e).toBeInstanceOf(DbTargetError);
      expect(e.message).toMatch(/不支持的数据库地址/);
      expect(e.message).not.toContain('pw123');
    }
  });

  it('a PostgreSQL URL without a database name is refused', () => {
    expect(() => dbTarget('postgres://u:pw@host:5432')).toThrow(/没有写数据库名/);
  });
});

describe('redactSecrets', () => {
  it('takes the password out of URLs, password= options and, when known, anywhere else', () => {
    expect(redactSecrets('连接 postgres://a:b%40c@h/d 失败')).toBe('连接 postgres://a:***@h/d 失败');
    expect(redactSecrets('postgres://a@h/d?password=xyz&sslmode=require')).toBe(
      'postgres://a@h/d?password=***&sslmode=require',
    );
    expect(redactSecrets('host=h password=xyz dbname=d')).toBe('host=h password=*** dbname=d');
    expect(redactSecrets('auth failed for xyz-42', 'xyz-42')).toBe('auth failed for ***');
    expect(redactSecrets('postgres://a@h:5432/d')).toBe('postgres://a@h:5432/d');
  });
});

describe('SQLite placeholders on PostgreSQL', () => {
  it('numbers ? and @name, gives a NULL test its own typed parameter, leaves quotes and casts alone', () => {
    expect(numberedParams(`SELECT '?', x::int FROM t WHERE a = ? AND b > ?`)).toEqual({
      text: `SELECT '?', x::int FROM t WHERE a = $1 AND b > $2`,
      names: null,
    });
    expect(numberedParams('SELECT 1 WHERE (@id IS NULL OR id = @id) AND d <= @asOf AND e = @id')).toEqual({
      text: 'SELECT 1 WHERE ($1::text IS NULL OR id = $2) AND d <= $3 AND e = $2',
      names: ['id', 'id', 'asOf'],
    });
  });
});

describe('libpq options pass through to pg', () => {
  it('sslmode, application_name and options reach the driver as written', async () => {
    const { default: pg } = await import('pg');
    const url =
      'postgres://zhang:s3cret@db.office:5433/funds?sslmode=verify-full&application_name=FundDesk&options=-c%20search_path%3Dfunddesk';
    const c = new pg.Client(pgClientConfig(url)) as unknown as {
      connectionParameters: Record<string, unknown>;
    };
    const p = c.connectionParameters;
    expect(p).toMatchObject({
      host: 'db.office',
      port: 5433,
      user: 'zhang',
      database: 'funds',
      application_name: 'FundDesk',
      options: '-c search_path=funddesk',
    });
    expect(p.ssl).toBeTruthy();
    const plain = new pg.Client(pgClientConfig('postgres://u@h/d?sslmode=disable')) as unknown as {
      connectionParameters: { ssl: unknown };
    };
    expect(plain.connectionParameters.ssl).toBe(false);
  });
  it('connect_timeout (seconds, 0 = forever) bounds the wait for a server; 15 s when not given', () => {
    expect(pgClientConfig('postgres://u@h/d').connectionTimeoutMillis).toBe(15_000);
    expect(pgClientConfig('postgres://u@h/d?connect_timeout=3').connectionTimeoutMillis).toBe(3_000);
    expect(pgClientConfig('postgres://u@h/d?connect_timeout=0').connectionTimeoutMillis).toBe(0);
  });
});
