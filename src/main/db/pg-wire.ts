import { readSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PG_TYPES_SOURCE } from './pg-worker';

/**
 * PostgreSQL's wire protocol spoken synchronously on the caller's own thread, over the socket the worker
 * (pg-worker.ts) opened and logged in with: the worker stops reading it and makes it blocking, and from then on
 * a statement is a write() and blocking read()s here, with pg's own message serializer and parser
 * (pg-protocol) and type parsers (pg-types, with PG_TYPES_SOURCE's safe integers). Why: through the worker a
 * statement woke two threads more (caller → worker → server → worker → caller) and cloned its rows across
 * them; right after a pause (a GC, or a user's click after idling) each wake-up waited for a CPU. A page of
 * 投资 rows at 1x: 3.57 → 2.32 ms after a full GC, CPU of the whole process per call 1.32 → 0.81 ms; `SELECT 1`
 * now costs what pg's own async client does in the same process (docs/ARCHITECTURE.md).
 * Only where the socket is a plain one with a file descriptor (not TLS, not Windows); else the worker runs
 * every statement as before (pg-sync.ts).
 */

/** One statement's outcome, as the worker reports it too (pg-sync.ts turns it into PgResult or PgError). */
export type WireReply =
  | {
      ok: true;
      rows: unknown[][];
      fields: string[];
      command: string | null;
      rowCount: number | null;
      ddl: boolean;
      tx: string | null;
    }
  | { ok: false; error: Record<string, string>; tx: string | null };

type Parse = (text: string) => unknown;
interface Described {
  fields: string[];
  parse: Parse[];
}
interface Message {
  name: string;
  fields?: unknown[];
  text?: string;
  status?: string;
  [k: string]: unknown;
}

const READ_CHUNK = 256 * 1024;
const DDL = /^(CREATE|ALTER|DROP)/;
const ERROR_KEYS = ['code', 'detail', 'table', 'column', 'constraint', 'severity'] as const;

/** pg's reading of CommandComplete: the command word and the last number (the rows it touched). */
function commandOf(text: string): { command: string | null; rowCount: number | null } {
  const m = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/.exec(text);
  if (!m) return { command: null, rowCount: null };
  return { command: m[1]!, rowCount: m[3] ? Number(m[3]) : m[2] ? Number(m[2]) : null };
}

function errorRecord(e: unknown): Record<string, string> {
  const x = e as Record<string, unknown> | null;
  const out: Record<string, string> = { message: String(x?.message || e) };
  for (const k of ERROR_KEYS) if (x && typeof x[k] === 'string') out[k] = x[k] as string;
  return out;
}

export class PgWire {
  private readonly serialize;
  private readonly parser;
  private readonly prepareValue: (v: unknown) => unknown;
  private readonly typeParser: (oid: number) => Parse;
  /** Field names and row parsers of each statement kept prepared under a name (described once, when parsed). */
  private readonly described = new Map<string, Described>();
  private lost: Error | null = null;
  private readBuf = Buffer.allocUnsafe(READ_CHUNK);

  constructor(
    private readonly fd: number,
    pgPath: string,
    /** The last ReadyForQuery status ('I', 'T', 'E'). */
    private status: string | null,
  ) {
    // pg-protocol as pg itself resolves it (the same version pg speaks with; package.json pins it too, as the
    // packaged app's loaded modules must be dependencies: tests/unit/packaging.test.ts).
    const require = createRequire(pgPath);
    const pg = require(pgPath);
    this.serialize = require('pg-protocol').serialize;
    this.parser = new (require('pg-protocol/dist/parser').Parser)();
    this.prepareValue = require('pg/lib/utils').prepareValue;
    const types = new Function('pg', `${PG_TYPES_SOURCE}; return types;`)(pg);
    const cache = new Map<number, Parse>();
    this.typeParser = (oid) => {
      let f = cache.get(oid);
      if (!f) {
        f = types.getTypeParser(oid, 'text') as Parse;
        cache.set(oid, f);
      }
      return f;
    };
  }

  /** Statement names of an old generation are gone from the server (DEALLOCATE ALL): forget their parsers. */
  forget() {
    this.described.clear();
  }

  /**
   * One statement: the simple protocol without parameters or a name (several statements may be sent, the last
   * one's rows are the answer, as pg gives them), else Parse (once per name) / Describe / Bind / Execute / Sync.
   */
  query(sql: string, params: readonly unknown[], name: string | undefined): WireReply {
    if (this.lost) return this.gone();
    const s = this.serialize;
    const known = name !== undefined ? this.described.get(name) : undefined;
    let out: Buffer;
    if (name === undefined && params.length === 0) out = s.query(sql);
    else {
      const parts: Buffer[] = [];
      if (!known)
        parts.push(
          s.parse({ text: sql, name: name ?? '', types: [] }),
          s.describe({ type: 'S', name: name ?? '' }),
        );
      try {
        parts.push(s.bind({ statement: name ?? '', values: params, valueMapper: this.prepareValue }));
      } catch (e) {
        return { ok: false, error: errorRecord(e), tx: this.status };
      }
      parts.push(s.execute({}), s.sync());
      out = Buffer.concat(parts);
    }
    try {
      this.write(out);
      return this.answer(name, known);
    } catch (e) {
      this.lost = e as Error;
      return this.gone();
    }
  }

  /** The connection itself failed: no SQLSTATE (PgError: SQLITE_IOERR), as pg reports a lost connection. */
  private gone(): WireReply {
    return { ok: false, error: { message: `PostgreSQL 连接已断开：${this.lost!.message}` }, tx: null };
  }

  /** The server's messages up to ReadyForQuery; a value a type parser refuses fails the statement after it. */
  private answer(name: string | undefined, known: Described | undefined): WireReply {
    let rows: unknown[][] = [];
    let fields: string[] = known?.fields ?? [];
    let parse: Parse[] = known?.parse ?? [];
    let done: {
      rows: unknown[][];
      fields: string[];
      command: string | null;
      rowCount: number | null;
    } | null = null;
    let ddl = false;
    let error: Record<string, string> | null = null;
    let tx: string | null = null;
    let parsed = false;
    const onMessage = (m: Message) => {
      switch (m.name) {
        case 'rowDescription': {
          const fs = m.fields as { name: string; dataTypeID: number }[];
          fields = fs.map((f) => f.name);
          parse = fs.map((f) => this.typeParser(f.dataTypeID));
          rows = [];
          if (parsed && name !== undefined) this.described.set(name, { fields, parse });
          break;
        }
        case 'noData':
          if (parsed && name !== undefined) this.described.set(name, { fields: [], parse: [] });
          break;
        case 'parseComplete':
          parsed = true;
          break;
        case 'dataRow': {
          if (error) break;
          const vals = m.fields as (string | null)[];
          const row = new Array(vals.length);
          try {
            for (let i = 0; i < vals.length; i++) row[i] = vals[i] === null ? null : parse[i]!(vals[i]!);
          } catch (e) {
            error = errorRecord(e);
          }
          rows.push(row);
          break;
        }
        case 'commandComplete': {
          // One statement done (the simple protocol may send several; the last one's result is the answer).
          done = { rows, fields, ...commandOf(m.text ?? '') };
          if (DDL.test(done.command ?? '')) ddl = true;
          rows = [];
          fields = [];
          break;
        }
        case 'emptyQuery':
          done = { rows: [], fields: [], command: null, rowCount: null };
          break;
        case 'error':
          error ??= errorRecord(m);
          break;
        case 'copyInResponse': // no COPY FROM STDIN here: refused, so the server does not wait for data
          this.write(this.serialize.copyFail('FundDesk 不从这里发送 COPY 数据'));
          break;
        case 'readyForQuery':
          tx = m.status ?? null;
          break;
      }
    };
    while (tx === null) {
      const n = this.read(this.readBuf);
      if (n === 0) throw new Error('PostgreSQL 服务器关闭了连接');
      this.parser.parse(this.readBuf.subarray(0, n), onMessage);
      // The parser keeps the bytes of a message not yet whole by reference: the next read goes elsewhere.
      if (this.parser.bufferLength !== 0) this.readBuf = Buffer.allocUnsafe(READ_CHUNK);
    }
    this.status = tx;
    if (error) return { ok: false, error, tx };
    return { ok: true, ...(done ?? { rows, fields, command: null, rowCount: null }), ddl, tx };
  }

  private write(buf: Buffer) {
    let off = 0;
    while (off < buf.length) off += this.retry(() => writeSync(this.fd, buf, off, buf.length - off));
  }

  private read(buf: Buffer): number {
    return this.retry(() => readSync(this.fd, buf, 0, buf.length, null));
  }

  private retry(io: () => number): number {
    for (;;) {
      try {
        return io();
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== 'EINTR' && code !== 'EAGAIN') throw e;
      }
    }
  }

  /** Terminate: the server ends the session (the worker then closes the socket). */
  terminate() {
    if (this.lost) return;
    try {
      this.write(this.serialize.end());
    } catch {
      // already gone
    }
    this.lost = new Error('连接已关闭');
  }
}
