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
      return `${v.fund_id}|${v.date}|${v.type}|${v.amount_fen}`;
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

async function storedKeys(db: Db, entity: Entity): Promise<Map<string, number>> {
  const rows = (await db.selectFrom(REGISTRY[entity].table).selectAll().execute()) as Values[];
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = duplicateKey(entity, r);
    if (k) m.set(k, r.id as number);
  }
  return m;
}

/**
 * Check rows as they would be added, without writing: field errors, rule conflicts, rows that repeat a
 * stored record or an earlier row of the batch. Row numbers are 1-based positions in `rows`.
 */
export async function checkMany(db: Db, entity: Entity, rows: Values[]): Promise<BulkRowResult[]> {
  const stored = await storedKeys(db, entity);
  const seen = new Map<string, number>();
  const out: BulkRowResult[] = [];
  const label = REGISTRY[entity].label;
  for (let i = 0; i < rows.length; i++) {
    const r = validateEntity(entity, rows[i]);
    const res: BulkRowResult = { row: i + 1, ok: true, issues: [] };
    if (!r.ok) {
      res.ok = false;
      res.issues = r.issues;
    } else {
      const v = r.value as Values;
      const key = duplicateKey(entity, v);
      if (key && stored.has(key)) {
        res.ok = false;
        res.duplicateOf = `已有${label}（编号 ${stored.get(key)}）`;
        res.issues.push({ field: null, message: `与已有${label}（编号 ${stored.get(key)}）重复` });
      } else if (key && seen.has(key)) {
        res.ok = false;
        res.duplicateOf = `第 ${seen.get(key)} 行`;
        res.issues.push({ field: null, message: `与本批第 ${seen.get(key)} 行重复` });
      } else {
        const ruleIssues = (await checkRules(db, entity, v, null)).filter((x) => !x.message.includes('已被'));
        if (ruleIssues.length > 0) {
          res.ok = false;
          res.issues = ruleIssues;
        }
      }
      if (key && !seen.has(key)) seen.set(key, i + 1);
    }
    out.push(res);
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
