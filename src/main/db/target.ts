import { parse } from 'pg-connection-string';

/**
 * Which engine a `--db` / FUNDDESK_DB value names: a `postgres://` or `postgresql://` URL is a PostgreSQL server
 * (team mode, #17), anything without a URL scheme is a SQLite file, and any other scheme (mysql://, http://,
 * file:…) is refused, so a mistyped URL never turns into a folder named after its scheme. The URL is parsed by
 * pg's own pg-connection-string (the parser `pg` uses), so sslmode and the other libpq options pass through to
 * `pg` unchanged; only the password is kept out of everything shown (redactSecrets).
 */

export type DbTarget =
  | { engine: 'sqlite'; path: string }
  | {
      engine: 'postgres';
      /** The connection string as given (with the password): only for `pg`, never shown. */
      url: string;
      /** The same URL without the password: for messages, logs, app.info. */
      shown: string;
      database: string;
    };

/** A refused --db value; the message is for the user, in Chinese. */
export class DbTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DbTargetError';
  }
}

// A scheme of two letters or more: "C:\…" (a Windows drive) stays a path.
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]+):/;
const POSTGRES = new Set(['postgres', 'postgresql']);

/** True for a postgres:// or postgresql:// URL. */
export function isPostgresUrl(spec: string): boolean {
  const m = SCHEME.exec(spec.trim());
  return Boolean(m && POSTGRES.has(m[1]!.toLowerCase()));
}

/** The engine and address a --db value names; throws DbTargetError for a scheme FundDesk does not support. */
export function dbTarget(spec: string): DbTarget {
  const m = SCHEME.exec(spec.trim());
  if (!m) return { engine: 'sqlite', path: spec };
  const scheme = m[1]!.toLowerCase();
  if (!POSTGRES.has(scheme)) {
    throw new DbTargetError(
      `不支持的数据库地址“${redactSecrets(spec)}”：FundDesk 只支持 SQLite 文件路径（如 D:\\数据\\funddesk.sqlite）或 PostgreSQL 服务器地址（postgres://用户名@主机:端口/数据库名）。` +
        `如果这是一个文件名，请在前面加上 ./ 再试`,
    );
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(spec.trim());
  } catch {
    throw new DbTargetError(
      `PostgreSQL 地址“${redactSecrets(spec)}”无法解析，请写成 postgres://用户名@主机:端口/数据库名`,
    );
  }
  const database = parsed.database ?? '';
  if (!database) {
    throw new DbTargetError(
      `PostgreSQL 地址“${redactSecrets(spec)}”没有写数据库名，请写成 postgres://用户名@主机:端口/数据库名`,
    );
  }
  return { engine: 'postgres', url: spec.trim(), shown: redactSecrets(spec.trim()), database };
}

/** Seconds to wait for a server to answer when the URL names no connect_timeout (libpq would wait forever). */
export const PG_CONNECT_TIMEOUT_S = 15;

/**
 * What `pg` is given (pg-worker.ts): the connection string as the user wrote it, so pg parses it itself and
 * every libpq option it knows (sslmode, sslrootcert, application_name, options…) applies. libpq's
 * connect_timeout (seconds; 0 = wait forever) becomes pg's connectionTimeoutMillis, 15 s when not given: the
 * data host waits for the connection, so a server that never answers must not hang the app (测试连接).
 */
export function pgClientConfig(url: string): { connectionString: string; connectionTimeoutMillis: number } {
  const given = parse(url).connect_timeout;
  const seconds =
    given === undefined || given === null || given === '' ? PG_CONNECT_TIMEOUT_S : Number(given);
  return {
    connectionString: url,
    connectionTimeoutMillis: Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0,
  };
}

/**
 * Text with every password taken out: the `:password@` of any URL and a `password=` option (URL query or
 * libpq key=value), plus, when given, the literal password wherever else it appears (an error quoting it).
 */
export function redactSecrets(text: string, password?: string): string {
  let out = text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]*):[^\s@/?#]*@/gi, '$1:***@')
    .replace(/([?&\s]|^)(password=)("[^"]*"|'[^']*'|[^&\s]*)/gi, '$1$2***');
  if (password) out = out.split(password).join('***');
  return out;
}
