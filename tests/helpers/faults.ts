import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Real faults for the service tests: a read-only bind mount and a small tmpfs (a full disk), both need root
 * and mount(8). Where they cannot be made, the caller falls back to another real reproduction (chmod + a
 * non-root user) or fails saying why; nothing here pretends.
 */

function sh(cmd: string, args: string[]) {
  execFileSync(cmd, args, { stdio: 'pipe' });
}

/** Mounts a tmpfs of `size` (e.g. '2m') on dir; false when this machine does not allow it. */
export function mountTmpfs(dir: string, size: string): boolean {
  try {
    sh('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
    return true;
  } catch {
    return false;
  }
}

/** Makes dir a read-only bind mount of itself; false when this machine does not allow it. */
export function bindReadOnly(dir: string): boolean {
  try {
    sh('mount', ['--bind', dir, dir]);
  } catch {
    return false;
  }
  try {
    sh('mount', ['-o', 'remount,ro,bind', dir]);
    return true;
  } catch {
    unmount(dir);
    return false;
  }
}

export function unmount(dir: string) {
  try {
    sh('umount', [dir]);
  } catch {
    try {
      sh('umount', ['-l', dir]);
    } catch {
      // not mounted
    }
  }
}

const root = join(import.meta.dirname, '..', '..');

/**
 * A second process holding the database open (as the app would), optionally writing `perSecond` rows a second
 * into a table of its own, after growing the file by `prefillMB` (so that a copy takes many steps). Resolves
 * once it has the file open; kill() ends it.
 */
export async function secondProcess(dbPath: string, perSecond = 0, prefillMB = 0) {
  const code = `
    const D = require(${JSON.stringify(join(root, 'node_modules', 'better-sqlite3'))});
    const db = new D(process.argv[1]);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    if (${perSecond} > 0) {
      db.exec('CREATE TABLE IF NOT EXISTS zz_writer (id INTEGER PRIMARY KEY, v TEXT)');
      const ins = db.prepare('INSERT INTO zz_writer (v) VALUES (?)');
      db.transaction(() => { for (let i = 0; i < ${prefillMB} * 500; i++) ins.run('p'.repeat(2000) + i); })();
      let n = 0;
      setInterval(() => { ins.run('x'.repeat(2000) + n++); }, ${Math.max(1, Math.round(1000 / Math.max(1, perSecond)))});
    } else {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    }
    console.log('open');
    setInterval(() => {}, 1 << 30);
  `;
  const p = spawn(process.execPath, ['-e', code, dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, bad) => {
    p.stdout.once('data', () => ok());
    p.once('exit', (c) => bad(new Error(`second process exited ${c}`)));
  });
  return {
    async kill() {
      if (p.exitCode !== null) return;
      p.kill('SIGKILL');
      await once(p, 'exit');
    },
  };
}

/** A port on this machine where nothing listens (taken, then released): a server that does not answer. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}
