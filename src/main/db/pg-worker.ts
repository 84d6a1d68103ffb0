/**
 * The thread that holds the one `pg` connection of a PostgreSQL session (pg-sync.ts blocks on it). Kept as the
 * source text of a CommonJS script run with `eval: true`, so the built app needs no extra file beside its
 * bundle; `pg` is required by the absolute path the parent resolved.
 *
 * It connects and logs in (pg does TLS, SCRAM and the rest). Then, on a plain socket with a file descriptor
 * (not TLS, not Windows), it stops reading the socket, makes it blocking and hands its descriptor to the caller,
 * which speaks the protocol itself from then on (pg-wire.ts): this thread only closes the socket at the end.
 * Otherwise it runs each statement it is sent, under the name pg-sync.ts chose (pg-statements.ts).
 *
 * Numbers (PG_TYPES_SOURCE, also used by pg-wire.ts): int8 (bigint money, count(*)) and numeric (sum of bigints)
 * come back as JS numbers; a whole value beyond Number.MAX_SAFE_INTEGER fails the query (code FD_UNSAFE_INTEGER)
 * instead of being rounded.
 *
 * Rows always come back as arrays (pg's rowMode 'array') with the field names once: cloning arrays across the
 * thread and making the objects on the caller's side costs about half of cloning the objects (100 投资 rows of
 * 24 columns: 0.5 against 0.9 ms).
 */
export const PG_TYPES_SOURCE = `
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
`;

export const PG_WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
const { port, flag, config } = workerData;
${PG_TYPES_SOURCE}
const client = new pg.Client({ ...config, types });
let connected = null;
let lost = null;
let handedOver = false;
let loggedIn = false;
client.on('error', (e) => { lost = e; });

// JIT off for this session unless the connection, the database or the role chose it (pg_settings.source): the
// reads here are short, and a statement costed over jit_above_cost (the metrics of all funds at 100x: 84,000
// of the default 100,000) would spend longer compiling than running (4.1 against 2.6 s under load ~25).
const JIT_OFF = "SELECT set_config('jit', 'off', false) FROM pg_settings WHERE name = 'jit'" +
  " AND source NOT IN ('client', 'database', 'user', 'database user', 'session')";

const DDL = /^(CREATE|ALTER|DROP)/;

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

// The socket's descriptor for the caller (pg-wire.ts), or -1 where it cannot read it itself (TLS, Windows, a
// Node without these handle methods): then this thread keeps running the statements.
function handOver(direct) {
  const stream = client.connection && client.connection.stream;
  const handle = stream && stream._handle;
  if (!direct || process.platform === 'win32' || !handle || stream.encrypted || !(handle.fd >= 0)) return -1;
  if (typeof handle.setBlocking !== 'function' || typeof handle.readStop !== 'function') return -1;
  if (typeof handle.readStart !== 'function') return -1;
  handle.reading = false;
  handle.readStop();
  if (handle.setBlocking(true) !== 0) {
    handle.reading = true;
    handle.readStart();
    return -1;
  }
  handedOver = true;
  return handle.fd;
}

port.on('message', async (req) => {
  try {
    if (req.op === 'close') {
      if (handedOver) client.connection.stream.destroy();
      else await client.end().catch(() => {});
      reply({ ok: true });
      port.close();
      return;
    }
    if (lost) throw lost;
    connected ??= client.connect().then(() => client.query(JIT_OFF).catch(() => {}));
    await connected;
    loggedIn = true;
    if (req.op === 'connect') {
      reply({ ok: true, fd: handOver(req.direct), tx: client.getTransactionStatus() });
      return;
    }
    const r = await client.query({ text: req.sql, values: req.params, name: req.name, rowMode: 'array' });
    const results = Array.isArray(r) ? r : [r];
    const last = results[results.length - 1];
    reply({
      ok: true,
      rows: last.rows ?? [],
      fields: (last.fields ?? []).map((f) => f.name),
      command: last.command ?? null,
      rowCount: last.rowCount ?? null,
      ddl: results.some((x) => DDL.test(x.command || '')),
      tx: client.getTransactionStatus(),
    });
  } catch (e) {
    if (!lost && loggedIn) await readyForQuery();
    reply({ ok: false, error: failure(e), tx: lost ? null : client.getTransactionStatus() });
  }
});

// pg rejects a statement at the server's ErrorResponse, before the ReadyForQuery that follows it says whether
// a transaction is now failed ('E'): when that message came in a later read, the status would still read 'T'.
// Wait for it (it is on its way; the connection's loss ends the wait too). Only for a statement of a session that
// logged in: a failed connect has no ReadyForQuery to come, and the caller must hear of it at once. Bounded, so
// that no state of pg's client can leave the caller blocked.
function readyForQuery() {
  const until = Date.now() + 2000;
  return new Promise((done) => {
    const tick = () => (client.readyForQuery || lost || Date.now() > until ? done() : setImmediate(tick));
    tick();
  });
}
`;
