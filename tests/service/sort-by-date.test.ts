// A ledger's rows by date (none first), then by id: as the comparator sort the reports used before, for rows
// read in id order (the fast path) and out of it, with and without missing or malformed dates.
import { describe, expect, it } from 'vitest';
import { sortByDateThenId } from '../../src/main/services/reports/sort-by-date';

type Row = [id: number, date: string | null, label: string];

const reference = (rows: Row[]) =>
  [...rows].sort((a, b) =>
    a[1] === b[1] ? a[0] - b[0] : a[1] === null ? -1 : b[1] === null ? 1 : a[1] < b[1] ? -1 : 1,
  );

function ledger(n: number, seed: number, dates: (i: number) => string | null): Row[] {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return Array.from({ length: n }, (_, i) => {
    const day = `20${String(10 + Math.floor(rand() * 16))}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    return [i * 3 + 1, rand() < 0.1 ? null : (dates(i) ?? day), `第${i}行`] as Row;
  });
}

describe('rows by date, then by id', () => {
  it('orders rows read in id order as the comparator does, nulls first and equal days by id', () => {
    const rows = ledger(5000, 7, () => null);
    const want = reference(rows);
    expect(sortByDateThenId(rows, 1, 0)).toEqual(want);
    expect(rows[0]![1]).toBeNull();
  });

  it('orders rows read out of id order, or with a date not written YYYY-MM-DD, the same way', () => {
    const shuffled = ledger(2000, 11, () => null).reverse();
    expect(sortByDateThenId([...shuffled], 1, 0)).toEqual(reference(shuffled));
    const odd = ledger(2000, 13, (i) => (i === 500 ? '2024-1-5' : null));
    expect(sortByDateThenId([...odd], 1, 0)).toEqual(reference(odd));
  });
});
