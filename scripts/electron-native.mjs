// better-sqlite3 in node_modules is built for Node (the tests and the CLI use it). Electron has another
// ABI, so the app gets its own copy of the binding in .electron-native/, built from a copy of the
// package: node_modules is never touched. The Electron shell passes it to better-sqlite3 as nativeBinding.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function ensureElectronSqlite(root) {
  const out = join(root, '.electron-native');
  const target = join(out, 'better_sqlite3.node');
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  const sqliteVersion = JSON.parse(
    readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8'),
  ).version;
  const stamp = `${electronVersion}/${sqliteVersion}/${process.platform}-${process.arch}`;
  const stampFile = join(out, 'version.txt');
  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return target;

  console.log(`为 Electron ${electronVersion} 准备 SQLite 组件… / preparing better-sqlite3 for Electron…`);
  const work = join(out, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  // A prebuilt binary for this Electron if one is published, else compile against Electron's headers.
  const prebuild = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/prebuild-install/bin.js'),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
    ],
    { cwd: work, stdio: 'inherit' },
  );
  if (prebuild.status !== 0) {
    // node-gyp ships with npm; npx finds it (or fetches it).
    const gyp = spawnSync(
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
        '--runtime=electron',
      ],
      { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' },
    );
    if (gyp.status !== 0) throw new Error('prebuild-install 与 node-gyp 均失败');
  }
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(stampFile, stamp);
  rmSync(work, { recursive: true, force: true });
  return target;
}
