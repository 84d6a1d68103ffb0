// `npm run dist` (installers for this platform; pass electron-builder's flags after `--`, e.g.
// `npm run dist -- --linux deb --arm64`) and `npm run dist:dir` (the unpacked app only, for a quick look).
// Makes the icons from build/icon.svg, builds when the sources changed, then runs electron-builder with
// electron-builder.yml. Electron's binary and better-sqlite3's Electron build are downloaded here, on the
// build machine, never on a user's.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, root } from './build.mjs';
import { makeIcons } from './icons.mjs';

makeIcons(join(root, 'build', 'icon.svg'), join(root, 'build'));
const built = ensureBuilt();
if (!built.ok) {
  console.error(built.output);
  process.exit(1);
}
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-builder', 'cli.js'), ...args], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
