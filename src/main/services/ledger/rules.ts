import { ENTITY, type Entity, labelOf } from '../../../shared/domain';
import type { FieldIssue } from '../../../shared/schemas/entities';
import type { Db } from '../../db/open';
import { REGISTRY } from './registry';

type Values = Record<string, unknown>;

const LINKS: Record<string, { entity: Entity; label: string }> = {
  manager_id: { entity: 'manager', label: '基金管理人' },
  fund_id: { entity: 'fund', label: '基金' },
  enterprise_id: { entity: 'enterprise', label: '企业' },
  institution_id: { entity: 'institution', label: '投资机构' },
};

/**
 * Rules that need the stored data: unique columns (naming the record that already has the value),
 * linked records that must exist, and a 返投 recognition never counted twice for one fund and enterprise.
 */
export async function checkRules(
  db: Db,
  entity: Entity,
  v: Values,
  selfId: number | null,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const def = REGISTRY[entity];
  for (const u of def.uniques) {
    const value = v[u.column];
    if (value == null || value === '') continue;
    let q = db
      .selectFrom(def.table)
      .selectAll()
      .where(u.column as never, '=', value as never);
    if (selfId != null) q = q.where('id', '!=', selfId);
    const other = await q.executeTakeFirst();
    if (other) {
      issues.push({
        field: u.column,
        code: 'unique',
        message: `${u.label}“${value}”已被${def.label}“${def.nameOf(other as Values)}”（编号 ${(other as Values).id}）使用`,
      });
    }
  }
  for (const [col, link] of Object.entries(LINKS)) {
    const id = v[col];
    if (typeof id !== 'number') continue;
    const t = REGISTRY[link.entity].table;
    const found = await db.selectFrom(t).select('id').where('id', '=', id).executeTakeFirst();
    if (!found)
      issues.push({ field: col, code: 'missing_link', message: `所选${link.label}（编号 ${id}）不存在` });
  }
  if (entity === 'valuation' && typeof v.fund_id === 'number' && typeof v.as_of_date === 'string') {
    let q = db
      .selectFrom('valuations')
      .select('id')
      .where('fund_id', '=', v.fund_id)
      .where('as_of_date', '=', v.as_of_date);
    if (selfId != null) q = q.where('id', '!=', selfId);
    const other = await q.executeTakeFirst();
    if (other) {
      issues.push({
        field: 'as_of_date',
        code: 'valuation_date',
        message: `该基金在 ${v.as_of_date} 已有估值（编号 ${other.id}），同一估值日只能有一条`,
      });
    }
  }
  if ((entity === 'investment' || entity === 'landed_project') && v.reinvest_category != null) {
    const clash = await findRecognition(db, v.fund_id as number, v.enterprise_id as number, entity, selfId);
    if (clash) {
      issues.push({
        field: 'reinvest_category',
        code: 'recognition',
        message: `该基金对该企业已有返投认定（${clash}），同一基金与企业只能认定一次`,
      });
    }
  }
  return issues;
}

async function findRecognition(
  db: Db,
  fundId: number,
  enterpriseId: number,
  entity: 'investment' | 'landed_project',
  selfId: number | null,
): Promise<string | null> {
  for (const other of ['investment', 'landed_project'] as const) {
    const t = other === 'investment' ? 'investments' : 'landed_projects';
    let q = db
      .selectFrom(t)
      .select(['id', 'reinvest_category'])
      .where('fund_id', '=', fundId)
      .where('enterprise_id', '=', enterpriseId)
      .where('reinvest_category', 'is not', null);
    if (other === entity && selfId != null) q = q.where('id', '!=', selfId);
    const r = await q.executeTakeFirst();
    if (r) return `${labelOf(ENTITY, other)}编号 ${r.id}`;
  }
  return null;
}
