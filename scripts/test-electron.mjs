// `npm run test:electron`: the desktop app itself, driven by Playwright's _electron (tests/electron/): launch on a
// demo database, 总览's headline figures, 子基金, edit one cell, quit, the edit is in the file. It runs wherever an
// Electron binary is present: ELECTRON_OVERRIDE_DIST_PATH (a folder holding Electron) or the electron package's
// own download (node_modules/electron/dist). Where there is none it prints one line saying it did not run and
// exits 0 without counting anything as passed. It never downloads Electron itself. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, root } from './build.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';

function electronBinary() {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const rel = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8')
    : ({ win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform] ??
      'electron');
  const candidates = [];
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    candidates.push(join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel));
  else candidates.push(join(pkgDir, 'dist', rel));
  return candidates.find((p) => existsSync(p)) ?? null;
}

const electron = electronBinary();
if (!electron) {
  console.log(
    'Electron 冒烟测试未运行：本机没有 Electron 可执行文件（设置 ELECTRON_OVERRIDE_DIST_PATH 或联网安装 electron 后再试）/ Electron smoke test NOT RUN: no Electron binary here.',
  );
  process.exit(0);
}

const built = ensureBuilt();
if (!built.ok) {
  console.error(built.output);
  process.exit(1);
}
let binding;
try {
  binding = await ensureElectronSqlite(root);
} catch (e) {
  console.error(
    `Electron 冒烟测试失败：无法为 Electron 准备 SQLite 组件（${e.message}）/ cannot prepare better-sqlite3 for Electron`,
  );
  process.exit(1);
}
const env = { ...process.env, FUNDDESK_ELECTRON: electron, FUNDDESK_ELECTRON_SQLITE: binding };
const playwright = [
  join(root, 'node_modules', '@playwright', 'test', 'cli.js'),
  'test',
  '-c',
  'tests/electron',
];
// Electron needs a display: on Linux without one, a virtual one (xvfb-run).
const headless = process.platform === 'linux' && !process.env.DISPLAY;
const [cmd, args] = headless
  ? ['xvfb-run', ['-a', process.execPath, ...playwright]]
  : [process.execPath, playwright];
const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
if (r.error) console.error(`无法运行 ${cmd}：${r.error.message}`);
process.exit(r.status ?? 1);
