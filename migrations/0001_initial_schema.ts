import { type Kysely, sql } from 'kysely';
import { isPostgres, PG_PRELUDE, runAll } from './engine';

/**
 * The whole ledger schema of PRODUCT.md §4. Money is integer fen, dates are 'YYYY-MM-DD' text,
 * every code column is CHECKed against the vocabulary in src/shared/domain.ts.
 */
const DATE = (col: string) =>
  `CHECK (${col} IS NULL OR (${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'))`;
const MONEY = (col: string) => `CHECK (${col} IS NULL OR (typeof(${col}) = 'integer' AND ${col} >= 0))`;
const STAMPS = `created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

const statements = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,

  `CREATE TABLE managers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  uscc TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
  amac_code TEXT,
  contact_person TEXT,
  contact_phone TEXT,
  notes TEXT,
  ${STAMPS})`,

  `CREATE TABLE funds (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('sub','direct')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  manager_id INTEGER REFERENCES managers(id) ON DELETE RESTRICT,
  uscc TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
  amac_code TEXT,
  established_date TEXT ${DATE('established_date')},
  total_size_fen INTEGER NOT NULL DEFAULT 0 ${MONEY('total_size_fen')},
  guidance_commitment_fen INTEGER NOT NULL DEFAULT 0 ${MONEY('guidance_commitment_fen')},
  other_lp_commitment_fen INTEGER NOT NULL DEFAULT 0 ${MONEY('other_lp_commitment_fen')},
  collective_assets_fen INTEGER NOT NULL DEFAULT 0 ${MONEY('collective_assets_fen')},
  industries TEXT NOT NULL DEFAULT '',
  district TEXT,
  invest_end_date TEXT ${DATE('invest_end_date')},
  exit_end_date TEXT ${DATE('exit_end_date')},
  extension_end_date TEXT ${DATE('extension_end_date')},
  status TEXT NOT NULL DEFAULT 'investing' CHECK (status IN ('fundraising','investing','exiting','liquidated')),
  reinvest_multiple REAL CHECK (reinvest_multiple IS NULL OR reinvest_multiple >= 0),
  reinvest_base TEXT NOT NULL DEFAULT 'commitment' CHECK (reinvest_base IN ('commitment','paid_in')),
  reinvest_deadline TEXT ${DATE('reinvest_deadline')},
  fee_terms TEXT,
  carry_terms TEXT,
  notes TEXT,
  ${STAMPS},
  CHECK (guidance_commitment_fen <= total_size_fen),
  CHECK (collective_assets_fen <= other_lp_commitment_fen OR other_lp_commitment_fen = 0),
  CHECK (invest_end_date IS NULL OR established_date IS NULL OR invest_end_date > established_date),
  CHECK (exit_end_date IS NULL OR invest_end_date IS NULL OR exit_end_date >= invest_end_date),
  CHECK (extension_end_date IS NULL OR exit_end_date IS NULL OR extension_end_date >= exit_end_date))`,
  `CREATE INDEX funds_kind ON funds(kind)`,
  `CREATE INDEX funds_manager ON funds(manager_id)`,

  `CREATE TABLE cash_flows (
  id INTEGER PRIMARY KEY,
  fund_id INTEGER NOT NULL REFERENCES funds(id) ON DELETE RESTRICT,
  date TEXT NOT NULL ${DATE('date')},
  type TEXT NOT NULL CHECK (type IN ('call','distribution','fee','other')),
  amount_fen INTEGER NOT NULL ${MONEY('amount_fen')},
  doc_no TEXT,
  note TEXT,
  ${STAMPS})`,
  `CREATE INDEX cash_flows_fund_date ON cash_flows(fund_id, date)`,
  `CREATE INDEX cash_flows_type_date ON cash_flows(type, date)`,

  `CREATE TABLE valuations (
  id INTEGER PRIMARY KEY,
  fund_id INTEGER NOT NULL REFERENCES funds(id) ON DELETE RESTRICT,
  as_of_date TEXT NOT NULL ${DATE('as_of_date')},
  nav_fen INTEGER NOT NULL ${MONEY('nav_fen')},
  source TEXT NOT NULL DEFAULT 'gp_report' CHECK (source IN ('gp_report','audit','other')),
  note TEXT,
  ${STAMPS},
  UNIQUE (fund_id, as_of_date))`,

  `CREATE TABLE enterprises (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  uscc TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
  industry TEXT NOT NULL DEFAULT 'other' CHECK (industry IN ('auto','storage','bio','semi','terminal','ict','other')),
  district TEXT,
  in_district INTEGER NOT NULL DEFAULT 0 CHECK (in_district IN (0,1)),
  founded_date TEXT ${DATE('founded_date')},
  contact_person TEXT,
  contact_phone TEXT,
  notes TEXT,
  ${STAMPS})`,
  `CREATE INDEX enterprises_industry ON enterprises(industry)`,

  `CREATE TABLE investments (
  id INTEGER PRIMARY KEY,
  fund_id INTEGER NOT NULL REFERENCES funds(id) ON DELETE RESTRICT,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id) ON DELETE RESTRICT,
  date TEXT NOT NULL ${DATE('date')},
  amount_fen INTEGER NOT NULL ${MONEY('amount_fen')},
  round TEXT,
  stake_pct REAL CHECK (stake_pct IS NULL OR (stake_pct >= 0 AND stake_pct <= 100)),
  post_money_fen INTEGER ${MONEY('post_money_fen')},
  status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held','exited')),
  exit_date TEXT ${DATE('exit_date')},
  exit_proceeds_fen INTEGER ${MONEY('exit_proceeds_fen')},
  current_value_fen INTEGER ${MONEY('current_value_fen')},
  reinvest_category TEXT CHECK (reinvest_category IS NULL OR reinvest_category IN ('registered','relocated','subsidiary','introduced','other')),
  reinvest_recognised_fen INTEGER ${MONEY('reinvest_recognised_fen')},
  notes TEXT,
  ${STAMPS},
  CHECK (exit_date IS NULL OR exit_date >= date),
  CHECK (status = 'held' OR exit_date IS NOT NULL),
  CHECK ((reinvest_category IS NULL) = (reinvest_recognised_fen IS NULL)))`,
  `CREATE INDEX investments_fund ON investments(fund_id, date)`,
  `CREATE INDEX investments_enterprise ON investments(enterprise_id)`,
  `CREATE UNIQUE INDEX investments_one_recognition ON investments(fund_id, enterprise_id) WHERE reinvest_category IS NOT NULL`,

  `CREATE TABLE landed_projects (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id) ON DELETE RESTRICT,
  name TEXT,
  fund_id INTEGER REFERENCES funds(id) ON DELETE RESTRICT,
  landed_date TEXT NOT NULL ${DATE('landed_date')},
  amount_fen INTEGER NOT NULL ${MONEY('amount_fen')},
  kind TEXT NOT NULL DEFAULT 'new' CHECK (kind IN ('new','relocation','capital_increase','subsidiary')),
  industry TEXT NOT NULL DEFAULT 'other' CHECK (industry IN ('auto','storage','bio','semi','terminal','ict','other')),
  status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN ('signed','registered','operating','cancelled')),
  reinvest_category TEXT CHECK (reinvest_category IS NULL OR reinvest_category IN ('registered','relocated','subsidiary','introduced','other')),
  reinvest_recognised_fen INTEGER ${MONEY('reinvest_recognised_fen')},
  notes TEXT,
  ${STAMPS},
  CHECK ((reinvest_category IS NULL) = (reinvest_recognised_fen IS NULL)),
  CHECK (reinvest_category IS NULL OR fund_id IS NOT NULL))`,
  `CREATE INDEX landed_projects_date ON landed_projects(landed_date)`,
  `CREATE INDEX landed_projects_fund ON landed_projects(fund_id)`,
  `CREATE INDEX landed_projects_enterprise ON landed_projects(enterprise_id)`,
  `CREATE UNIQUE INDEX landed_projects_one_recognition ON landed_projects(fund_id, enterprise_id) WHERE reinvest_category IS NOT NULL`,

  `CREATE TABLE institutions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  kind TEXT NOT NULL DEFAULT 'vc' CHECK (kind IN ('vc','pe','bank','state','cvc','other')),
  contact_person TEXT,
  contact_phone TEXT,
  notes TEXT,
  ${STAMPS})`,

  `CREATE TABLE financing_deals (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id) ON DELETE RESTRICT,
  institution_id INTEGER NOT NULL REFERENCES institutions(id) ON DELETE RESTRICT,
  stage TEXT NOT NULL DEFAULT 'contact' CHECK (stage IN ('contact','dd','ts','closed','dropped')),
  first_contact_date TEXT ${DATE('first_contact_date')},
  amount_sought_fen INTEGER ${MONEY('amount_sought_fen')},
  amount_closed_fen INTEGER ${MONEY('amount_closed_fen')},
  closed_date TEXT ${DATE('closed_date')},
  round TEXT,
  notes TEXT,
  ${STAMPS},
  CHECK (stage <> 'closed' OR (amount_closed_fen IS NOT NULL AND amount_closed_fen > 0 AND closed_date IS NOT NULL)),
  CHECK (closed_date IS NULL OR first_contact_date IS NULL OR closed_date >= first_contact_date))`,
  `CREATE INDEX financing_deals_enterprise ON financing_deals(enterprise_id)`,
  `CREATE INDEX financing_deals_institution ON financing_deals(institution_id)`,
  `CREATE INDEX financing_deals_stage ON financing_deals(stage, closed_date)`,

  `CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  action TEXT NOT NULL CHECK (action IN ('create','update','delete')),
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  summary TEXT,
  before_json TEXT,
  after_json TEXT,
  source TEXT NOT NULL DEFAULT 'ui')`,
  `CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)`,
  `CREATE INDEX audit_log_at ON audit_log(at)`,
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await runAll(db, PG_PRELUDE);
  await runAll(db, statements);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'audit_log',
    'financing_deals',
    'institutions',
    'landed_projects',
    'investments',
    'enterprises',
    'valuations',
    'cash_flows',
    'funds',
    'managers',
    'meta',
  ]) {
    await sql.raw(`DROP TABLE IF EXISTS ${t}`).execute(db);
  }
}
