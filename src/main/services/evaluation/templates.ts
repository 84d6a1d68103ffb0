/**
 * 评价模板: every version is one row of evaluation_templates and is never changed. Saving an edited template
 * adds version n+1 to its family; a copy starts a new family. Evaluations point at the version they were
 * made with, so last year's scores never move when this year's template changes.
 */

import {
  checkTemplate,
  type Grade,
  type Indicator,
  type TemplateBody,
  templateBodySchema,
} from '../../../shared/evaluation/template';
import type { TemplateSummary, TemplateVersion } from '../../../shared/evaluation/types';
import type { OpenedDb } from '../../db/open';
import { fail } from '../ledger/errors';
import { writeRawAudit } from './audit';

type Raw = OpenedDb['raw'];
const DEFAULT_KEY = 'evaluation:default_family';

interface Row {
  id: number;
  family_id: number;
  version: number;
  name: string;
  is_example: number;
  note: string | null;
  indicators_json: string;
  grades_json: string;
  created_at: string;
}

function toVersion(raw: Raw, r: Row): TemplateVersion {
  const latest = raw
    .prepare('SELECT max(version) FROM evaluation_templates WHERE family_id = ?')
    .pluck()
    .get(r.family_id) as number;
  const used = raw
    .prepare('SELECT count(*) FROM evaluations WHERE template_id = ?')
    .pluck()
    .get(r.id) as number;
  return {
    id: r.id,
    family_id: r.family_id,
    version: r.version,
    name: r.name,
    note: r.note,
    is_example: r.is_example === 1,
    created_at: r.created_at,
    indicators: JSON.parse(r.indicators_json) as Indicator[],
    grades: JSON.parse(r.grades_json) as Grade[],
    latest: latest === r.version,
    evaluations: used,
  };
}

/** One version, by id (throws a Chinese not_found). */
export function getTemplate(raw: Raw, id: number): TemplateVersion {
  const r = raw.prepare('SELECT * FROM evaluation_templates WHERE id = ?').get(id) as Row | undefined;
  if (!r) fail('not_found', `找不到评价模板（编号${id}）`);
  return toVersion(raw, r);
}

/** Every version of a family, newest first. */
export function templateVersions(raw: Raw, familyId: number) {
  return raw
    .prepare(
      `SELECT t.id, t.version, t.created_at, (SELECT count(*) FROM evaluations e WHERE e.template_id = t.id) AS evaluations
       FROM evaluation_templates t WHERE family_id = ? ORDER BY version DESC`,
    )
    .all(familyId) as { id: number; version: number; created_at: string; evaluations: number }[];
}

/** The family new evaluations use: the one chosen, or the oldest. */
export function defaultFamily(raw: Raw): number | null {
  const chosen = raw.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(DEFAULT_KEY) as
    | string
    | undefined;
  if (chosen) {
    const ok = raw.prepare('SELECT 1 FROM evaluation_templates WHERE family_id = ?').get(Number(chosen));
    if (ok) return Number(chosen);
  }
  return (
    (raw.prepare('SELECT min(family_id) FROM evaluation_templates').pluck().get() as number | null) ?? null
  );
}

/** The latest version of the default family (for a fund-year not evaluated yet). */
export function defaultTemplateId(raw: Raw): number {
  const fam = defaultFamily(raw);
  const id =
    fam === null
      ? undefined
      : (raw
          .prepare('SELECT id FROM evaluation_templates WHERE family_id = ? ORDER BY version DESC LIMIT 1')
          .pluck()
          .get(fam) as number | undefined);
  if (id === undefined) fail('not_found', '还没有评价模板：请先新建或导入一个模板');
  return id;
}

export function setDefaultFamily(raw: Raw, familyId: number) {
  const ok = raw.prepare('SELECT 1 FROM evaluation_templates WHERE family_id = ?').get(familyId);
  if (!ok) fail('not_found', `找不到评价模板（编号${familyId}）`);
  raw
    .prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
    .run(DEFAULT_KEY, String(familyId));
}

/** The latest version of every template. */
export function listTemplates(raw: Raw): TemplateSummary[] {
  const def = defaultFamily(raw);
  const rows = raw
    .prepare(
      `SELECT t.*, (SELECT count(*) FROM evaluation_templates v WHERE v.family_id = t.family_id) AS versions,
         (SELECT count(*) FROM evaluations e JOIN evaluation_templates v ON v.id = e.template_id
           WHERE v.family_id = t.family_id) AS used
       FROM evaluation_templates t
       WHERE t.version = (SELECT max(version) FROM evaluation_templates v WHERE v.family_id = t.family_id)
       ORDER BY t.family_id`,
    )
    .all() as (Row & { versions: number; used: number })[];
  return rows.map((r) => ({
    id: r.id,
    family_id: r.family_id,
    version: r.version,
    name: r.name,
    is_example: r.is_example === 1,
    is_default: r.family_id === def,
    note: r.note,
    created_at: r.created_at,
    versions: r.versions,
    evaluations: r.used,
    indicators: (JSON.parse(r.indicators_json) as unknown[]).length,
  }));
}

/** A template body checked for saving: the shape, then weights, tables and grades (Chinese messages). */
export function validTemplate(input: unknown): TemplateBody {
  const parsed = templateBodySchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.') || null, message: i.message }));
    fail('validation', `模板无法保存：${issues[0]!.message}`, issues);
  }
  const body = parsed.data as TemplateBody;
  // Scoring tables are kept sorted; a hand-scored indicator has none.
  for (const i of body.indicators) {
    if (i.method === 'manual') {
      i.metric = null;
      i.scoring = [];
    } else i.scoring.sort((a, b) => a.value - b.value);
  }
  body.grades.sort((a, b) => b.min - a.min);
  const errs = checkTemplate(body);
  if (errs.length) {
    fail(
      'validation',
      `模板无法保存：${errs[0]}${errs.length > 1 ? `（另有${errs.length - 1}处问题）` : ''}`,
      errs.map((message) => ({ field: null, message })),
    );
  }
  return body;
}

/**
 * Save a template: version n+1 of `familyId`, or version 1 of a new family when familyId is null. Returns the
 * saved version. Nothing is written when the template is not valid.
 */
export function saveTemplate(
  raw: Raw,
  familyId: number | null,
  input: unknown,
  opts: { isExample?: boolean } = {},
): TemplateVersion {
  const body = validTemplate(input);
  const id = raw.transaction(() => {
    let version = 1;
    let isExample = opts.isExample ? 1 : 0;
    if (familyId !== null) {
      const cur = raw
        .prepare(
          'SELECT max(version) AS v, max(is_example) AS ex FROM evaluation_templates WHERE family_id = ?',
        )
        .get(familyId) as { v: number | null; ex: number | null };
      if (cur.v === null) fail('not_found', `找不到评价模板（编号${familyId}）`);
      version = cur.v + 1;
      isExample = cur.ex ?? 0;
    }
    const info = raw
      .prepare(
        `INSERT INTO evaluation_templates (family_id, version, name, is_example, note, indicators_json, grades_json)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        familyId ?? 0,
        version,
        body.name,
        isExample,
        body.note,
        JSON.stringify(body.indicators),
        JSON.stringify(body.grades),
      );
    const newId = Number(info.lastInsertRowid);
    if (familyId === null)
      raw.prepare('UPDATE evaluation_templates SET family_id = id WHERE id = ?').run(newId);
    writeRawAudit(raw, {
      action: 'create',
      entity: 'evaluation_template',
      id: newId,
      summary: `评价模板“${body.name}”第${version}版`,
      after: body,
    });
    return newId;
  })();
  return getTemplate(raw, id);
}

/** A copy of a version as a new template of the office's own (not an example). */
export function copyTemplate(raw: Raw, id: number): TemplateVersion {
  const t = getTemplate(raw, id);
  const name = `${t.name.replace(/（示例）$/, '')}（副本）`.slice(0, 60);
  return saveTemplate(raw, null, { name, note: t.note, indicators: t.indicators, grades: t.grades });
}

/** Delete every version of a template no evaluation uses (and never the last template). */
export function deleteTemplate(raw: Raw, familyId: number) {
  raw.transaction(() => {
    const versions = templateVersions(raw, familyId);
    if (!versions.length) fail('not_found', `找不到评价模板（编号${familyId}）`);
    const used = versions.reduce((s, v) => s + v.evaluations, 0);
    if (used > 0) fail('in_use', `该模板已用于${used}份评价，不能删除（评价保留其所用版本）`);
    const others = raw
      .prepare('SELECT count(*) FROM evaluation_templates WHERE family_id <> ?')
      .pluck()
      .get(familyId) as number;
    if (others === 0) fail('in_use', '这是唯一的评价模板，不能删除');
    const latest = getTemplate(raw, versions[0]!.id);
    raw.prepare('DELETE FROM evaluation_templates WHERE family_id = ?').run(familyId);
    writeRawAudit(raw, {
      action: 'delete',
      entity: 'evaluation_template',
      id: latest.id,
      summary: `删除评价模板“${latest.name}”（共${versions.length}版）`,
      before: latest,
    });
  })();
}
