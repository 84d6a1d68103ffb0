import { type Flows, type LedgerColumns, NO_FLOWS } from '../../../shared/metrics/fund';
import { daysOfKeys } from '../../../shared/metrics/xirr';

/** The ledger of fund `id` in `ledgers`, added empty (no flows, no NAV) the first time it is asked for. */
export function ledgerIn(ledgers: Map<number, LedgerColumns>, id: number): LedgerColumns {
  let l = ledgers.get(id);
  if (!l) {
    l = { calls: NO_FLOWS, distributions: NO_FLOWS, valuations: [] };
    ledgers.set(id, l);
  }
  return l;
}

/** The flows of one fund and type from `dates` (10 bytes each, end to end) and `fens` (comma-separated). */
export function parseFlows(dates: Uint8Array, fens: Uint8Array): Flows {
  const n = dates.length / 10;
  const keys = new Int32Array(n);
  const amounts = new Float64Array(n);
  const end = fens.length;
  for (let k = 0, i = 0, j = 0; k < n; k++, i += 10, j++) {
    keys[k] =
      (dates[i]! - 48) * 10000000 +
      (dates[i + 1]! - 48) * 1000000 +
      (dates[i + 2]! - 48) * 100000 +
      (dates[i + 3]! - 48) * 10000 +
      (dates[i + 5]! - 48) * 1000 +
      (dates[i + 6]! - 48) * 100 +
      (dates[i + 8]! - 48) * 10 +
      (dates[i + 9]! - 48);
    let fen = 0;
    for (; j < end; j++) {
      const c = fens[j]!;
      if (c === 44) break;
      fen = fen * 10 + (c - 48);
    }
    amounts[k] = fen;
  }
  return { dates: keys, days: daysOfKeys(keys), fens: amounts };
}
