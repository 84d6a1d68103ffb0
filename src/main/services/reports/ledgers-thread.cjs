// The helper thread of ledgers-helper.ts (plain CommonJS, like backup/sqlite-thread.cjs, so that Node, the
// tests and Electron all run this same file without a build step). It keeps its own read-only connection to
// the database file. For each request it reads, inside ONE read transaction (one snapshot, as the inline read
// of load.ts): the funds, their latest NAVs, then every fund's calls and distributions as BLOBs, posted in
// chunks, so that the asking thread computes the funds already read while this one reads the next.
// The statements come with the request (load.ts LEDGER_SQL, funds-sql.ts): they are written once.
// Each message is followed by a bump of the shared counter, on which the asking thread waits (Atomics.wait):
// it takes the messages synchronously (receiveMessageOnPort), without returning to its event loop.
const { workerData: w } = require('node:worker_threads');

// A read-only file is opened by its URI (db/sqlite-uri.ts), as the asking connection was.
process.env.SQLITE_USE_URI = '1';
const Database = require(w.module);
const state = new Int32Array(w.state);
const port = w.port;

let db = null;
try {
  db = new Database(w.file, {
    readonly: true,
    fileMustExist: true,
    ...(w.nativeBinding ? { nativeBinding: w.nativeBinding } : {}),
  });
  // As openDatabase's: the covering index of cash flows (37 MB at 100x the demo) stays in the cache.
  db.pragma('cache_size = -65536');
  Atomics.store(state, 1, 1);
} catch {
  Atomics.store(state, 1, -1);
}
Atomics.notify(state, 1);

function send(message) {
  port.postMessage(message);
  Atomics.add(state, 0, 1);
  Atomics.notify(state, 0);
}

port.on('message', (r) => {
  try {
    db.exec('BEGIN');
    try {
      const funds = db.prepare(r.sql.funds).all({ asOf: r.asOf });
      const navs = db.prepare(r.sql.navs).raw(true).all(r.asOf);
      send({ id: r.id, funds, navs });
      const ids = db.prepare(r.sql.fundIds).pluck().all();
      const flows = db.prepare(r.sql.flows).raw(true);
      let out = [];
      for (const id of ids) {
        const calls = flows.get(id, 'call', r.asOf);
        const dists = flows.get(id, 'distribution', r.asOf);
        out.push(id, calls[0], calls[1], dists[0], dists[1]);
        if (out.length >= r.chunk * 5) {
          send({ id: r.id, flows: out });
          out = [];
        }
      }
      send({ id: r.id, flows: out, end: true });
    } finally {
      db.exec('COMMIT');
    }
  } catch (e) {
    send({ id: r.id, error: String(e?.message ?? e) });
  }
});
