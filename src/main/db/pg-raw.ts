import { numberedParams, type PgConnection } from './pg-sync';

/**
 * The part of better-sqlite3's API the services use (prepare → all/get/run/iterate/pluck/raw, exec,
 * transaction, inTransaction, pragma), over a synchronous PostgreSQL connection: on PostgreSQL, `opened.raw` is
 * this object, so the services' raw reads and writes run unchanged (`?` placeholders become `$n`). What differs:
 * `lastInsertRowid` comes from `RETURNING id` (added to single-table INSERTs of tables with an id), pragmas are
 * the few the services read (data_version: the server's WAL position, which moves with every commit).
 */

/** Tables without an integer `id` column (an INSERT into them gets no RETURNING id). */
const NO_ID = new Set(['meta', 'evaluation_scores', 'cash_flow_year_totals']);
/** PostgreSQL's limit of parameters in one statement is 65,535; rows per multi-row INSERT are capped too. */
const MAX_PARAMS = 65_000;
const MAX_ROWS = 5_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  !(v instanceof Uint8Array) &&
  !(v instanceof Date);

/** better-sqlite3's ways to pass parameters (spread, an array, an object for @name) as one positional list. */
function flat(args: unknown[], names: string[] | null): unknown[] {
  let list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (names) {
    const bag = (list.find(isRecord) ?? {}) as Record<string, unknown>;
    list = names.map((n) => bag[n]);
  }
  return list.map((v) => (typeof v === 'bigint' ? v.toString() : v));
}

function withReturningId(sql: string): { sql: string; returnsId: boolean } {
  const m = /^\s*INSERT\s+INTO\s+"?(\w+)"?/i.exec(sql);
  if (!m || NO_ID.has(m[1]!) || /\bRETURNING\b/i.test(sql) || /\bSELECT\b/i.test(sql)) {
    return { sql, returnsId: false };
  }
  return { sql: `${sql.replace(/;\s*$/, '')} RETURNING id`, returnsId: true };
}

export class PgStatement {
  private pluckOn = false;
  private arrays = false;
  private fields: string[] | null = null;
  private readonly text: string;
  private readonly names: string[] | null;
  private readonly insert: { sql: string; returnsId: boolean };
  /** Kysely's SQLite driver asks this; the PostgreSQL dialect does not use it. */
  readonly reader: boolean;

  constructor(
    private readonly conn: PgConnection,
    source: string,
  ) {
    ({ text: this.text, names: this.names } = numberedParams(source));
    this.insert = withReturningId(this.text);
    this.reader = /^\s*(SELECT|WITH|VALUES)\b/i.test(source) || /\bRETURNING\b/i.test(source);
  }

  pluck(on = true) {
    this.pluckOn = on;
    return this;
  }

  raw(on = true) {
    this.arrays = on;
    return this;
  }

  all(...args: unknown[]): unknown[] {
    const r = this.conn.query(this.text, flat(args, this.names), this.arrays || this.pluckOn);
    this.fields = r.fields;
    return this.pluckOn ? (r.rows as unknown[][]).map((row) => row[0]) : r.rows;
  }

  get(...args: unknown[]): unknown {
    return this.all(...args)[0];
  }

  /** The result's column names (better-sqlite3 knows them before running; here: of the last run). */
  columns(): { name: string }[] {
    if (!this.fields) throw new Error('PostgreSQL 语句尚未执行，还不知道结果的列');
    return this.fields.map((name) => ({ name }));
  }

  iterate(...args: unknown[]): IterableIterator<unknown> {
    return this.all(...args)[Symbol.iterator]();
  }

  run(...args: unknown[]): { changes: number; lastInsertRowid: number } {
    const r = this.conn.query(this.insert.sql, flat(args, this.names));
    const id = this.insert.returnsId ? (r.rows.at(-1) as { id?: number } | undefined)?.id : undefined;
    return { changes: r.rowCount ?? 0, lastInsertRowid: id ?? 0 };
  }
}

export class PgRaw {
  private depth = 0;
  readonly name: string;

  constructor(
    readonly conn: PgConnection,
    shown: string,
  ) {
    this.name = shown;
  }

  get open() {
    return this.conn.open;
  }

  get inTransaction() {
    return this.conn.tx === 'T' || this.conn.tx === 'E';
  }

  prepare(sql: string) {
    return new PgStatement(this.conn, sql);
  }

  exec(sql: string) {
    this.conn.query(sql);
    return this;
  }

  /**
   * Many rows in few statements: multi-row `INSERT … VALUES (…),(…) RETURNING id`, in chunks under PostgreSQL's
   * 65,535 parameters per statement. One INSERT per row costs a round trip through the worker each (an import
   * of 50,000 rows: 100,000 of them with its audit rows). A column a row leaves undefined gets DEFAULT, as when
   * SQLite's INSERT leaves it out. Returns the new ids in input order (PostgreSQL inserts VALUES rows in order,
   * and RETURNING yields them as inserted); a table without an id gives none.
   */
  insertMany(table: string, rows: readonly Record<string, unknown>[]): number[] {
    const returnsId = !NO_ID.has(table);
    const ids: number[] = [];
    let i = 0;
    while (i < rows.length) {
      // As many rows as fit: the union of their columns times their count stays under the limit.
      const cols = new Set<string>();
      let end = i;
      while (end < rows.length && end - i < MAX_ROWS) {
        const more = Object.keys(rows[end]!).filter((c) => !cols.has(c));
        if (end > i && (cols.size + more.length) * (end - i + 1) > MAX_PARAMS) break;
        for (const c of more) cols.add(c);
        end++;
      }
      const all = [...cols];
      const take = rows.slice(i, end);
      const params: unknown[] = [];
      const tuples = take.map((r) => {
        const slots = all.map((c) => {
          const v = r[c];
          if (v === undefined) return 'DEFAULT';
          params.push(typeof v === 'bigint' ? v.toString() : v);
          return `$${params.length}`;
        });
        return `(${slots.join(', ')})`;
      });
      const head = `INSERT INTO "${table}" (${all.map((c) => `"${c}"`).join(', ')}) VALUES `;
      const r = this.conn.query(`${head}${tuples.join(', ')}${returnsId ? ' RETURNING id' : ''}`, params);
      if (returnsId) for (const row of r.rows as { id: number }[]) ids.push(row.id);
      i += take.length;
    }
    return ids;
  }

  /** better-sqlite3's transaction(): BEGIN/COMMIT, or a savepoint when already inside one. */
  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T {
    return (...args: A) => {
      const nested = this.inTransaction;
      const sp = `fd_sp_${++this.depth}`;
      this.conn.query(nested ? `SAVEPOINT ${sp}` : 'BEGIN');
      try {
        const out = fn(...args);
        this.conn.query(nested ? `RELEASE SAVEPOINT ${sp}` : 'COMMIT');
        return out;
      } catch (e) {
        if (this.inTransaction) {
          try {
            this.conn.query(nested ? `ROLLBACK TO SAVEPOINT ${sp}` : 'ROLLBACK');
          } catch {
            // the error that made it roll back is the one to report
          }
        }
        throw e;
      } finally {
        this.depth--;
      }
    };
  }

  pragma(source: string, options?: { simple?: boolean }): unknown {
    const name = source.split('=')[0]!.trim().toLowerCase();
    if (source.includes('=')) return []; // connection settings of SQLite: nothing to set on PostgreSQL
    let value: unknown;
    if (name === 'data_version') {
      value = (this.conn.query('SELECT pg_current_wal_insert_lsn()::text AS v').rows[0] as { v: string }).v;
    } else if (name === 'quick_check' || name === 'integrity_check') value = 'ok';
    else if (name === 'foreign_key_check') return [];
    else throw new Error(`PostgreSQL 上没有 SQLite 的 PRAGMA ${name}`);
    return options?.simple ? value : [{ [name]: value }];
  }

  close() {
    this.conn.close();
  }
}
