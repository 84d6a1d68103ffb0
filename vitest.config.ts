import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/service/**/*.test.ts',
      'tests/cli/**/*.test.ts',
      'tests/component/**/*.test.tsx',
      // The PostgreSQL leg (npm run test:pg): only with a server to run on.
      ...(process.env.FUNDDESK_TEST_PG ? ['tests/postgres/**/*.test.ts'] : []),
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
