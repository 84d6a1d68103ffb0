import type { Entity } from '../../../shared/domain';
import type { Db } from '../../db/open';
import { normName } from '../import/links';
import { REGISTRY } from './registry';

/**
 * What a duplicate is: the one rule for the grid's paste (bulk.ts) and the import (import/service.ts).
 * A row repeats a stored record or an earlier row of its batch when one of its keys matches; a `hard`
 * key is one the database forbids twice (a USCC, an institution's name, a fund's valuation date), the
 * others are likely repeats a user may still import on purpose.
 */

type Values = Record<string, unknown>;

export interface DuplicateKey {
  key: string;
  hard: boolean;
  /** The field a message about it points at (null: the row as a whole). */
  field: string | null;
  /** Why two rows are the same, for the user. */
  what: string;
}

const name = (x: unknown) => (typeof x === 'string' ? normName(x) : '');

/** The keys of a (validated) row. */
export function duplicateKeys(entity: Entity, v: Values): DuplicateKey[] {
  switch (entity) {
    case 'manager':
    case 'fund':
    case 'enterprise':
      return [
        ...(v.uscc
          ? [{ key: `uscc:${v.uscc}`, hard: true, field: 'uscc', what: '统一社会信用代码相同' }]
          : []),
        entity === 'fund'
          ? { key: `name:${v.kind}:${name(v.name)}`, hard: false, field: 'name', what: '基金类型和名称相同' }
          : { key: `name:${name(v.name)}`, hard: false, field: 'name', what: '名称相同' },
      ];
    case 'institution':
      return [{ key: `name:${name(v.name)}`, hard: true, field: 'name', what: '机构名称相同' }];
    case 'cash_flow':
      // Flows alike in all but their type or document number are two flows.
      return [
        {
          key: `${v.fund_id}|${v.date}|${v.type}|${v.amount_fen}|${v.doc_no ?? ''}`,
          hard: false,
          field: null,
          what: '基金、日期、类型、金额和单据编号都相同',
        },
      ];
    case 'valuation':
      return [
        { key: `${v.fund_id}|${v.as_of_date}`, hard: true, field: 'as_of_date', what: '同一基金同一估值日' },
      ];
    case 'investment':
      return [
        {
          key: `${v.fund_id}|${v.enterprise_id}|${v.date}|${v.amount_fen}`,
          hard: false,
          field: null,
          what: '基金、企业、日期和金额都相同',
        },
      ];
    case 'landed_project':
      return [
        {
          key: `${v.enterprise_id}|${v.landed_date}|${v.amount_fen}`,
          hard: false,
          field: null,
          what: '企业、落地日期和金额都相同',
        },
      ];
    case 'financing_deal':
      return [
        {
          key: `${v.enterprise_id}|${v.institution_id}|${v.first_contact_date ?? ''}`,
          hard: false,
          field: null,
          what: '企业、机构和首次对接日期都相同',
        },
      ];
  }
}

/** The columns duplicateKeys reads, per ledger. */
const KEY_COLUMNS: Record<Entity, string[]> = {
  manager: ['uscc', 'name'],
  fund: ['uscc', 'kind', 'name'],
  enterprise: ['uscc', 'name'],
  institution: ['name'],
  cash_flow: ['fund_id', 'date', 'type', 'amount_fen', 'doc_no'],
  valuation: ['fund_id', 'as_of_date'],
  investment: ['fund_id', 'enterprise_id', 'date', 'amount_fen'],
  landed_project: ['enterprise_id', 'landed_date', 'amount_fen'],
  financing_deal: ['enterprise_id', 'institution_id', 'first_contact_date'],
};

/** The linked record every duplicate key of a ledger starts with. */
const KEY_SCOPE: Partial<Record<Entity, string>> = {
  cash_flow: 'fund_id',
  valuation: 'fund_id',
  investment: 'fund_id',
  landed_project: 'enterprise_id',
  financing_deal: 'enterprise_id',
};

/**
 * Stored records by duplicate key (the lowest id of a key). Only the key columns are read, and where every
 * key starts with a linked record, only the rows of the records the batch names: a 50,000-row import into a
 * ledger of 1,000,000 cash flows does not build a million row objects (bench/README.md).
 */
async function storedKeys(db: Db, entity: Entity, rows: readonly (Values | undefined)[]) {
  const table = REGISTRY[entity].table;
  const columns = ['id', ...KEY_COLUMNS[entity]] as never[];
  const scope = KEY_SCOPE[entity];
  let found: Values[] = [];
  if (scope) {
    const ids = [...new Set(rows.map((v) => v?.[scope]).filter((x): x is number => Number.isSafeInteger(x)))];
    for (let i = 0; i < ids.length; i += 500) {
      const part = (await db
        .selectFrom(table)
        .select(columns)
        .where(scope as never, 'in', ids.slice(i, i + 500) as never)
        .execute()) as Values[];
      for (const r of part) found.push(r);
    }
  } else {
    found = (await db.selectFrom(table).select(columns).execute()) as Values[];
  }
  const m = new Map<string, number>();
  for (const r of found) {
    const id = r.id as number;
    for (const k of duplicateKeys(entity, r)) {
      const had = m.get(k.key);
      if (had === undefined || id < had) m.set(k.key, id);
    }
  }
  return m;
}

export type Repeat =
  | { of: 'stored'; id: number; key: DuplicateKey }
  | { of: 'earlier'; row: number; key: DuplicateKey };

/**
 * Finds the rows of a batch that repeat a stored record or an earlier row. Build it with the batch's
 * validated rows (to read only the stored records they could repeat), then call `check` row by row.
 */
export class DuplicateFinder {
  private readonly seen = new Map<string, number>();
  private constructor(
    private readonly entity: Entity,
    private readonly stored: Map<string, number>,
  ) {}

  static async of(db: Db, entity: Entity, rows: readonly (Values | undefined)[]) {
    return new DuplicateFinder(entity, await storedKeys(db, entity, rows));
  }

  /** What row `row` (its number in the batch) repeats, if anything; its keys count for later rows either way. */
  check(v: Values, row: number): Repeat | null {
    const keys = duplicateKeys(this.entity, v);
    let found: Repeat | null = null;
    for (const key of keys) {
      const id = this.stored.get(key.key);
      if (id !== undefined) {
        found = { of: 'stored', id, key };
        break;
      }
      const earlier = this.seen.get(key.key);
      if (earlier !== undefined) {
        found = { of: 'earlier', row: earlier, key };
        break;
      }
    }
    for (const k of keys) if (!this.seen.has(k.key)) this.seen.set(k.key, row);
    return found;
  }
}

/** The names of stored records, by id, in a few queries (paste and import name the records rows repeat). */
export async function namesOf(db: Db, entity: Entity, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const found = (await db
      .selectFrom(REGISTRY[entity].table)
      .selectAll()
      .where('id', 'in', unique.slice(i, i + 500))
      .execute()) as Values[];
    for (const r of found) names.set(r.id as number, REGISTRY[entity].nameOf(r));
  }
  return names;
}
