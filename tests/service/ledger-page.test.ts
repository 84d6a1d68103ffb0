import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo';
import { sortKeyOf, sortRows } from '../../src/renderer/src/grid/rowSort';
import { formatCell } from '../../src/shared/columns/convert';
import { LEDGER_COLUMNS } from '../../src/shared/columns/ledgers';
import type { LedgerRow, LedgerTable } from '../../src/shared/contract/ledger';
import type { Unit } from '../../src/shared/money';
import { refusal, tempDb, testClient } from '../helpers/temp-db';

// A large ledger's grid (#13) reads blocks from ledger.page: each must hold the rows, in the order, that the
// client-side grid of a small ledger shows for the same sort, filter and search.

let t: Awaited<ReturnType<typeof tempDb>>;
let api: ReturnType<typeof testClient>;
let all: LedgerRow[];
beforeAll(async () => {
  t = await tempDb();
  api = testClient(t.opened);
  await loadDemo(t.db, { replace: false });
  all = await api('ledger.list', { entity: 'investment' });
}, 120_000);
afterAll(() => t.cleanup());

const COLUMNS = LEDGER_COLUMNS.investment;
const base = { entity: 'investment' as const, unit: 'wan' as const };
const idsOf = (p: LedgerTable) => {
  const at = p.columns.indexOf('id');
  return p.rows.map((r) => r[at] as number);
};

/** The ids in the order the client-side grid sorts them (rowSort.ts). */
function clientOrder(rows: LedgerRow[], field: string, descending: boolean): number[] {
  const spec = COLUMNS.find((c) => c.field === field)!;
  const items = rows.slice();
  sortRows(items, (r) => r, [{ key: sortKeyOf(spec), descending }]);
  return items.map((r) => r.id);
}

/** Every row of a request, read in blocks of 97 (as the grid scrolls; the demo has 106 investments). */
async function everyBlock(extra: object): Promise<{ ids: number[]; count?: number }> {
  const ids: number[] = [];
  let count: number | undefined;
  for (let start = 0; ; start += 97) {
    const p = await api('ledger.page', {
      ...base,
      ...extra,
      startRow: start,
      endRow: start + 97,
      totals: start === 0,
    });
    if (start === 0) count = p.count;
    ids.push(...idsOf(p));
    if (p.rows.length < 97) return { ids, count };
  }
}

describe('ledger.page', () => {
  it('sorts every column in the order the client-side grid shows, read block by block', async () => {
    expect(all.length).toBeGreaterThan(97);
    for (const spec of COLUMNS) {
      for (const desc of [false, true]) {
        const { ids, count } = await everyBlock({
          sort: [{ colId: spec.field, sort: desc ? 'desc' : 'asc' }],
        });
        expect(count).toBe(all.length);
        expect(ids, `${spec.header} ${desc ? '降序' : '升序'}`).toEqual(clientOrder(all, spec.field, desc));
      }
    }
  }, 120_000);

  it('quick search finds the rows whose shown names hold every word, with their count and sums', async () => {
    const name = String(all.at(-1)!.enterprise_name);
    const word = name.slice(2, 6);
    const want = all.filter((r) =>
      [r.enterprise_name, r.fund_name, r.round, r.notes, r.date, r.exit_date].some((v) =>
        String(v ?? '').includes(word),
      ),
    );
    expect(want.length).toBeGreaterThan(0);
    const p = await api('ledger.page', { ...base, quick: word, startRow: 0, endRow: 5_000, totals: true });
    expect(idsOf(p)).toEqual(want.map((r) => r.id));
    expect(p.count).toBe(want.length);
    expect(p.totals?.amount_fen).toBe(want.reduce((n, r) => n + Number(r.amount_fen), 0));
  });

  it('quick search finds typed amounts and numbers as the cells show them, in the unit shown', async () => {
    const shown = COLUMNS.filter((c) => c.hidden !== true);
    // What the client-side search of a small ledger finds: every word in the text some shown cell shows.
    const clientFinds = (quick: string, unit: Unit) => {
      const words = quick.toUpperCase().split(' ');
      return all
        .filter((r) =>
          words.every((w) => shown.some((c) => formatCell(c, r[c.field], unit, r).toUpperCase().includes(w))),
        )
        .map((r) => r.id);
    };
    const row = all.find((r) => Number(r.amount_fen) >= 1_000 * 1_000_000 && r.stake_pct != null)!;
    const amount = formatCell(COLUMNS.find((c) => c.field === 'amount_fen')!, row.amount_fen, 'wan');
    const stake = formatCell(COLUMNS.find((c) => c.field === 'stake_pct')!, row.stake_pct, 'wan');
    expect(amount).toContain(',');
    const cases: [string, Unit][] = [
      [amount, 'wan'],
      [amount.slice(1, 5), 'wan'],
      [`${stake} ${String(row.date).slice(0, 4)}`, 'wan'],
      [formatCell(COLUMNS.find((c) => c.field === 'amount_fen')!, row.amount_fen, 'yuan'), 'yuan'],
      [formatCell(COLUMNS.find((c) => c.field === 'amount_fen')!, row.amount_fen, 'yi'), 'yi'],
      ['.5', 'yi'],
      ['2,0', 'yuan'],
      // Any case (轮次 such as Pre-A), and dates by their text.
      ['pre-a', 'wan'],
      [String(row.date).slice(0, 7), 'wan'],
      // Words of a note and a 轮次 (matched on their own index on SQLite) with one of a linked name.
      ['退出 B轮', 'wan'],
      ['股权转让 深圳', 'wan'],
    ];
    for (const [quick, unit] of cases) {
      const want = clientFinds(quick, unit);
      expect(want.length, quick).toBeGreaterThan(0);
      const p = await api('ledger.page', {
        ...base,
        unit,
        fields: shown.map((c) => c.field),
        quick,
        startRow: 0,
        endRow: 5_000,
        totals: true,
      });
      expect(idsOf(p), `${quick} (${unit})`).toEqual(want);
      expect(p.count, quick).toBe(want.length);
    }
    // A computed money column (实缴 of funds, a sum in SQL) is found by its text too.
    const funds = await api('ledger.list', { entity: 'fund' });
    const paid = LEDGER_COLUMNS.fund.find((c) => c.field === 'paid_in_fen')!;
    const fund = funds.find((f) => Number(f.paid_in_fen) > 0)!;
    const paidText = formatCell(paid, fund.paid_in_fen, 'wan');
    const byPaid = await api('ledger.page', {
      entity: 'fund',
      unit: 'wan',
      fields: ['paid_in_fen'],
      quick: paidText,
      startRow: 0,
      endRow: 5_000,
    });
    expect(idsOf(byPaid)).toEqual(
      funds.filter((f) => formatCell(paid, f.paid_in_fen, 'wan').includes(paidText)).map((f) => f.id),
    );
    // The amount typed in another unit's text is not what 万元 cells show.
    const inYuan = formatCell(COLUMNS.find((c) => c.field === 'amount_fen')!, row.amount_fen, 'yuan');
    const wrongUnit = await api('ledger.page', { ...base, quick: inYuan, startRow: 0, endRow: 5_000 });
    expect(idsOf(wrongUnit)).toEqual(clientFinds(inYuan, 'wan'));
  });

  it('column filters: money in the unit shown, text on linked names, labels of codes', async () => {
    const big = await api('ledger.page', {
      ...base,
      filter: { amount_fen: { filterType: 'number', type: 'greaterThan', filter: 5000 } },
      startRow: 0,
      endRow: 5_000,
      totals: true,
    });
    const wantBig = all.filter((r) => Number(r.amount_fen) > 5000 * 1_000_000);
    expect(idsOf(big)).toEqual(wantBig.map((r) => r.id));
    expect(big.totals?.amount_fen).toBe(wantBig.reduce((n, r) => n + Number(r.amount_fen), 0));

    const fundWord = String(all[0]!.fund_name).slice(0, 4);
    const byFund = await api('ledger.page', {
      ...base,
      filter: { fund_id: { filterType: 'text', type: 'startsWith', filter: fundWord } },
      startRow: 0,
      endRow: 5_000,
      totals: true,
    });
    const wantFund = all.filter((r) => String(r.fund_name).startsWith(fundWord));
    expect(idsOf(byFund)).toEqual(wantFund.map((r) => r.id));
    expect(byFund.count).toBe(wantFund.length);

    const exited = await api('ledger.page', {
      ...base,
      filter: { status: { filterType: 'text', type: 'equals', filter: '已退出' } },
      startRow: 0,
      endRow: 5_000,
    });
    expect(idsOf(exited)).toEqual(all.filter((r) => r.status === 'exited').map((r) => r.id));
  });

  it('a renamed enterprise sorts by its new name (the stored key follows every write)', async () => {
    const first = (field: string) =>
      api('ledger.page', { ...base, sort: [{ colId: field, sort: 'asc' }], startRow: 0, endRow: 1 });
    const target = all.at(-1)!;
    await api('ledger.update', {
      entity: 'enterprise',
      id: target.enterprise_id as number,
      values: { name: '阿尔法测试科技有限公司' },
    });
    const p = await first('enterprise_id');
    expect(p.rows[0]![p.columns.indexOf('enterprise_name')]).toBe('阿尔法测试科技有限公司');
  });

  it('every ledger: the first block with its 合计 equals the whole list (a computed column too: 实缴)', async () => {
    for (const entity of Object.keys(LEDGER_COLUMNS) as (keyof typeof LEDGER_COLUMNS)[]) {
      const rows = await api('ledger.list', { entity });
      const first = await api('ledger.page', {
        entity,
        unit: 'wan',
        startRow: 0,
        endRow: 5_000,
        totals: true,
      });
      expect(first.count, entity).toBe(rows.length);
      expect(first.rows.length, entity).toBe(rows.length);
      for (const s of LEDGER_COLUMNS[entity].filter((c) => c.total)) {
        const sum = rows.reduce((a, r) => a + Number(r[s.field] ?? 0), 0);
        expect(first.totals?.[s.field], `${entity}.${s.field}`).toBe(sum);
      }
    }
    const paidIn = LEDGER_COLUMNS.fund.find((c) => c.field === 'paid_in_fen');
    expect(paidIn?.total).toBe(true);
    const funds = await api('ledger.list', { entity: 'fund' });
    const byPaidIn = await api('ledger.page', {
      entity: 'fund',
      unit: 'wan',
      sort: [{ colId: 'paid_in_fen', sort: 'desc' }],
      startRow: 0,
      endRow: 100,
    });
    const top = Math.max(...funds.map((f) => Number(f.paid_in_fen)));
    const at = byPaidIn.columns.indexOf('paid_in_fen');
    expect(byPaidIn.rows[0]?.[at]).toBe(top);
  });

  it('refuses an unknown column or too many rows, in Chinese', async () => {
    const bad = await refusal(
      api('ledger.page', { ...base, sort: [{ colId: 'nope', sort: 'asc' }], startRow: 0, endRow: 10 }),
    );
    expect(bad.message).toContain('不能按“nope”排序或筛选');
    const many = await refusal(api('ledger.page', { ...base, startRow: 0, endRow: 100_000 }));
    expect(many.message).toContain('每次最多读取');
  });
});

describe('the cash-flow ledger’s 合计, read from the yearly totals when nothing is filtered', () => {
  type Where = Record<string, string | number>;
  const onPage = async (where?: Where) => {
    const p = await api('ledger.page', {
      entity: 'cash_flow',
      unit: 'wan',
      startRow: 0,
      endRow: 1,
      totals: true,
      ...(where ? { where } : {}),
    });
    return { count: p.count, amount: p.totals?.amount_fen };
  };
  const ofRows = async (where?: Where) => {
    const rows = await api('ledger.list', { entity: 'cash_flow', ...(where ? { where } : {}) });
    return { count: rows.length, amount: rows.reduce((a, r) => a + Number(r.amount_fen), 0) };
  };

  it('whole, one fund, one type, one fund’s one type: equal to the rows after adds, edits and deletes', async () => {
    const [flow] = await api('ledger.list', { entity: 'cash_flow' });
    const fund = flow!.fund_id as number;
    const scopes: (Where | undefined)[] = [
      undefined,
      { fund_id: fund },
      { type: 'call' },
      { fund_id: fund, type: 'distribution' },
      { fund_id: 999_999 },
    ];
    const check = async () => {
      for (const w of scopes) expect(await onPage(w), JSON.stringify(w)).toEqual(await ofRows(w));
    };
    await check();
    const added = await api('ledger.create', {
      entity: 'cash_flow',
      values: { fund_id: fund, date: '2025-03-01', type: 'distribution', amount_fen: 12_345 },
    });
    await check();
    await api('ledger.update', {
      entity: 'cash_flow',
      id: added.id,
      values: { type: 'call', date: '2019-07-01', amount_fen: 99_999 },
    });
    await check();
    await api('ledger.delete', { entity: 'cash_flow', id: added.id });
    await check();
  });
});
