import type { BulkRowResult } from '../../../shared/contract/ledger';
import type { Entity } from '../../../shared/domain';
import { validateEntity } from '../../../shared/schemas/entities';
import type { Db } from '../../db/open';
import { type AuditSource, writeAudit } from './audit';
import { explainSqliteError, fail } from './errors';
import { REGISTRY } from './registry';
import { checkRules } from './rules';

type Values = Record<string, unknown>;

/** A key that tells a row is already stored (or repeated in the batch). */
function duplicateKey(entity: Entity, v: Values): string | null {
  switch (entity) {
    case 'manager':
    case 'fund':
    case 'enterprise':
      return v.uscc ? `uscc:${v.uscc}` : null;
    case 'institution':
      return `name:${v.name}`;
    case 'cash_flow':
      // Two flows alike in all but their document number are two flows.
      return `${v.fund_id}|${v.date}|${v.type}|${v.amount_fen}|${v.doc_no ?? ''}`;
    case 'valuation':
      return `${v.fund_id}|${v.as_of_date}`;
    case 'investment':
      return `${v.fund_id}|${v.enterprise_id}|${v.date}|${v.amount_fen}`;
    case 'landed_project':
      return `${v.enterprise_id}|${v.landed_date}|${v.amount_fen}`;
    case 'financing_deal':
      return `${v.enterprise_id}|${v.institution_id}|${v.first_contact_date}`;
  }
}

/** What a repeated key means to the user, and the field it concerns. */
function duplicateWhat(entity: Entity): { field: string | null; what: string } {
  switch (entity) {
    case 'manager':
    case 'fund':
    case 'enterprise':
      return { field: 'uscc', what: '统一社会信用代码相同' };
    case 'institution':
      return { field: 'name', what: '机构名称相同' };
    case 'cash_flow':
      return { field: null, what: '基金、日期、类型、金额和单据编号都相同' };
    case 'valuation':
      return { field: 'as_of_date', what: '同一基金同一估值日' };
    case 'investment':
      return { field: null, what: '基金、企业、日期和金额都相同' };
    case 'landed_project':
      return { field: null, what: '企业、落地日期和金额都相同' };
    case 'financing_deal':
      return { field: null, what: '企业、机构和首次对接日期都相同' };
  }
}

/** The columns duplicateKey reads, per ledger. */
const KEY_COLUMNS: Record<Entity, string[]> = {
  manager: ['uscc'],
  fund: ['uscc'],
  enterprise: ['uscc'],
  institution: ['name'],
  cash_flow: ['fund_id', 'date', 'type', 'amount_fen', 'doc_no'],
  valuation: ['fund_id', 'as_of_date'],
  investment: ['fund_id', 'enterprise_id', 'date', 'amount_fen'],
  landed_project: ['enterprise_id', 'landed_date', 'amount_fen'],
  financing_deal: ['enterprise_id', 'institution_id', 'first_contact_date'],
};

/** The linked record every duplicate key of a ledger starts with (paste and import). */
export const KEY_SCOPE: Partial<Record<Entity, string>> = {
  cash_flow: 'fund_id',
  valuation: 'fund_id',
  investment: 'fund_id',
  landed_project: 'enterprise_id',
  financing_deal: 'enterprise_id',
};

/**
 * Stored records by duplicate key (the lowest id of a key). Only the key columns are read, and for ledgers
 * whose key starts with a linked record only the rows of the records the batch names: pasting 50 cash flows
 * into a ledger of 1,000,000 reads those funds' flows, not a million full rows.
 */
async function storedKeys(db: Db, entity: Entity, batch: Values[]): Promise<Map<string, number>> {
  const table = REGISTRY[entity].table;
  const columns = ['id', ...KEY_COLUMNS[entity]] as never[];
  const scope = KEY_SCOPE[entity];
  let rows: Values[] = [];
  if (scope) {
    const ids = [...new Set(batch.map((v) => v[scope]).filter((x): x is number => Number.isSafeInteger(x)))];
    for (let i = 0; i < ids.length; i += 500) {
      const found = (await db
        .selectFrom(table)
        .select(columns)
        .where(scope as never, 'in', ids.slice(i, i + 500) as never)
        .execute()) as Values[];
      for (const r of found) rows.push(r);
    }
  } else {
    rows = (await db.selectFrom(table).select(columns).execute()) as Values[];
  }
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = duplicateKey(entity, r);
    const had = k ? m.get(k) : undefined;
    if (k && (had === undefined || (r.id as number) < had)) m.set(k, r.id as number);
  }
  return m;
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

/** A 返投 recognition for one fund and enterprise: counted once, across the batch too. */
function recognitionKey(entity: Entity, v: Values): string | null {
  if ((entity === 'investment' || entity === 'landed_project') && v.reinvest_category != null)
    return `${v.fund_id}|${v.enterprise_id}`;
  return null;
}

/**
 * Check rows as they would be added, without writing: field errors, rule conflicts, rows that repeat a
 * stored record or an earlier row of the batch. Row numbers are 1-based positions in `rows`.
 */
export async function checkMany(db: Db, entity: Entity, rows: Values[]): Promise<BulkRowResult[]> {
  const checked = rows.map((row) => validateEntity(entity, row));
  const stored = await storedKeys(
    db,
    entity,
    checked.flatMap((r) => (r.ok ? [r.value as Values] : [])),
  );
  const seen = new Map<string, number>();
  const recognised = new Map<string, number>();
  const out: BulkRowResult[] = [];
  // Rows repeating a stored record, named once the loop is done.
  const repeats: { res: BulkRowResult; id: number }[] = [];
  const label = REGISTRY[entity].label;
  const dup = duplicateWhat(entity);
  for (let i = 0; i < rows.length; i++) {
    const r = checked[i]!;
    const res: BulkRowResult = { row: i + 1, ok: true, issues: [] };
    if (!r.ok) {
      res.ok = false;
      res.issues = r.issues;
    } else {
      const v = r.value as Values;
      const key = duplicateKey(entity, v);
      const holder = key ? stored.get(key) : undefined;
      if (holder !== undefined) {
        res.ok = false;
        repeats.push({ res, id: holder });
      } else if (key && seen.has(key)) {
        res.ok = false;
        res.duplicateOf = `第 ${seen.get(key)} 行`;
        res.issues.push({ field: dup.field, message: `与本批第 ${seen.get(key)} 行重复：${dup.what}` });
      } else {
        const ruleIssues = (await checkRules(db, entity, v, null)).filter((x) => !x.message.includes('已被'));
        const rk = recognitionKey(entity, v);
        if (rk && recognised.has(rk) && !ruleIssues.some((x) => x.field === 'reinvest_category')) {
          ruleIssues.push({
            field: 'reinvest_category',
            message: `与本批第 ${recognised.get(rk)} 行是同一基金对同一企业的返投认定，同一基金与企业只能认定一次`,
          });
        }
        if (ruleIssues.length > 0) {
          res.ok = false;
          res.issues = ruleIssues;
        }
      }
      if (key && !seen.has(key)) seen.set(key, i + 1);
      const rk = recognitionKey(entity, v);
      if (rk && !recognised.has(rk)) recognised.set(rk, i + 1);
    }
    out.push(res);
  }
  const names = await namesOf(
    db,
    entity,
    repeats.map((x) => x.id),
  );
  for (const { res, id } of repeats) {
    const name = names.get(id) ?? '';
    res.duplicateOf = `已有${label}“${name}”（编号 ${id}）`;
    res.issues.push({ field: dup.field, message: `与已有${label}“${name}”（编号 ${id}）重复：${dup.what}` });
  }
  return out;
}

/** Add all rows in one transaction, or none: any refused row aborts the whole batch. */
export async function createMany(
  db: Db,
  entity: Entity,
  rows: Values[],
  source: AuditSource = 'ui',
  onProgress?: (done: number, total: number) => void,
): Promise<{ created: number; ids: number[] }> {
  const checks = await checkMany(db, entity, rows);
  const bad = checks.filter((c) => !c.ok);
  if (bad.length > 0) {
    fail(
      'validation',
      `有 ${bad.length} 行不能添加，全部未写入（第 ${bad
        .slice(0, 5)
        .map((b) => b.row)
        .join('、')}${bad.length > 5 ? ' 等' : ''} 行）`,
      bad.flatMap((b) => b.issues.map((i) => ({ ...i, row: b.row }))),
    );
  }
  const def = REGISTRY[entity];
  const values = rows.map((r) => {
    const v = validateEntity(entity, r);
    if (!v.ok) throw new Error('unreachable: checked above');
    return v.value as Values;
  });
  try {
    return await db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      const CHUNK = 200;
      for (let i = 0; i < values.length; i += CHUNK) {
        const chunk = values.slice(i, i + CHUNK);
        const inserted = await trx
          .insertInto(def.table)
          .values(chunk as never)
          .returning('id')
          .execute();
        for (const [j, r] of inserted.entries()) {
          ids.push(r.id);
          await writeAudit(trx, {
            action: 'create',
            entity,
            id: r.id,
            summary: `批量新增${def.label}“${def.nameOf(chunk[j]!)}”`,
            after: { id: r.id, ...chunk[j] },
            source,
          });
        }
        onProgress?.(Math.min(i + CHUNK, values.length), values.length);
      }
      return { created: ids.length, ids };
    });
  } catch (e) {
    throw explainSqliteError(e);
  }
}
