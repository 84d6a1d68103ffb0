/**
 * The thread that holds the one `pg` connection of a PostgreSQL session (pg-sync.ts blocks on it). Kept as the
 * source text of a CommonJS script run with `eval: true`, so the built app needs no extra file beside its
 * bundle; `pg` is required by the absolute path the parent resolved.
 *
 * Numbers: int8 (bigint money, count(*)) and numeric (sum of bigints) come back as JS numbers; a whole value
 * beyond Number.MAX_SAFE_INTEGER fails the query (code FD_UNSAFE_INTEGER) instead of being rounded.
 *
 * Prepared statements: a statement with parameters run a second time gets a name, so the server keeps it parsed
 * (and, after five runs, may keep its plan): on a small database, parsing and planning a statement take as long
 * as running it (a page of 投资 rows at 1x: 1.0 → 0.5 ms of server CPU). Names are per connection and carry a
 * generation (fd<gen>_<n>); any DDL on this connection (a migration) starts a new generation and drops the old
 * statements (DEALLOCATE ALL), and so does PostgreSQL's "cached plan must not change result type" (0A000: another
 * connection changed a table a statement selects * from), after which a statement outside a transaction is run
 * again. A reconnect is a new worker, with none.
 *
 * Rows always come back as arrays (pg's rowMode 'array') with the field names once: cloning arrays across the
 * thread and making the objects on the caller's side costs about half of cloning the objects (100 投资 rows of
 * 24 columns: 0.5 against 0.9 ms).
 */
export const PG_WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
const { port, flag, config } = workerData;

function whole(text) {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) {
    const e = new Error('integer out of the safe range: ' + text);
    e.code = 'FD_UNSAFE_INTEGER';
    throw e;
  }
  return n;
}
const types = {
  getTypeParser(oid, format) {
    if (oid === 20) return whole;
    if (oid === 1700) return (t) => (/^-?[0-9]+$/.test(t) ? whole(t) : Number(t));
    return pg.types.getTypeParser(oid, format);
  },
};

const client = new pg.Client({ ...config, types });
let connected = null;
let lost = null;
client.on('error', (e) => { lost = e; });

// JIT off for this session unless the connection, the database or the role chose it (pg_settings.source): the
// reads here are short, and a statement costed over jit_above_cost (the metrics of all funds at 100x: 84,000
// of the default 100,000) would spend longer compiling than running (4.1 against 2.6 s under load ~25).
const JIT_OFF = "SELECT set_config('jit', 'off', false) FROM pg_settings WHERE name = 'jit'" +
  " AND source NOT IN ('client', 'database', 'user', 'database user', 'session')";

const MAX_NAMED = 2000;
const MAX_TEXT = 20000;
let generation = 0;
let count = 0;
let named = new Map(); // SQL text → 1 (seen once) or its statement name
let stale = false; // statements of an old generation are still on the server

// A statement without parameters is named too when it is one SELECT (a page of grid rows asks LIMIT 100 as a
// literal, so its plan is the one for 100 rows and the server keeps it); other texts go as a simple query.
// Texts with values written in could be many: they take at most half of the names.
const ONE_SELECT = /^\\s*(SELECT|WITH)\\b[^;]*$/i;
function nameFor(req) {
  if (req.sql.length > MAX_TEXT) return undefined;
  const bare = !req.params || req.params.length === 0;
  if (bare && !ONE_SELECT.test(req.sql)) return undefined;
  const seen = named.get(req.sql);
  if (typeof seen === 'string') return seen;
  if (named.size >= (bare ? MAX_NAMED / 2 : MAX_NAMED)) return undefined;
  if (seen === undefined) {
    named.set(req.sql, 1);
    return undefined;
  }
  const name = 'fd' + generation + '_' + count++;
  named.set(req.sql, name);
  return name;
}
function newGeneration() {
  generation++;
  named = new Map();
  stale = true;
}
const DDL = /^(CREATE|ALTER|DROP)/;
function run(req) {
  return client.query({
    text: req.sql,
    values: req.params,
    name: nameFor(req),
    rowMode: 'array',
  });
}

function reply(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
function failure(e) {
  const out = { message: String((e && e.message) || e) };
  for (const k of ['code', 'detail', 'table', 'column', 'constraint', 'severity']) {
    if (e && typeof e[k] === 'string') out[k] = e[k];
  }
  return out;
}

port.on('message', async (req) => {
  try {
    if (req.op === 'close') {
      await client.end().catch(() => {});
      reply({ ok: true });
      port.close();
      return;
    }
    if (lost) throw lost;
    connected ??= client.connect().then(() => client.query(JIT_OFF).catch(() => {}));
    await connected;
    if (stale && client.getTransactionStatus() !== 'E') {
      await client.query('DEALLOCATE ALL');
      stale = false;
    }
    const before = client.getTransactionStatus();
    let r;
    try {
      r = await run(req);
    } catch (e) {
      if (e.code !== '0A000' || !/cached plan/.test(e.message)) throw e;
      newGeneration();
      if (before !== 'I') throw e;
      r = await run(req);
    }
    const results = Array.isArray(r) ? r : [r];
    if (results.some((x) => DDL.test(x.command || ''))) newGeneration();
    const last = results[results.length - 1];
    reply({
      ok: true,
      rows: last.rows ?? [],
      fields: (last.fields ?? []).map((f) => f.name),
      command: last.command ?? null,
      rowCount: last.rowCount ?? null,
      tx: client.getTransactionStatus(),
    });
  } catch (e) {
    reply({ ok: false, error: failure(e), tx: lost ? null : client.getTransactionStatus() });
  }
});
`;
