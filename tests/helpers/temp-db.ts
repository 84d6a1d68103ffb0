import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenedDb, openDatabase } from '../../src/main/db/open';
import { dispatch, type HandlerContext } from '../../src/main/handlers';
import { createClient } from '../../src/shared/contract/client';

/** A real SQLite file in a fresh temporary folder, removed by cleanup(). */
export async function tempDb(name = 'funddesk.db') {
  const dir = mkdtempSync(join(tmpdir(), 'funddesk-test-'));
  const path = join(dir, name);
  const opened = await openDatabase(path);
  return {
    dir,
    path,
    opened,
    db: opened.db,
    async cleanup() {
      await opened.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The typed client over the real handler map, as the renderer sees it. */
export function testClient(opened: OpenedDb) {
  const ctx: HandlerContext = { opened, host: 'test', version: 'test' };
  return createClient((channel, input) => dispatch(ctx, channel, input));
}
