import type { BulkRowResult } from '../../../shared/contract/ledger';
import type { Entity } from '../../../shared/domain';
import { validateEntity } from '../../../shared/schemas/entities';
import type { Db, OpenedDb } from '../../db/open';
import type { AuditSource } from './audit';
import { DuplicateFinder, namesOf } from './duplicates';
import { explainSqliteError, fail } from './errors';
import { REGISTRY } from './registry';
import { checkRules } from './rules';
import { insertRows, writeAtOnce } from './write';

type Values = Record<string, unknown>;

/** A 返投 recognition for one fund and enterprise: counted once, across the batch too. */
function recognitionKey(entity: Entity, v: Values): string | null {
  if ((entity === 'investment' || entity === 'landed_project') && v.reinvest_category != null)
    return `${v.fund_id}|${v.enterprise_id}`;
  return null;
}

/**
 * Check rows as they would be added, without writing: field errors, rule conflicts, rows that repeat a
 * stored record or an earlier row of the batch (duplicates.ts). Row numbers are 1-based positions in `rows`.
 */
export async function checkMany(db: Db, entity: Entity, rows: Values[]): Promise<BulkRowResult[]> {
  const checked = rows.map((row) => validateEntity(entity, row));
  const finder = await DuplicateFinder.of(
    db,
    entity,
    checked.map((r) => (r.ok ? (r.value as Values) : undefined)),
  );
  const recognised = new Map<string, number>();
  const out: BulkRowResult[] = [];
  // Rows repeating a stored record, named once the loop is done.
  const repeats: { res: BulkRowResult; id: number; what: string; field: string | null }[] = [];
  const label = REGISTRY[entity].label;
  for (let i = 0; i < rows.length; i++) {
    const r = checked[i]!;
    const res: BulkRowResult = { row: i + 1, ok: true, issues: [] };
    out.push(res);
    if (!r.ok) {
      res.ok = false;
      res.issues = r.issues;
      continue;
    }
    const v = r.value as Values;
    const repeat = finder.check(v, i + 1);
    const rk = recognitionKey(entity, v);
    if (repeat?.of === 'stored') {
      res.ok = false;
      repeats.push({ res, id: repeat.id, what: repeat.key.what, field: repeat.key.field });
    } else if (repeat?.of === 'earlier') {
      res.ok = false;
      res.duplicateOf = `第 ${repeat.row} 行`;
      res.issues.push({
        field: repeat.key.field,
        code: 'duplicate',
        message: `与本批第 ${repeat.row} 行重复：${repeat.key.what}`,
      });
    } else {
      // A value another record has is a repeat, reported above: the rules' own 'unique' finding is not.
      const ruleIssues = (await checkRules(db, entity, v, null)).filter((x) => x.code !== 'unique');
      if (rk && recognised.has(rk) && !ruleIssues.some((x) => x.code === 'recognition')) {
        ruleIssues.push({
          field: 'reinvest_category',
          code: 'recognition',
          message: `与本批第 ${recognised.get(rk)} 行是同一基金对同一企业的返投认定，同一基金与企业只能认定一次`,
        });
      }
      if (ruleIssues.length > 0) {
        res.ok = false;
        res.issues = ruleIssues;
      }
    }
    if (rk && !recognised.has(rk)) recognised.set(rk, i + 1);
  }
  const names = await namesOf(
    db,
    entity,
    repeats.map((x) => x.id),
  );
  for (const { res, id, what, field } of repeats) {
    const name = names.get(id) ?? '';
    res.duplicateOf = `已有${label}“${name}”（编号 ${id}）`;
    res.issues.push({
      field,
      code: 'duplicate',
      message: `与已有${label}“${name}”（编号 ${id}）重复：${what}`,
    });
  }
  return out;
}

/**
 * Add all rows in one transaction, or none: any refused row aborts the whole batch. The rows are checked
 * inside the write transaction (another window or process cannot add the same rows in between), and no
 * reader sees part of the batch (write.ts).
 */
export async function createMany(
  opened: Pick<OpenedDb, 'db' | 'raw'>,
  entity: Entity,
  rows: Values[],
  source: AuditSource = 'ui',
): Promise<{ created: number; ids: number[] }> {
  const def = REGISTRY[entity];
  try {
    return await writeAtOnce(
      opened,
      async (conn) => {
        const bad = (await checkMany(conn, entity, rows)).filter((c) => !c.ok);
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
        return rows.map((r) => {
          const v = validateEntity(entity, r);
          if (!v.ok) throw new Error('unreachable: checked above');
          return v.value as Values;
        });
      },
      (raw, values) => {
        const ids = insertRows(raw, def.table, values);
        insertRows(
          raw,
          'audit_log',
          values.map((v, j) => ({
            action: 'create',
            entity,
            entity_id: ids[j],
            summary: `批量新增${def.label}“${def.nameOf(v)}”`,
            before_json: null,
            after_json: JSON.stringify({ id: ids[j], ...v }),
            source,
          })),
        );
        return { created: ids.length, ids };
      },
    );
  } catch (e) {
    throw explainSqliteError(e);
  }
}
