// `npm run test:package` (also a step of `npm test`): packs the app for Linux x64 as `npm run dist:dir` does, with
// electron-builder.yml, but around a stand-in for Electron's binary (this machine cannot download Electron; the
// stand-in carries Electron's fuse wire so the afterPack hook has something real to flip) and without the
// rebuild of better-sqlite3 for Electron (that needs Electron's headers from the internet). Then it checks what
// a user's machine would get: the asar and the unpacked SQLite binding, the launchers, the fuses, no
// development package inside, and runs the command line FROM THE PACKED FILES (extracted from the asar) under
// Node: help, demo data, overview, xlsx and CSV exports, and a PDF when Chromium is there.
// Ends with one line "N passed, M failed" and a non-zero exit code on any failure.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, root } from './build.mjs';
import { findChromium } from './chromium.mjs';
import { makeIcons } from './icons.mjs';

const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'funddesk-package-'));
let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '  ✓' : '  ✗'} ${name}${!ok && detail ? `\n      ${detail}` : ''}`);
}

try {
  const built = ensureBuilt();
  if (!built.ok) throw new Error(built.output);
  makeIcons(join(root, 'build', 'icon.svg'), join(root, 'build'));

  // The stand-in Electron: a script carrying the fuse wire as Electron ships it.
  const fake = join(tmp, 'electron-dist');
  mkdirSync(fake);
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho stand-in\n'),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, 8]),
    Buffer.from('10011100'),
  ]);
  writeFileSync(join(fake, 'electron'), wire);
  chmodSync(join(fake, 'electron'), 0o755);
  for (const f of ['chrome-sandbox', 'LICENSE']) writeFileSync(join(fake, f), '');
  writeFileSync(join(fake, 'version'), require('electron/package.json').version);

  const out = join(tmp, 'dist');
  console.log('electron-builder --dir --linux --x64（替身 Electron，约 1–3 分钟）…');
  const eb = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--dir',
      '--linux',
      '--x64',
      '-c.npmRebuild=false',
      `-c.electronDist=${fake}`,
      `-c.directories.output=${out}`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  check('electron-builder packs the app', eb.status === 0, `${eb.stdout}\n${eb.stderr}`.slice(-3000));
  const app = join(out, 'linux-unpacked');
  const res = join(app, 'resources');
  check('resources/app.asar', existsSync(join(res, 'app.asar')));
  check(
    'better-sqlite3 unpacked beside the asar',
    existsSync(
      join(
        res,
        'app.asar.unpacked',
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
    ),
  );
  for (const f of ['funddesk', 'funddesk.cmd'])
    check(`launcher resources/bin/${f}`, existsSync(join(res, 'bin', f)));
  check(
    'the sh launcher is executable',
    existsSync(join(res, 'bin', 'funddesk')) && (statSync(join(res, 'bin', 'funddesk')).mode & 0o111) !== 0,
  );

  const exe = join(app, 'funddesk-desktop');
  if (existsSync(exe)) {
    const fuses = await require('@electron/fuses').getCurrentFuseWire(exe);
    const state = [0, 1, 2, 3, 5].map((i) => String.fromCharCode(fuses[i])).join('');
    check(
      'fuses flipped: RunAsNode 1, cookies 1, NODE_OPTIONS 0, --inspect 0, asar only 1',
      state === '11001',
      state,
    );
  } else check('the executable is named funddesk-desktop', false);

  // The app's files as a user's machine has them.
  const ext = join(tmp, 'app');
  require('@electron/asar').extractAll(join(res, 'app.asar'), ext);
  const packed = new Set(readdirNames(join(ext, 'node_modules')));
  const devOnly = Object.keys(pkg.devDependencies).filter((d) => packed.has(d) && !neededAtRuntime(d));
  check('no development-only package inside', devOnly.length === 0, devOnly.join(', '));
  check('no TypeScript source inside', !existsSync(join(ext, 'src')));

  const work = join(tmp, 'work');
  mkdirSync(work);
  const cli = (args) =>
    spawnSync(process.execPath, [join(ext, 'out', 'main', 'cli.js'), ...args], {
      cwd: work,
      encoding: 'utf8',
    });
  const help = cli(['--help']);
  check('packed CLI: --help', help.status === 0 && help.stdout.includes('funddesk import'), help.stderr);
  const db = join(work, 'demo.sqlite');
  const demo = cli(['demo', '--db', db]);
  check('packed CLI: demo', demo.status === 0, demo.stderr);
  const ov = cli(['report', 'overview', '--db', db, '--as-of', '2025-12-31', '--json']);
  let subFunds = null;
  try {
    subFunds = JSON.parse(ov.stdout).subFunds.count;
  } catch {}
  check('packed CLI: report overview --json (11 sub-funds)', subFunds === 11, ov.stderr);
  const xlsx = cli(['report', 'performance', '--db', db, '--format', 'xlsx', '--out', join(work, 'p.xlsx')]);
  check(
    'packed CLI: xlsx export (exceljs)',
    xlsx.status === 0 && existsSync(join(work, 'p.xlsx')),
    xlsx.stderr,
  );
  const csv = cli([
    'export-ledger',
    'cash_flow',
    '--db',
    db,
    '--format',
    'csv',
    '--out',
    join(work, 'f.csv'),
  ]);
  check('packed CLI: CSV ledger export', csv.status === 0 && existsSync(join(work, 'f.csv')), csv.stderr);
  const dry = cli(['import', 'cash_flow', join(work, 'f.csv'), '--db', db, '--dry-run', '--skip-duplicates']);
  // Its own export read back: every row is found again as a duplicate (skipped, so nothing to import).
  check(
    'packed CLI: import --dry-run of that CSV',
    /共 139 行：可导入 0 行，有错误 0 行，重复 139 行/.test(dry.stdout) && !/\n\s+at /.test(dry.stderr),
    `${dry.stdout}\n${dry.stderr}`,
  );
  if (findChromium()) {
    const pdf = cli(['report', 'performance', '--db', db, '--format', 'pdf', '--out', join(work, 'p.pdf')]);
    const pdfOk = pdf.status === 0 && existsSync(join(work, 'p.pdf'));
    check(
      'packed CLI: PDF export with the embedded CJK font',
      pdfOk && readFileSync(join(work, 'p.pdf')).includes('NotoSansSC'),
      pdf.stderr,
    );
  } else console.log('  - PDF export not checked: no Chromium here');
} catch (e) {
  check('packaging check ran', false, e.stack ?? String(e));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function readdirNames(dir) {
  const names = [];
  for (const n of existsSync(dir) ? readdirSync(dir) : []) {
    if (n.startsWith('@')) for (const m of readdirSync(join(dir, n))) names.push(`${n}/${m}`);
    else names.push(n);
  }
  return names;
}

/** A devDependency may still ship when a production dependency needs it (npm ls says so). */
function neededAtRuntime(name) {
  const r = spawnSync('npm', ['ls', name, '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    encoding: 'utf8',
  });
  return r.status === 0 && r.stdout.trim() !== '';
}

console.log(`\npackage: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
