import { z } from 'zod';
import { ENTITY, type Entity } from '../domain';
import type { FieldIssue } from '../schemas/entities';
import { channel } from './define';
import { recordRows, recordValues, whereFilter } from './limits';

export const entityName = z.enum(ENTITY.codes, { error: '未知的台账类型' });
const recordId = z.number().int().positive();
const values = recordValues;
/** The row_version the user edited (#17): an older one than stored is refused ('stale'). */
const version = z.number().int().positive().optional();

/** A stored record as the grids show it: columns plus the names of the records it links to. */
export type LedgerRow = Record<string, unknown> & {
  id: number;
  created_at: string;
  updated_at: string;
  /** 1 when created, +1 on each update (optimistic concurrency, #17). */
  row_version: number;
};

export interface BulkRowResult {
  row: number;
  ok: boolean;
  issues: FieldIssue[];
  /** A duplicate of something stored (same USCC; same fund, date and amount). */
  duplicateOf?: string;
}

/**
 * Rows of a ledger as a table: the column names once, then each row as an array of values in that order
 * (less than half the bytes of one object per row, and faster to write and read). A page shorter than
 * its `limit` is the last one.
 */
export interface LedgerTable {
  columns: string[];
  rows: unknown[][];
}

export type LinkEntity = 'manager' | 'fund' | 'enterprise' | 'institution';
export interface LinkOption {
  id: number;
  name: string;
  /** e.g. the fund kind or USCC, to tell same-named records apart. */
  hint?: string;
}

export const ledgerChannels = {
  'ledger.list': channel<LedgerRow[]>()(
    z.object({
      entity: entityName,
      where: whereFilter.optional(),
    }),
  ),
  /**
   * The rows of `ledger.list` as a table, in id order; with `afterId` / `limit`, one page of them (a grid
   * shows its first screenful at once and loads the rest right after).
   */
  'ledger.table': channel<LedgerTable>()(
    z.object({
      entity: entityName,
      where: whereFilter.optional(),
      afterId: z.number().int().nonnegative().optional(),
      limit: z.number().int().positive().max(1_000_000).optional(),
    }),
  ),
  'ledger.get': channel<LedgerRow>()(z.object({ entity: entityName, id: recordId })),
  'ledger.create': channel<LedgerRow>()(z.object({ entity: entityName, values })),
  'ledger.update': channel<LedgerRow>()(z.object({ entity: entityName, id: recordId, values, version })),
  'ledger.delete': channel<LedgerRow>()(z.object({ entity: entityName, id: recordId, version })),
  /** Undo a delete: the record comes back with its id. */
  'ledger.restore': channel<LedgerRow>()(z.object({ entity: entityName, row: values })),
  /** Check rows (paste, import) without writing. */
  'ledger.checkMany': channel<BulkRowResult[]>()(z.object({ entity: entityName, rows: recordRows })),
  /** Add rows all together, or none. */
  'ledger.createMany': channel<{ created: number; ids: number[] }>()(
    z.object({ entity: entityName, rows: recordRows.min(1, { error: '没有要添加的行' }) }),
  ),
  'ledger.options': channel<LinkOption[]>()(
    z.object({ entity: z.enum(['manager', 'fund', 'enterprise', 'institution']) }),
  ),
} as const;

export type { Entity };
