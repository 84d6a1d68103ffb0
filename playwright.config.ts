import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './src/main/host/chromium-find';

const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 150_000,
  expect: { timeout: 15_000 },
  // Each test has its own server and database (fixtures.ts), so tests, not files, are shared between the
  // workers: a long file (first-hour.spec.ts, ~6 min of tests) no longer runs on one worker while the other
  // waits at the end.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS as string[] },
  },
});
