import { createRequire } from 'node:module';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { LOST_CONNECTION } from './errors';
import { StatementNames } from './pg-statements';
import { PgWire, type WireReply } from './pg-wire';
import { PG_WORKER_SOURCE } from './pg-worker';
import { pgClientConfig, redactSecrets } from './target';

/**
 * A synchronous PostgreSQL connection: `pg` runs in a worker thread (pg-worker.ts) and the caller blocks on
 * Atomics.wait until the answer is posted, the technique of the `synckit` library (not used: it needs a worker
 * file on disk and a TS runner for tests; this is the forty lines it would wrap). The worker connects and logs
 * in; on a plain socket it then hands the socket over and each statement is a blocking write/read on this
 * thread (pg-wire.ts), without the two thread hops per statement. Why synchronous: the services
 * read through better-sqlite3's synchronous API (~110 calls); with PgRaw below, the same calls run on PostgreSQL
 * unchanged, and Kysely's queries go through the same connection (pg-dialect.ts), so a transaction opened by
 * either sees the other's writes, as on SQLite. Only SQL text that is SQLite's own differs (docs/ARCHITECTURE.md).
 */

export interface PgResult {
  rows: unknown[];
  fields: string[];
  command: string | null;
  rowCount: number | null;
}

type Reply = WireReply | { ok: true; fd: number; tx: string | null };

/** A PostgreSQL failure, with the SQLite-style `code` db/errors.ts explains to the user in Chinese. */
export class PgError extends Error {
  readonly code: string;
  readonly sqlstate: string | undefined;
  constructor(e: Record<string, string>, secret?: string) {
    super(redactSecrets(sqliteStyleMessage(e), secret));
    this.name = 'PgError';
    this.sqlstate = e.code;
    this.code = sqliteStyleCode(e.code);
  }
}

const CODES: Record<string, string> = {
  '23505': 'SQLITE_CONSTRAINT_UNIQUE',
  '23503': 'SQLITE_CONSTRAINT_FOREIGNKEY',
  '23502': 'SQLITE_CONSTRAINT_NOTNULL',
  '23514': 'SQLITE_CONSTRAINT_CHECK',
  '42501': 'SQLITE_READONLY',
  '25006': 'SQLITE_READONLY',
  '53100': 'SQLITE_FULL',
  '53200': 'SQLITE_NOMEM',
  '40001': 'SQLITE_BUSY',
  '40P01': 'SQLITE_BUSY',
  '55P03': 'SQLITE_BUSY',
  '28P01': 'SQLITE_AUTH',
  '28000': 'SQLITE_AUTH',
  '3D000': 'SQLITE_CANTOPEN',
};

/** Statements that change nothing, so that running one again after a lost connection is safe. */
const RERUNNABLE = /^\s*(SELECT|WITH\s+RECURSIVE|BEGIN|START\s+TRANSACTION|SHOW|ROLLBACK|DEALLOCATE)\b/i;

function lostConnection(why: string | undefined): PgError {
  return new PgError({ message: `PostgreSQL 连接已断开：${why ?? ''}`, code: LOST_CONNECTION });
}

function sqliteStyleCode(code: string | undefined): string {
  if (!code) return 'SQLITE_IOERR'; // no SQLSTATE: the connection itself failed
  if (code in CODES) return CODES[code]!;
  if (code.startsWith('08')) return 'SQLITE_IOERR';
  if (code === 'FD_UNSAFE_INTEGER') return 'SQLITE_TOOBIG';
  return `PG_${code}`;
}

/** The constraint's columns in the form of SQLite's message, which db/errors.ts reads for the field names. */
function sqliteStyleMessage(e: Record<string, string>): string {
  const table = e.table ?? '';
  const cols =
    /^Key \(([^)]*)\)/.exec(e.detail ?? '')?.[1] ??
    e.column ??
    (e.constraint ?? '').replace(new RegExp(`^${table}_`), '').replace(/_(check|key|fkey)\d*$/, '');
  const named = cols
    .split(',')
    .map((c) => `${table}.${c.trim()}`)
    .join(', ');
  switch (e.code) {
    case '23505':
      return `UNIQUE constraint failed: ${named}`;
    case '23503':
      return 'FOREIGN KEY constraint failed';
    case '23502':
      return `NOT NULL constraint failed: ${named}`;
    case '23514':
      return `CHECK constraint failed: ${named}`;
    default:
      return e.message ?? '';
  }
}

/** Rows (arrays, as the worker sends them) as objects keyed by field name; a repeated name keeps its last value, as pg does. */
function asObjects(rows: unknown[][], fields: string[]): Record<string, unknown>[] {
  const out = new Array<Record<string, unknown>>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const o: Record<string, unknown> = {};
    for (let j = 0; j < fields.length; j++) o[fields[j]!] = row[j];
    out[i] = o;
  }
  return out;
}

let pgPath: string | undefined;

export class PgConnection {
  private worker!: Worker;
  private port!: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  /** 'I' idle, 'T' in a transaction, 'E' in a failed transaction (PostgreSQL's ReadyForQuery status). */
  tx: string | null = 'I';
  open = true;
  private connected = false;
  /** The socket, read and written on this thread once the worker handed it over (null: through the worker). */
  private wire: PgWire | null = null;
  private readonly names = new StatementNames();
  /** The server ended the session or the network dropped it: the next statement connects anew first. */
  private lost = false;
  /** Session settings (the user name, #17) made again on a new connection: statement text → parameters. */
  private readonly session = new Map<string, readonly unknown[]>();

  constructor(
    private readonly url: string,
    private readonly secret?: string,
    /** `direct: false` keeps every statement in the worker (as on TLS or Windows; the tests run both ways). */
    private readonly options: { direct?: boolean } = {},
  ) {
    pgPath ??= createRequire(import.meta.url).resolve('pg');
    this.start();
  }

  /** A worker of its own for one connection (a lost one's worker is ended, never reused). */
  private start() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(PG_WORKER_SOURCE, {
      eval: true,
      workerData: { pgPath, port: port2, flag: this.flag, config: pgClientConfig(this.url) },
      transferList: [port2],
    });
    this.worker.unref();
  }

  /** Through the worker, as posted back. */
  private call(message: Record<string, unknown>): Reply {
    if (!this.open) throw new PgError({ message: '连接已关闭', code: '08003' });
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(message);
    // Wait until the flag is really set, not just until a notify: the worker posts, sets the flag, then
    // notifies; when this thread saw the flag set before that notify, the late notify of the previous call
    // wakes the next call's wait with the flag still 0 and no reply queued (the race esbuild's sync API met,
    // evanw/esbuild#590). Under load it came out as "连接线程没有应答".
    while (Atomics.load(this.flag, 0) === 0) Atomics.wait(this.flag, 0, 0);
    const got = receiveMessageOnPort(this.port);
    if (!got) throw new PgError({ message: 'PostgreSQL 连接线程没有应答', code: '08006' });
    return got.message as Reply;
  }

  /** Connect and log in (in the worker), once; take the socket over where it can be. */
  private connect() {
    if (this.connected) return;
    const r = this.call({ op: 'connect', direct: this.options.direct !== false });
    this.tx = r.tx;
    if (!r.ok) throw new PgError(r.error, this.secret);
    if ('fd' in r && r.fd >= 0) this.wire = new PgWire(r.fd, pgPath!, r.tx);
    this.connected = true;
  }

  private send(sql: string, params: readonly unknown[], name: string | undefined): WireReply {
    if (this.wire) return this.wire.query(sql, params, name);
    return this.call({ op: 'query', sql, params, name }) as WireReply;
  }

  private newGeneration() {
    this.names.newGeneration();
    this.wire?.forget();
  }

  /** One statement (or several, without parameters), synchronously. */
  query(sql: string, params: readonly unknown[] = [], arrays = false): PgResult {
    if (!this.open) throw new PgError({ message: '连接已关闭', code: '08003' });
    if (this.lost) this.reconnect();
    this.connect();
    if (this.names.stale && this.tx !== 'E') {
      const d = this.send('DEALLOCATE ALL', [], undefined);
      this.tx = d.tx;
      if (!d.ok) throw new PgError(d.error, this.secret);
      this.names.stale = false;
    }
    const before = this.tx;
    let r = this.send(sql, params, this.names.nameFor(sql, params));
    if (!r.ok && r.error.code === '0A000' && /cached plan/.test(r.error.message ?? '')) {
      this.newGeneration();
      if (before === 'I') r = this.send(sql, params, this.names.nameFor(sql, params));
    }
    if (!r.ok && r.tx === null) {
      // The connection is gone (a server restart, a dropped network). Outside a transaction a statement that
      // cannot have changed anything runs again on a new connection; otherwise the server has rolled the
      // transaction back: the caller hears of the loss, and its next statement connects anew.
      this.lost = true;
      if (before === 'I' && RERUNNABLE.test(sql)) {
        this.reconnect();
        r = this.send(sql, params, this.names.nameFor(sql, params));
        if (!r.ok && r.tx === null) this.lost = true;
      }
      if (!r.ok && r.tx === null) throw lostConnection(r.error.message);
    }
    this.tx = r.tx;
    if (!r.ok) throw new PgError(r.error, this.secret);
    if (r.ddl) this.newGeneration();
    const out: PgResult = { rows: r.rows, fields: r.fields, command: r.command, rowCount: r.rowCount };
    if (!arrays && r.fields.length > 0) out.rows = asObjects(r.rows as unknown[][], r.fields);
    return out;
  }

  /** Runs a session setting now and again on every new connection after a lost one. */
  setSession(sql: string, params: readonly unknown[]): void {
    this.query(sql, params);
    this.session.set(sql, params);
  }

  /** A new connection in place of a lost one, with this session's settings (throws when the server is away). */
  private reconnect() {
    this.wire = null;
    void this.worker.terminate();
    this.start();
    this.connected = false;
    this.tx = 'I';
    this.newGeneration();
    this.names.stale = false;
    try {
      this.connect();
      for (const [sql, params] of this.session) {
        const r = this.send(sql, params, undefined);
        if (!r.ok) throw new PgError(r.error, this.secret);
      }
    } catch (e) {
      throw lostConnection((e as Error).message);
    }
    this.lost = false;
  }

  close() {
    if (!this.open) return;
    if (this.lost) {
      this.open = false;
      void this.worker.terminate();
      return;
    }
    this.wire?.terminate();
    this.call({ op: 'close' });
    this.open = false;
    void this.worker.terminate();
  }
}

/**
 * SQLite's placeholders as PostgreSQL's `$1…` (outside quotes and comments): `?` by position, `@name` / `:name`
 * by name (`names` gives the name of each `$n`, for binding an object). An occurrence tested with IS [NOT] NULL
 * gets a `$n::text` of its own: PostgreSQL cannot type `$1 IS NULL OR id = $1` from its first use, SQLite's
 * optional-filter idiom. SQLite's planner hints (NOT INDEXED, INDEXED BY) are dropped. Cached per text.
 */
const placeholderCache = new Map<string, { text: string; names: string[] | null }>();
const NULL_TEST = /^\s+IS\s+(NOT\s+)?NULL\b/i;
export function numberedParams(sql: string): { text: string; names: string[] | null } {
  const hit = placeholderCache.get(sql);
  if (hit !== undefined) return hit;
  let out = '';
  const names: string[] = [];
  const slots = new Map<string, number>();
  let anyNamed = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    const named =
      (c === '@' || (c === ':' && sql[i + 1] !== ':' && sql[i - 1] !== ':')) &&
      /[A-Za-z_]/.test(sql[i + 1] ?? '');
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop + 1);
      i = stop;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      names.push(String(names.length));
      out += `$${names.length}${NULL_TEST.test(sql.slice(i + 1, i + 20)) ? '::text' : ''}`;
    } else if (named) {
      anyNamed = true;
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      i += name.length;
      if (NULL_TEST.test(sql.slice(i + 1, i + 20))) {
        out += `$${names.push(name)}::text`;
      } else {
        let k = slots.get(name);
        if (k === undefined) {
          k = names.push(name);
          slots.set(name, k);
        }
        out += `$${k}`;
      }
    } else out += c;
  }
  // SQLite's query-planner hints say nothing about the result: PostgreSQL plans for itself.
  out = out.replace(/\s(NOT INDEXED|INDEXED BY\s+\w+)\b/gi, '');
  const result = { text: out, names: anyNamed ? names : null };
  if (placeholderCache.size < 5000) placeholderCache.set(sql, result);
  return result;
}
