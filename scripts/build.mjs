// The build and its freshness. `out/` holds what electron-vite built; `out/.build-hash` is a SHA-256 of every
// source the build reads (src/, migrations/, the build config, package.json and the lock file), written only
// after a build that succeeded. `funddesk` (bin/funddesk.js), `npm start` and `npm run start:browser` call
// ensureBuilt(): nothing is rebuilt while the hash matches, and a changed or missing build is built once,
// under a lock, so parallel test workers never build over each other.
// The check runs on every `funddesk` start, so it is cheap first: `out/.build-stamp` lists each source's
// path, size and mtime as they were when the hash was taken. While that list is unchanged (a few ms of
// stat calls) the hash is not recomputed; when it changed (an edit, a checkout that only touched files) the
// content hash decides, and a matching hash renews the stamp, so a touched file costs one hash, once.
// `npm run build` (this file run directly) always builds.
// Own code rather than a library: a file hash plus a lock directory is all it takes, and the check must stay
// cheap enough for every `funddesk` start (a build tool's watch/cache would load far more).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(import.meta.dirname, '..');
const SOURCE_DIRS = ['src', 'migrations'];
const SOURCE_FILES = [
  'electron.vite.config.ts',
  'scripts/antd-css.ts',
  'scripts/font-css.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
const stampFile = join(root, 'out', '.build-hash');
const statFile = join(root, 'out', '.build-stamp');
const lockDir = join(root, 'out', '.build-lock');

function walk(dir, files) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, files);
    else if (e.isFile()) files.push(p);
  }
}

// Loaded only when a hash is taken or a build runs: the up-to-date path needs neither.
const load = createRequire(import.meta.url);

function sourceFiles() {
  const files = [];
  for (const d of SOURCE_DIRS) if (existsSync(join(root, d))) walk(join(root, d), files);
  for (const f of SOURCE_FILES) if (existsSync(join(root, f))) files.push(join(root, f));
  return files.sort();
}

/** Each source's path, size and mtime, one a line: what the stamp compares before any file is read. */
export function sourceStamp() {
  if (!existsSync(join(root, 'src'))) return null;
  return sourceFiles()
    .map((f) => {
      const s = statSync(f);
      return `${relative(root, f).replaceAll('\\', '/')}\t${s.size}\t${s.mtimeMs}`;
    })
    .join('\n');
}

/** The hash of every file the build reads, or null where there are no sources (an installed app). */
export function sourceHash() {
  if (!existsSync(join(root, 'src'))) return null;
  const files = sourceFiles();
  const h = load('node:crypto').createHash('sha256');
  for (const f of files) {
    h.update(relative(root, f).replaceAll('\\', '/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

function readOr(file, fallback) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

export function isUpToDate() {
  const built = existsSync(join(root, 'out', 'main', 'cli.js'));
  if (!existsSync(join(root, 'src'))) return built; // no sources: whatever was built is what there is
  const builtHash = built ? readOr(stampFile, null) : null;
  if (!builtHash) return false;
  const stamp = sourceStamp();
  if (readOr(statFile, null) === stamp) return true;
  if (sourceHash() !== builtHash) return false;
  try {
    writeFileSync(statFile, stamp); // same content, touched files: the next check is cheap again
  } catch {}
  return true;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function takeLock() {
  mkdirSync(join(root, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
      } catch {}
      // A lock whose builder died (or was left without a pid) is taken over.
      if (pid && !processAlive(pid)) rmSync(lockDir, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/**
 * Runs `electron-vite build` and stamps the result. Returns { ok, output }; the build's own output is
 * passed through when `show` is true, otherwise kept for an error message.
 */
export function build({ show = true } = {}) {
  const stamp = sourceStamp();
  const hash = sourceHash();
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(cli)) {
    return {
      ok: false,
      output: '找不到 electron-vite：请先运行 npm install（或 npm ci），再运行 npm run build。',
    };
  }
  rmSync(stampFile, { force: true });
  rmSync(statFile, { force: true });
  const r = load('node:child_process').spawnSync(process.execPath, [cli, 'build'], {
    cwd: root,
    stdio: show ? 'inherit' : 'pipe',
    encoding: 'utf8',
  });
  if (r.status !== 0) return { ok: false, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  if (hash) {
    writeFileSync(stampFile, hash);
    writeFileSync(statFile, stamp);
  }
  return { ok: true, output: '' };
}

/**
 * Builds only if the sources changed since the last build (or there is none). `say` receives a one-line
 * Chinese notice before a build starts. Returns true when the build output is usable.
 */
export function ensureBuilt({ show = true, say = (m) => console.log(m) } = {}) {
  if (isUpToDate()) return { ok: true, built: false, output: '' };
  takeLock();
  try {
    // Another process may have built while this one waited for the lock.
    if (isUpToDate()) return { ok: true, built: false, output: '' };
    say(
      existsSync(join(root, 'out', 'main', 'cli.js'))
        ? '源代码有改动，正在重新构建（npm run build）… / sources changed, building…'
        : '尚未构建，正在构建（npm run build）… / no build yet, building…',
    );
    return { ...build({ show }), built: true };
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  takeLock();
  let r;
  try {
    r = build();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
  if (!r.ok) {
    if (r.output) console.error(r.output);
    process.exit(1);
  }
}
