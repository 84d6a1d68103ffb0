import { type Kysely, sql } from 'kysely';
import { EXAMPLE_TEMPLATE } from '../src/shared/evaluation/example';
import { runAll } from './engine';

/**
 * 绩效评价 (issue #16): evaluation templates, one row per version (a version is never changed: editing a
 * template saves version n+1 of the same family, so an evaluation keeps the version it was made with), the
 * evaluations per fund and year, and their hand scores. The indicators of a version are one JSON document
 * (checked by src/shared/evaluation/template.ts before it is written). The example template ships here.
 */
const up_ = [
  `CREATE TABLE evaluation_templates (
  id INTEGER PRIMARY KEY,
  family_id INTEGER NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),
  note TEXT,
  indicators_json TEXT NOT NULL CHECK (json_valid(indicators_json)),
  grades_json TEXT NOT NULL CHECK (json_valid(grades_json)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (family_id, version))`,
  `CREATE TABLE evaluations (
  id INTEGER PRIMARY KEY,
  fund_id INTEGER NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  template_id INTEGER NOT NULL REFERENCES evaluation_templates(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (fund_id, year))`,
  `CREATE INDEX evaluations_year ON evaluations(year, fund_id)`,
  `CREATE TABLE evaluation_scores (
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
  indicator_key TEXT NOT NULL,
  score REAL CHECK (score IS NULL OR score >= 0),
  comment TEXT,
  PRIMARY KEY (evaluation_id, indicator_key))`,
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await runAll(db, up_);
  const t = EXAMPLE_TEMPLATE;
  await sql`INSERT INTO evaluation_templates (id, family_id, version, name, is_example, note, indicators_json, grades_json)
    VALUES (1, 1, 1, ${t.name}, 1, ${t.note}, ${JSON.stringify(t.indicators)}, ${JSON.stringify(t.grades)})`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['evaluation_scores', 'evaluations', 'evaluation_templates']) {
    await sql.raw(`DROP TABLE IF EXISTS ${t}`).execute(db);
  }
}
