// The worker thread of backup/copy-worker.ts (plain CommonJS so that Node, the tests and Electron all run this
// same file without a build step or a TypeScript loader). Two jobs, each on connections of its own:
//  - copy: the page copy of a backup, all pages read inside ONE read transaction of the source (so another
//    process writing meanwhile neither restarts nor spoils it), switched to a rollback journal, quick_checked;
//  - check: quick_check of a database (the background check after a clean open, db/open.ts).
// better-sqlite3 is required by the path the main thread resolved (or the Electron-ABI build it names).
const { parentPort, workerData: w } = require('node:worker_threads');

process.env.SQLITE_USE_URI = '1';
const Database = require(w.module);
const opts = (o) => (w.nativeBinding ? Object.assign(o, { nativeBinding: w.nativeBinding }) : o);
const quickCheck = (db) =>
  db
    .pragma('quick_check')
    .map((r) => r.quick_check)
    .filter((x) => x !== 'ok');

async function copy() {
  const src = new Database(w.source, opts({ readonly: true, fileMustExist: true }));
  try {
    src.exec('BEGIN');
    src.prepare('SELECT count(*) FROM sqlite_master').get();
    await src.backup(w.target, { progress: () => w.step });
    src.exec('COMMIT');
  } finally {
    src.close();
  }
  const dst = new Database(w.target, opts({ fileMustExist: true }));
  try {
    dst.pragma('journal_mode = DELETE');
    return quickCheck(dst);
  } finally {
    dst.close();
  }
}

function check() {
  const db = new Database(w.source, opts({ readonly: true, fileMustExist: true }));
  try {
    return quickCheck(db);
  } finally {
    db.close();
  }
}

(async () => (w.job === 'check' ? check() : copy()))()
  .then((problems) => parentPort.postMessage({ ok: true, problems }))
  .catch((e) => parentPort.postMessage({ ok: false, code: e?.code, message: String(e?.message ?? e) }));
