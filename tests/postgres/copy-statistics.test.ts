import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedDb, openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import { copyDatabase } from '../../src/main/services/copy';
import { getOverview } from '../../src/main/services/overview';
import { performanceMetrics } from '../../src/main/services/reports/performance';
import { TEST_PG, tempPgSchema } from '../helpers/temp-db';

// Only in the PostgreSQL leg: the demo in a SQLite file, copied to a fresh schema on the server (funddesk copy).
let dir: string;
let schema: Awaited<ReturnType<typeof tempPgSchema>>;
let lite: OpenedDb;
let server: OpenedDb;
/** The tables the copy filled. */
let filled: string[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-copy-stats-'));
  lite = await openDatabase(join(dir, 'demo.sqlite'));
  await loadDemo(lite.db, { replace: false });
  schema = await tempPgSchema(TEST_PG as string);
  server = await openDatabase(schema.url);
  filled = (await copyDatabase(lite, server)).filter((t) => t.rows > 0).map((t) => t.table);
});
afterAll(async () => {
  await server?.close();
  await lite?.close();
  await schema?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a copy to PostgreSQL', () => {
  it('leaves every copied table with planner statistics and a vacuumed visibility map', () => {
    // Without them the first reads after a copy are planned on guesses until autovacuum comes by; its runs are
    // last_autoanalyze / last_autovacuum, so these two are the copy's own.
    const tables = server.raw
      .prepare(
        `SELECT relname AS name, last_analyze IS NOT NULL AS analyzed, last_vacuum IS NOT NULL AS vacuumed
         FROM pg_stat_user_tables WHERE schemaname = current_schema() ORDER BY relname`,
      )
      .all() as { name: string; analyzed: boolean; vacuumed: boolean }[];
    expect(filled).toEqual(expect.arrayContaining(['funds', 'cash_flows', 'investments', 'valuations']));
    const fresh = tables.filter((t) => t.analyzed && t.vacuumed).map((t) => t.name);
    // cash_flow_year_totals: filled by the target's triggers from the copied cash flows.
    expect(fresh).toEqual(expect.arrayContaining([...filled, 'cash_flow_year_totals']));
  });

  it('shows the same headline figures and fund metrics as the SQLite file, at any date', async () => {
    for (const asOf of ['2025-12-31', '2023-06-30', '2020-01-01', '2016-03-31']) {
      expect(await getOverview(server.db, asOf)).toEqual(await getOverview(lite.db, asOf));
      const [a, b] = [performanceMetrics(lite, asOf), performanceMetrics(server, asOf)];
      expect(b.total).toEqual(a.total);
      expect([...b.byFund]).toEqual([...a.byFund]);
    }
  });
});
