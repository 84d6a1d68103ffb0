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

async function storedKeys(db: Db, entity: Entity): Promise<Map<string, { id: number; name: string }>> {
  const rows = (await db.selectFrom(REGISTRY[entity].table).selectAll().execute()) as Values[];
  const m = new Map<string, { id: number; name: string }>();
  for (const r of rows) {
    const k = duplicateKey(entity, r);
    if (k) m.set(k, { id: r.id as number, name: REGISTRY[entity].nameOf(r) });
  }
  return m;
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
  const stored = await storedKeys(db, entity);
  const seen = new Map<string, number>();
  const recognised = new Map<string, number>();
  const out: BulkRowResult[] = [];
  const label = REGISTRY[entity].label;
  const dup = duplicateWhat(entity);
  for (let i = 0; i < rows.length; i++) {
    const r = validateEntity(entity, rows[i]);
    const res: BulkRowResult = { row: i + 1, ok: true, issues: [] };
    if (!r.ok) {
      res.ok = false;
      res.issues = r.issues;
    } else {
      const v = r.value as Values;
      const key = duplicateKey(entity, v);
      const holder = key ? stored.get(key) : undefined;
      if (holder) {
        res.ok = false;
        res.duplicateOf = `已有${label}“${holder.name}”（编号 ${holder.id}）`;
        res.issues.push({
          field: dup.field,
          message: `与已有${label}“${holder.name}”（编号 ${holder.id}）重复：${dup.what}`,
        });
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
