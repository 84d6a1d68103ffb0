import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  findChromium,
  OMNIBOX_FEATURES,
  PLAYWRIGHT_DISABLED_FEATURES,
} from '../../src/main/host/chromium-find';

/** The features the installed playwright-core turns off (its `disabledFeatures` list). */
function playwrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle);
  if (!list) throw new Error('playwright-core: no disabledFeatures list found in lib/coreBundle.js');
  const body = list[1]!.replace(/\/\/[^\n]*/g, '');
  return [...body.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe('Chromium flags', () => {
  it('one --disable-features that keeps every feature Playwright turns off', () => {
    const flags = CHROMIUM_ARGS.filter((a) => a.startsWith('--disable-features='));
    expect(flags).toHaveLength(1);
    const ours = flags[0]!.slice('--disable-features='.length).split(',');
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect([...ours].sort()).toEqual([...new Set([...theirs, ...OMNIBOX_FEATURES])].sort());
    expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...theirs].sort());
  });

  it('a headless window with these flags builds no omnibox popup', async () => {
    const executablePath = findChromium();
    expect(executablePath, 'Chromium is needed (apt-get install -y chromium)').toBeTruthy();
    const browser = await chromium.launch({
      executablePath: executablePath!,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto('data:text/html,<p>FundDesk</p>');
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      const urls = targetInfos.map((t) => t.url);
      expect(urls).toContain('data:text/html,<p>FundDesk</p>');
      expect(urls.filter((u) => u.includes('omnibox'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
