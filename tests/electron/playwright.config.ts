import { defineConfig } from '@playwright/test';

/** `npm run test:electron` (scripts/test-electron.mjs): the desktop app, one worker. */
export default defineConfig({
  testDir: '.',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
