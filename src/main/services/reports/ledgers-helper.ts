/**
 * The metrics of every fund, read by a helper thread while this one computes (issue #13: metrics for all
 * funds at 100x the demo ≤ 250 ms; it was 268–336 ms). Inline, the SQLite read (~130 ms: 870,000 flows
 * from the covering index) and the arithmetic (~110 ms: parsing, XIRR per fund) ran one after the other on one
 * core of two. Here ledgers-thread.cjs reads the funds, NAVs and flows in one read transaction of its own
 * connection and posts them in chunks of funds; this thread parses and computes each fund as its chunk
 * arrives, waiting synchronously (Atomics.wait) in between, so the callers stay synchronous.
 *
 * Used only where it is the same read as the inline one and pays off: a SQLite file (not PostgreSQL, whose
 * server already reads in its own process), no transaction open on this connection (its uncommitted writes
 * would not be seen by another), and at least `minFlows` calls and distributions. The thread opens the file
 * as this connection did (raw.name: the path, or a read-only file's URI). Anything else — the thread not
 * ready in time (it starts on the first large read), a failure to start, an error or silence from it —
 * gives null, and the caller reads inline as before. Written here rather than taken from a library: the
 * pools on npm (piscina, workerpool) answer through promises, and these callers (the reports, the CLI) are
 * synchronous.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { LedgerColumns } from '../../../shared/metrics/fund';
import { isPostgresRaw } from '../../db/engine';
import type { OpenedDb } from '../../db/open';
import { sqliteModule, stopWithConnection, threadFile } from '../../db/sqlite-threads';
import { type FundRow, fundsSql } from './funds-sql';
import { LEDGER_SQL } from './load';
import { ledgerIn, parseFlows } from './parse-flows';

type Raw = OpenedDb['raw'];

/** When the helper is used (the tests lower minFlows to run it on the demo). */
export const ledgerHelper = {
  /** Calls and distributions from which the read goes to the helper: below it, inline is as fast. */
  minFlows: 200_000,
  /** Funds per message. */
  chunk: 20,
  /** Longest wait for the helper to start (on the first large read); the read is done inline meanwhile. */
  startMs: 1_000,
  /** Longest wait for the helper's next message before giving up on it (the read is then done inline). */
  silenceMs: 10_000,
};

const THREAD_FILE = threadFile('ledgers-thread.cjs', import.meta.url);

interface Helper {
  worker: Worker;
  port: MessagePort;
  /** [0]: messages posted so far; [1]: 0 starting, 1 ready, -1 could not open the file. */
  state: Int32Array;
  nextId: number;
  broken: boolean;
}

const helpers = new WeakMap<Raw, Helper>();
let served = 0;

/** Reads the helpers have answered in this process (the tests check that the helper, not the fallback, answered). */
export const ledgerHelperReads = () => served;

/** Stops the helper of a connection (at openDatabase's close): its own connection must not outlive it. */
async function stopHelper(raw: Raw): Promise<void> {
  const h = helpers.get(raw);
  if (!h) return;
  helpers.delete(raw);
  h.port.close();
  await h.worker.terminate();
}

function start(raw: Raw): Helper | null {
  const sqlite = sqliteModule();
  // As copy-worker.ts: a missing file is known now, not after a wait for a thread that cannot start.
  if (!sqlite || !existsSync(THREAD_FILE)) return null;
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(THREAD_FILE, {
      workerData: { ...sqlite, file: raw.name, state: state.buffer, port: port2 },
      transferList: [port2],
    });
  } catch {
    return null;
  }
  // Neither keeps a process alive (a CLI command ends when its work does).
  worker.unref();
  port1.unref();
  const h: Helper = { worker, port: port1, state, nextId: 1, broken: false };
  worker.on('error', () => {
    h.broken = true;
  });
  worker.on('exit', () => {
    h.broken = true;
  });
  return h;
}

function large(raw: Raw): boolean {
  const n = raw
    .prepare(
      `SELECT coalesce(sum(flows), 0) FROM cash_flow_year_totals WHERE type IN ('call', 'distribution')`,
    )
    .pluck()
    .get() as number;
  return n >= ledgerHelper.minFlows;
}

/**
 * The funds established by asOf and every fund's ledger (as loadFundsAndLedgers reads them), with `each`
 * called for each fund with flows once its ledger is complete; null when the helper cannot be used now.
 */
export function readWithHelper(
  opened: OpenedDb,
  asOf: string,
  each: (id: number, ledger: LedgerColumns) => void,
): { funds: FundRow[]; ledgers: Map<number, LedgerColumns> } | null {
  const raw = opened.raw;
  if (opened.engine !== 'sqlite' || isPostgresRaw(raw) || raw.memory || raw.inTransaction) return null;
  if (!large(raw)) return null;
  let h = helpers.get(raw);
  if (!h) {
    h = start(raw) ?? undefined;
    if (!h) return null;
    helpers.set(raw, h);
    stopWithConnection(raw, () => stopHelper(raw));
    // Its start (a thread, better-sqlite3, the file opened: ~50 ms) is waited for once.
    Atomics.wait(h.state, 1, 0, ledgerHelper.startMs);
  }
  if (h.broken) {
    // Not started again for this connection: the reads stay inline.
    void h.worker.terminate();
    return null;
  }
  if (Atomics.load(h.state, 1) !== 1) return null;
  const id = h.nextId++;
  h.port.postMessage({
    id,
    asOf,
    chunk: ledgerHelper.chunk,
    sql: { funds: fundsSql({}), navs: LEDGER_SQL.navs, fundIds: LEDGER_SQL.fundIds, flows: LEDGER_SQL.flows },
  });
  const next = () => take(h, id);
  const first = next();
  if (!first?.funds) return null;
  const ledgers = new Map<number, LedgerColumns>();
  for (const [fund, date, nav] of first.navs as [number, string, number][])
    ledgerIn(ledgers, fund).valuations.push({ date, navFen: nav });
  for (;;) {
    const m = next();
    if (!m?.flows) return null;
    const f = m.flows as (number | Buffer | null)[];
    for (let i = 0; i < f.length; i += 5) {
      // As load.ts: a fund whose flows are all fees, other flows or later than asOf gets no ledger entry.
      if (f[i + 1] === null && f[i + 3] === null) continue;
      const fund = f[i] as number;
      const l = ledgerIn(ledgers, fund);
      if (f[i + 1] !== null) l.calls = parseFlows(f[i + 1] as Uint8Array, f[i + 2] as Uint8Array);
      if (f[i + 3] !== null) l.distributions = parseFlows(f[i + 3] as Uint8Array, f[i + 4] as Uint8Array);
      each(fund, l);
    }
    if (m.end) {
      served++;
      return { funds: first.funds as FundRow[], ledgers };
    }
  }
}

type Message = { id: number; error?: string; end?: boolean } & Record<string, unknown>;

/** The helper's next message for request `id` (older requests' leftovers dropped); null on error or silence. */
function take(h: Helper, id: number): Message | null {
  for (;;) {
    const seen = Atomics.load(h.state, 0);
    const got = receiveMessageOnPort(h.port) as { message: Message } | undefined;
    if (got) {
      if (got.message.id !== id) continue;
      if (got.message.error !== undefined) return null;
      return got.message;
    }
    if (h.broken) return null;
    if (Atomics.wait(h.state, 0, seen, ledgerHelper.silenceMs) === 'timed-out') {
      h.broken = true;
      return null;
    }
  }
}

/** Whether connection `raw` has a helper thread (started, not stopped). */
export const hasLedgerHelper = (raw: Raw) => helpers.has(raw);
