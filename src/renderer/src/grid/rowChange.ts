type Row = Record<string, unknown> & { id: number };

/** A change the grid made to its rows: records added, updated (whole rows as stored) or removed. */
export interface RowChange {
  add?: Row[];
  update?: Row[];
  remove?: Row[];
}

/**
 * The cached rows with a change applied, so that the rows the grid is given are the rows it shows: an update
 * of the grid still queued with the old list, or a render giving it again, cannot bring a deleted row back or
 * undo an edit. (The refetch that follows a change then reads the ledger as it is now.)
 */
export function withChange(rows: Row[], change: RowChange): Row[] {
  const gone = new Set((change.remove ?? []).map((r) => r.id));
  const updated = new Map((change.update ?? []).map((r) => [r.id, r]));
  let kept = rows;
  if (gone.size > 0 || updated.size > 0) {
    // A plain loop: a ledger can hold 100,000 rows, and this runs at each edit.
    kept = [];
    for (const r of rows) if (!gone.has(r.id)) kept.push(updated.get(r.id) ?? r);
  }
  if (!change.add?.length) return kept;
  const have = new Set(kept.map((r) => r.id));
  return kept.concat(change.add.filter((r) => !have.has(r.id)));
}
