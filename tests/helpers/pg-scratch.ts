import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { cli } from './cli-main';
import { TEST_PG, tempPgSchema } from './temp-db';

/** Each test of the file gets a scratch folder and a fresh schema on the test server (`url` may add a password). */
export function pgScratch(prefix: string, url: () => string = () => TEST_PG as string) {
  const s = {} as { dir: string; schema: Awaited<ReturnType<typeof tempPgSchema>> };
  beforeEach(async () => {
    s.dir = mkdtempSync(join(tmpdir(), prefix));
    s.schema = await tempPgSchema(url());
  });
  afterEach(async () => {
    await s.schema.drop();
    rmSync(s.dir, { recursive: true, force: true });
  });
  return s;
}

/** 引导基金总览 of a database as `funddesk report overview --json` prints it, at the demo's 2025-12-31. */
export async function cliOverview(db: string) {
  const r = await cli('report', 'overview', '--db', db, '--as-of', '2025-12-31', '--json');
  expect(r.err).toBe('');
  return JSON.parse(r.out);
}
