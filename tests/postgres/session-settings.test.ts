import { describe, expect, it } from 'vitest';
import { PgConnection } from '../../src/main/db/pg-sync';
import { TEST_PG, tempPgSchema } from '../helpers/temp-db';

// Only in the PostgreSQL leg. A session turns PostgreSQL's JIT compiler off for its short reads (pg-worker.ts),
// unless the connection string chose a value: what the user configured is what the server uses.
const SERVER = TEST_PG as string;

async function jitOf(options: string) {
  const s = await tempPgSchema(SERVER);
  const conn = new PgConnection(options ? `${s.url}${encodeURIComponent(` ${options}`)}` : s.url);
  try {
    return (conn.query('SHOW jit').rows[0] as { jit: string }).jit;
  } finally {
    conn.close();
    await s.drop();
  }
}

describe('session settings', () => {
  it('JIT is off for a session whose connection string says nothing about it', async () => {
    expect(await jitOf('')).toBe('off');
  });

  it('a jit option in the connection string is kept', async () => {
    expect(await jitOf('-c jit=on')).toBe('on');
  });
});
