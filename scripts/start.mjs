// `npm start`: build FundDesk if the sources changed (a content hash, scripts/build.mjs), make sure Electron and
// its SQLite binding are there, open the desktop app. Electron downloads its binary on the first start; where
// that cannot work (no internet) this says so in one short bilingual message, names the browser preview
// (which needs neither) and exits non-zero. The download's own output is shown only if it succeeds slowly
// enough to matter: a failure's stack trace would bury the message.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, root } from './build.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';

const args = process.argv.slice(2);

function fail(reasonZh, reasonEn) {
  console.error(`
FundDesk 桌面版无法启动：${reasonZh}
FundDesk desktop cannot start: ${reasonEn}

请改用浏览器预览（同样的界面与数据，仅在本机 127.0.0.1 上运行）/ use the browser preview instead:

    npm run start:browser
`);
  process.exit(1);
}

const built = ensureBuilt();
if (!built.ok) {
  console.error(built.output);
  process.exit(1);
}

/** Electron's binary, downloaded on first use by the electron package's own installer. */
function electronPath() {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const installed = () =>
    existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH || installed()) return join(pkgDir, 'dist');
  console.log('首次启动：下载 Electron 运行环境… / first start: downloading Electron…');
  const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { encoding: 'utf8', stdio: 'pipe' });
  if (r.status !== 0 || !installed()) {
    const why = `${r.stderr ?? ''}`.split('\n').find((l) => /error/i.test(l)) ?? '';
    fail(
      `无法下载 Electron 运行环境${why ? `（${why.trim().slice(0, 160)}）` : ''}。首次启动需要联网一次。`,
      'the Electron runtime could not be downloaded; the first start needs an internet connection once.',
    );
  }
  return join(pkgDir, 'dist');
}

electronPath();
// Resolved by the electron package itself (it honours ELECTRON_OVERRIDE_DIST_PATH); nothing to download now.
const electron = (await import('electron')).default;

try {
  await ensureElectronSqlite(root);
} catch (e) {
  fail(
    `无法为 Electron 准备 SQLite 数据库组件（${e.message.split('\n')[0]}）。首次启动需要联网一次。`,
    'the SQLite binding for Electron could not be prepared; the first start needs an internet connection once.',
  );
}

const child = spawn(electron, [root, ...args], { stdio: 'inherit', cwd: root });
child.on('exit', (code) => process.exit(code ?? 0));
child.on('error', (e) => fail(`无法运行 Electron（${e.message}）`, `Electron could not run (${e.message})`));
