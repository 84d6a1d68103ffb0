// `npm start`: build FundDesk, make sure Electron and its SQLite binding are there, open the desktop app.
// Electron downloads its binary on first start; where that cannot work (no internet), say so plainly
// and point at the browser preview, which needs neither.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureElectronSqlite } from './electron-native.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function fail(reasonZh, reasonEn) {
  console.error(`
FundDesk 桌面版无法启动：${reasonZh}
FundDesk desktop cannot start: ${reasonEn}

可以改用浏览器预览（同样的界面与数据，仅在本机 127.0.0.1 上运行）：
Use the browser preview instead (same screens and data, served on 127.0.0.1 only):

    npm run start:browser
`);
  process.exit(1);
}

console.log('构建界面与主进程… / building…');
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

let electronPath;
try {
  // The first require downloads Electron's binary (it has no install script).
  electronPath = require('electron');
} catch (e) {
  fail(
    `无法下载 Electron 运行环境（${e.message.split('\n')[0]}）。首次启动需要联网下载一次。`,
    'the Electron binary could not be downloaded; the first start needs an internet connection once.',
  );
}

try {
  await ensureElectronSqlite(root);
} catch (e) {
  fail(
    `无法为 Electron 准备 SQLite 数据库组件（${e.message.split('\n')[0]}）。首次启动需要联网一次。`,
    'the SQLite binding for Electron could not be prepared; the first start needs an internet connection once.',
  );
}

const child = spawn(electronPath, [root, ...args], { stdio: 'inherit', cwd: root });
child.on('exit', (code) => process.exit(code ?? 0));
child.on('error', (e) => fail(`无法运行 Electron（${e.message}）`, `Electron could not run (${e.message})`));
