import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertRows, writeAtOnce } from '../../src/main/services/ledger/write';
import { tempDb } from '../helpers/temp-db';

// The big writes (import, paste) insert through insertRows; on PostgreSQL in multi-row INSERTs of many rows
// each (pg-raw.ts insertMany), so the ids it returns must still be each row's own, in input order.
let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

describe('insertRows', () => {
  it('returns each row its own id, in order, past the parameters of one statement; a left-out column gets its default', async () => {
    // 20,000 rows × 5 columns: more parameters than PostgreSQL takes in one statement (65,535).
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      action: 'create',
      entity: 'fund',
      entity_id: i + 1,
      summary: `第 ${i + 1} 行`,
      source: i % 3 === 0 ? undefined : 'import',
    }));
    const ids = await writeAtOnce(
      t.opened,
      async () => null,
      (raw) => insertRows(raw, 'audit_log', rows),
    );
    expect(ids).toHaveLength(rows.length);
    expect(new Set(ids).size).toBe(rows.length);
    const stored = new Map(
      (
        t.opened.raw.prepare('SELECT id, entity_id, summary, source FROM audit_log').all() as {
          id: number;
          entity_id: number;
          summary: string;
          source: string;
        }[]
      ).map((r) => [r.id, r]),
    );
    for (const i of [0, 1, 2, 12_999, 13_000, 13_001, 19_999]) {
      const got = stored.get(ids[i]!)!;
      expect(got.entity_id).toBe(i + 1);
      expect(got.summary).toBe(`第 ${i + 1} 行`);
      expect(got.source).toBe(i % 3 === 0 ? 'ui' : 'import');
    }
    expect(ids.every((id, i) => stored.get(id)!.entity_id === i + 1)).toBe(true);
  });
});
