import { z } from 'zod';
import { ENTITY, type Entity } from '../domain';
import type { FieldIssue } from '../schemas/issue';
import { channel } from './define';
import { unitSchema } from './fields';
import { fieldKey, recordRows, recordValues, whereFilter } from './limits';

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

/** A block of a large ledger's grid (`ledger.page`); with `totals`, the count and 合计 sums of the filtered rows. */
export interface LedgerPage extends LedgerTable {
  count?: number;
  totals?: Record<string, number>;
}

/** One condition of an AG Grid text or number column filter, as the grid's filter model holds it. */
const filterCondition = z.object({
  filterType: z.enum(['text', 'number'], { error: '未知的筛选类型' }),
  type: z.string().max(40),
  filter: z.union([z.string().max(500), z.number()]).nullish(),
  filterTo: z.number().nullish(),
});
export type FilterCondition = z.infer<typeof filterCondition>;
const columnFilter = z.union([
  z.object({
    filterType: z.enum(['text', 'number']),
    operator: z.enum(['AND', 'OR']),
    conditions: z.array(filterCondition).max(10),
  }),
  filterCondition,
]);
export type ColumnFilter = z.infer<typeof columnFilter>;

/** The most rows one `ledger.page` call returns. */
export const PAGE_MAX_ROWS = 5_000;

const pageRequest = z
  .object({
    entity: entityName,
    where: whereFilter.optional(),
    sort: z
      .array(z.object({ colId: fieldKey, sort: z.enum(['asc', 'desc']) }))
      .max(20)
      .optional(),
    filter: z.record(fieldKey, columnFilter).optional(),
    quick: z.string().max(500, { error: '搜索内容过长' }).optional(),
    /** The columns shown (quick search looks in these). */
    fields: z.array(fieldKey).max(100).optional(),
    /** The unit money filters are typed in. */
    unit: unitSchema,
    startRow: z.number().int().nonnegative(),
    endRow: z.number().int().positive(),
    totals: z.boolean().optional(),
  })
  .refine((r) => r.endRow > r.startRow && r.endRow - r.startRow <= PAGE_MAX_ROWS, {
    error: `每次最多读取 ${PAGE_MAX_ROWS} 行`,
  });
export type PageRequest = z.infer<typeof pageRequest>;

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
  /**
   * One block of a large ledger's grid (AG Grid's Infinite Row Model): sorted, filtered and searched in SQL;
   * rows `startRow` to `endRow` (exclusive), with `totals` the count and 合计 sums of every matching row.
   */
  'ledger.page': channel<LedgerPage>()(pageRequest),
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
