// Look at screens: node scripts/screenshot.mjs --db FILE --out DIR route[=name] ...
// Starts `funddesk serve` on the database, opens each route (e.g. /sub-funds) in Chromium, saves PNGs.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const { values, positionals } = parseArgs({
  options: {
    db: { type: 'string' },
    out: { type: 'string', default: '/tmp/shots' },
    width: { type: 'string', default: '1440' },
    height: { type: 'string', default: '900' },
  },
  allowPositionals: true,
});
if (!values.db) throw new Error('--db FILE');
mkdirSync(values.out, { recursive: true });
const root = join(import.meta.dirname, '..');
const proc = spawn(process.execPath, [join(root, 'bin/funddesk.js'), 'serve', '--db', values.db], {
  cwd: root,
});
const url = await new Promise((ok, bad) => {
  let out = '';
  proc.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) ok(m[0]);
  });
  proc.stderr.on('data', (d) => process.stderr.write(d));
  proc.on('exit', (c) => bad(new Error(`serve exited ${c}`)));
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({
  viewport: { width: Number(values.width), height: Number(values.height) },
  locale: 'zh-CN',
});
page.on('pageerror', (e) => console.error('pageerror:', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
for (const spec of positionals.length ? positionals : ['/']) {
  const i = spec.lastIndexOf('=');
  const [route, name] =
    i > 0 && !spec.slice(i).includes('/') && spec.includes('=', spec.indexOf('?') + 3)
      ? [spec.slice(0, i), spec.slice(i + 1)]
      : [spec, undefined];
  await page.goto(`${url}#${route}`);
  await page.waitForTimeout(1500);
  const file = join(values.out, `${name ?? (route.replace(/\W+/g, '_') || 'root')}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}
await browser.close();
proc.kill();
