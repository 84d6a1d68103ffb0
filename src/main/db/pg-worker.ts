/**
 * The thread that holds the one `pg` connection of a PostgreSQL session (pg-sync.ts blocks on it). Kept as the
 * source text of a CommonJS script run with `eval: true`, so the built app needs no extra file beside its
 * bundle; `pg` is required by the absolute path the parent resolved.
 *
 * Numbers: int8 (bigint money, count(*)) and numeric (sum of bigints) come back as JS numbers; a whole value
 * beyond Number.MAX_SAFE_INTEGER fails the query (code FD_UNSAFE_INTEGER) instead of being rounded.
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
    connected ??= client.connect();
    await connected;
    const r = await client.query({ text: req.sql, values: req.params, rowMode: req.arrays ? 'array' : undefined });
    const last = Array.isArray(r) ? r[r.length - 1] : r;
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
