// `npm test`: lint, typecheck, build, unit and service tests, the packaging check (the app packed by
// electron-builder around a stand-in Electron, its CLI run from the packed files), then e2e tests in Chromium. The build comes
// before the tests because the CLI tests and the e2e suite run the built command line (out/main/cli.js).
import { spawnSync } from 'node:child_process';
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

const steps = [
  ['代码检查 lint', 'npx', ['biome', 'check', '.']],
  ['类型检查 typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['构建 build', process.execPath, ['scripts/build.mjs']],
  ['单元与服务测试 unit + service', 'npx', ['vitest', 'run']],
  ['打包检查 package (scripts/check-package.mjs)', process.execPath, ['scripts/check-package.mjs']],
  ['端到端测试 e2e', 'npx', ['playwright', 'test']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FUNDDESK_CHROMIUM: chromium } });
  console.log(
    `=== ${name}: ${r.status === 0 ? '通过 ok' : `失败 failed (${r.status})`} in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
