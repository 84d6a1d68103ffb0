import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';
import {
  hasLedgerHelper,
  ledgerHelper,
  ledgerHelperReads,
} from '../../src/main/services/reports/ledgers-helper';
import { performanceMetrics } from '../../src/main/services/reports/performance';
import { TEST_PG, tempDb } from '../helpers/temp-db';

/**
 * The metrics of every fund read by a helper thread (ledgers-helper.ts): the same figures as the read on the
 * connection itself, the last commit seen, an open transaction's own writes seen (read inline then), and the
 * thread gone when the database closes. On the demo, with the helper's threshold lowered to every file.
 */

let t: Awaited<ReturnType<typeof tempDb>>;
const saved = { ...ledgerHelper };
beforeEach(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
});
afterEach(async () => {
  Object.assign(ledgerHelper, saved);
  await t.cleanup();
});

/** performanceMetrics as plain data (Maps as entries, in order). */
function figures(asOf: string) {
  const m = performanceMetrics(t.opened, asOf);
  return {
    funds: m.funds.map((f) => [f.id, f.name]),
    ledgers: [...m.ledgers.entries()].sort((a, b) => a[0] - b[0]),
    byFund: [...m.byFund.entries()],
    total: m.total,
  };
}

function inline(asOf: string) {
  ledgerHelper.minFlows = Number.POSITIVE_INFINITY;
  return figures(asOf);
}

/** Through the helper: checked to have answered (not the inline read it falls back to). */
function viaHelper(asOf: string) {
  ledgerHelper.minFlows = 0;
  ledgerHelper.chunk = 3;
  const reads = ledgerHelperReads();
  const f = figures(asOf);
  expect(ledgerHelperReads(), 'answered by the helper').toBe(reads + 1);
  return f;
}

describe.skipIf(TEST_PG)('metrics of every fund through the helper thread (SQLite)', () => {
  it('gives the figures of the inline read, for every as-of date', () => {
    expect(hasLedgerHelper(t.opened.raw)).toBe(false);
    for (const asOf of ['2025-12-31', '2023-06-30', '2020-01-01', '2019-12-31']) {
      const want = inline(asOf);
      const got = viaHelper(asOf);
      expect(got, asOf).toEqual(want);
      expect(got.byFund.length).toBeGreaterThan(0);
    }
  });

  it('sees the last commit, and an open transaction reads its own writes inline', () => {
    const before = viaHelper('2025-12-31');
    const fund = before.funds[0]![0] as number;
    const paidIn = (f: ReturnType<typeof figures>) =>
      (f.byFund.find(([id]) => id === fund)![1] as { paidInFen: number }).paidInFen;
    const add = t.opened.raw.prepare(
      `INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (?, '2025-06-30', 'call', ?)`,
    );

    add.run(fund, 123_456_700);
    const after = viaHelper('2025-12-31');
    expect(paidIn(after)).toBe(paidIn(before) + 123_456_700);
    expect(after).toEqual(inline('2025-12-31'));

    t.opened.raw.transaction(() => {
      add.run(fund, 100);
      ledgerHelper.minFlows = 0;
      const reads = ledgerHelperReads();
      expect(paidIn(figures('2025-12-31'))).toBe(paidIn(before) + 123_456_800);
      expect(ledgerHelperReads(), 'read inline').toBe(reads);
    })();
  });

  it('reads a database opened read-only (by its URI) as the connection does', async () => {
    const want = inline('2025-12-31');
    await t.opened.close();
    const ro = await openDatabase(t.path, { readOnly: '测试：只读打开' });
    try {
      expect(ro.raw.name).toMatch(/^file:.*mode=ro/);
      ledgerHelper.minFlows = 0;
      const reads = ledgerHelperReads();
      const m = performanceMetrics(ro, '2025-12-31');
      expect(ledgerHelperReads(), 'answered by the helper').toBe(reads + 1);
      expect([...m.byFund.entries()]).toEqual(want.byFund);
      expect(m.total).toEqual(want.total);
    } finally {
      await ro.close();
    }
  });

  it('stops with the database', async () => {
    viaHelper('2025-12-31');
    const raw = t.opened.raw;
    expect(hasLedgerHelper(raw)).toBe(true);
    await t.opened.close();
    expect(hasLedgerHelper(raw)).toBe(false);
  });
});
