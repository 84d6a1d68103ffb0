import { describe, expect, it } from 'vitest';
import { withChange } from '../../src/renderer/src/grid/rowChange';

const rows = [
  { id: 1, doc_no: 'A', amount_fen: 100 },
  { id: 2, doc_no: 'B', amount_fen: 200 },
  { id: 3, doc_no: 'C', amount_fen: 300 },
];

describe('withChange: the cached rows follow what the grid shows', () => {
  it('a deleted row is gone, the others kept in order and untouched', () => {
    const out = withChange(rows, { remove: [{ id: 2 }] });
    expect(out.map((r) => r.id)).toEqual([1, 3]);
    expect(out[0]).toBe(rows[0]);
    expect(rows).toHaveLength(3);
  });

  it('an edited row is replaced by the stored one in its place', () => {
    const edited = { id: 2, doc_no: 'B', amount_fen: 250 };
    const out = withChange(rows, { update: [edited] });
    expect(out.map((r) => r.amount_fen)).toEqual([100, 250, 300]);
    expect(out[1]).toBe(edited);
  });

  it('an added row comes last, once, even when the list already had it', () => {
    const added = { id: 4, doc_no: 'D', amount_fen: 400 };
    expect(withChange(rows, { add: [added] }).map((r) => r.id)).toEqual([1, 2, 3, 4]);
    const twice = withChange(withChange(rows, { add: [added] }), { add: [added] });
    expect(twice.map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });

  it('undoing a delete brings the row back', () => {
    const out = withChange(withChange(rows, { remove: [rows[0]!] }), { add: [rows[0]!] });
    expect(out.map((r) => r.id).sort()).toEqual([1, 2, 3]);
  });
});
