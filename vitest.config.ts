import { availableParallelism } from 'node:os';
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
    // The PostgreSQL leg: the migrated database each tempDb() copies (no-op without a server).
    globalSetup: ['tests/helpers/pg-global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One fork per core. Vitest's default for a run is cores − 1: one fork on a 2-core CI machine, running the
    // files one after another while the second core waited. Every file has its own temporary databases and
    // folders, so two run side by side as they do on a developer's larger machine.
    maxWorkers: availableParallelism(),
  },
});
