import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, inject } from 'vitest';
import { type OpenedDb, openDatabase } from '../../src/main/db/open';
import { dispatch, type HandlerContext } from '../../src/main/handlers';
import { createClient } from '../../src/shared/contract/client';
import { ApiError } from '../../src/shared/contract/define';
import { TEST_PG, tempPgCopy, tempPgSchema } from './pg-schema';

export { TEST_PG, tempPgSchema };

/** On the FUNDDESK_TEST_PG server: a copy of the database migrated once for the run (pg-global-setup.ts). */
function migratedPgDb(base: string) {
  const template = inject('pgMigrated');
  return template ? tempPgCopy(base, template) : tempPgSchema(base);
}

/**
 * A real SQLite file in a fresh temporary folder (or a fresh migrated database on the FUNDDESK_TEST_PG server),
 * removed by cleanup().
 */
export async function tempDb(name = 'funddesk.db') {
  const dir = mkdtempSync(join(tmpdir(), 'funddesk-test-'));
  const pgSchema = TEST_PG ? await migratedPgDb(TEST_PG) : null;
  const path = pgSchema ? pgSchema.url : join(dir, name);
  const opened = await openDatabase(path);
  return {
    dir,
    path,
    opened,
    db: opened.db,
    async cleanup() {
      await opened.close().catch(() => {});
      await pgSchema?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The typed client over the real handler map, as the renderer sees it. */
export function testClient(opened: OpenedDb) {
  const ctx: HandlerContext = { opened, host: 'test', version: 'test' };
  return createClient((channel, input) => dispatch(ctx, channel, input));
}

/** The error a call fails with (an ApiError with a Chinese message and the fields it concerns). */
export async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('应被拒绝，却成功了');
}

/** A fresh temporary database and its client for each test of the file (`env.t`, `env.api`). */
export function freshDbPerTest() {
  const env = {} as { t: Awaited<ReturnType<typeof tempDb>>; api: ReturnType<typeof testClient> };
  beforeEach(async () => {
    env.t = await tempDb();
    env.api = testClient(env.t.opened);
  });
  afterEach(() => env.t.cleanup());
  return env;
}
