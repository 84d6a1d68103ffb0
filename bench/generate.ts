/**
 * The benchmark databases: the demo (1x) and the demo grown with synthetic, schema-valid rows to 10x and
 * 100x (the sizes of issue #6: about 1,000 funds, 1,000,000 cash flows and 100,000 investments, landed
 * projects and financing deals at 100x), plus a small database with 50,000 extra cash flows that the
 * export and import rows use. Rows go in through raw better-sqlite3 prepared statements in one
 * transaction; each file is cached in bench/tmp/ under a key made of the generator's version and a hash of
 * the code it depends on (this file, the demo generator, the migrations), so re-runs are fast and a change
 * to any of them builds fresh files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '../src/main/db/open';
import { buildDemo } from '../src/main/demo/build';
import { INDUSTRY_WEIGHTS } from '../src/main/demo/context';
import {
  ENTERPRISE_WORDS,
  makeFilingNo,
  makeManagerRegNo,
  makeUscc,
  NameBook,
  OTHER_DISTRICTS,
  PINGSHAN,
  PROJECT_WORDS,
  personName,
  phone,
} from '../src/main/demo/names';
import { dayOf, isoOf, quarterEnds, Rng } from '../src/main/demo/random';
import { DEMO_TABLES, type DemoData } from '../src/main/demo/types';
import { ROUNDS } from '../src/shared/domain';

/** Bump when the generated rows change in a way the hash below would not see. */
export const GENERATOR_VERSION = 1;

export type DbScale = '1x' | '10x' | '100x';

export interface ScaleSpec {
  funds: number;
  cashFlows: number;
  investments: number;
  landedProjects: number;
  financingDeals: number;
  enterprises: number;
  institutions: number;
  managers: number;
}

/** Row counts per scale; 1x is the bundled demo exactly (its counts are whatever buildDemo(1) gives). */
export const SCALE_SPECS: Record<Exclude<DbScale, '1x'>, ScaleSpec> = {
  '10x': {
    funds: 100,
    cashFlows: 100_000,
    investments: 10_000,
    landedProjects: 10_000,
    financingDeals: 10_000,
    enterprises: 5_000,
    institutions: 100,
    managers: 30,
  },
  '100x': {
    funds: 1_000,
    cashFlows: 1_000_000,
    investments: 100_000,
    landedProjects: 100_000,
    financingDeals: 100_000,
    enterprises: 50_000,
    institutions: 1_000,
    managers: 200,
  },
};

/** Rows of the database used for the 50,000-row export and as the import file's source. */
export const EXPORT_ROWS = 50_000;

const root = join(import.meta.dirname, '..');
export const TMP_DIR = join(root, 'bench', 'tmp');

/** Hash of the code the generated files depend on. */
function sourceKey(): string {
  const h = createHash('sha256');
  h.update(String(GENERATOR_VERSION));
  const files = [
    join(root, 'bench', 'generate.ts'),
    ...readdirSync(join(root, 'src', 'main', 'demo')).map((f) => join(root, 'src', 'main', 'demo', f)),
    ...readdirSync(join(root, 'migrations')).map((f) => join(root, 'migrations', f)),
  ].sort();
  for (const f of files) h.update(f.slice(root.length)).update(readFileSync(f));
  return h.digest('hex').slice(0, 10);
}

export interface GeneratedDb {
  path: string;
  /** Seconds it took to build, or 0 when it came from the cache. */
  builtSeconds: number;
  counts: Record<string, number>;
}

/** The database for one scale ('export50k': demo + 50,000 cash flows), built unless cached. */
export async function benchDb(
  which: DbScale | 'export50k',
  log: (s: string) => void = () => {},
): Promise<GeneratedDb> {
  const dir = join(TMP_DIR, 'db');
  mkdirSync(dir, { recursive: true });
  const key = `g${GENERATOR_VERSION}-${sourceKey()}`;
  const path = join(dir, `funddesk-${which}-${key}.sqlite`);
  if (existsSync(path)) return { path, builtSeconds: 0, counts: countRows(path) };
  // Older versions of this file are stale: remove them.
  for (const f of readdirSync(dir)) {
    if (f.startsWith(`funddesk-${which}-`) && !f.startsWith(`funddesk-${which}-${key}`)) rmSync(join(dir, f));
  }
  const t0 = performance.now();
  log(`generating the ${which} database…`);
  const part = `${path}.part`;
  for (const s of ['', '-wal', '-shm']) rmSync(part + s, { force: true });
  // The app creates the schema (migrations, application_id) exactly as for a user's new file.
  const opened = await openDatabase(part);
  await opened.close();
  const raw = new SqliteDatabase(part);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('foreign_keys = OFF'); // ids are consistent by construction; the open-time check verifies
  raw.pragma('cache_size = -200000');
  try {
    raw.transaction(() => {
      const demo = buildDemo(1);
      insertRows(raw, demo);
      if (which === '10x' || which === '100x') new Synthetic(raw, demo, SCALE_SPECS[which], which).run();
      if (which === 'export50k') extraCashFlows(raw, demo, EXPORT_ROWS);
      const meta = raw.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      meta.run('dataset', 'demo');
      meta.run('dataset_note', `benchmark dataset ${which} (bench/generate.ts v${GENERATOR_VERSION})`);
    })();
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.close();
  }
  renameSync(part, path);
  for (const s of ['-wal', '-shm']) rmSync(part + s, { force: true });
  const builtSeconds = (performance.now() - t0) / 1000;
  log(`generated ${which} in ${builtSeconds.toFixed(1)} s`);
  return { path, builtSeconds, counts: countRows(path) };
}

export function countRows(path: string): Record<string, number> {
  const raw = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    const out: Record<string, number> = {};
    for (const [t] of DEMO_TABLES) out[t] = raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return out;
  } finally {
    raw.close();
  }
}

/** Insert a DemoData (explicit ids) with one prepared statement per table. */
function insertRows(raw: SqliteDatabase.Database, data: DemoData) {
  for (const [table] of DEMO_TABLES) {
    const rows = data[table] as readonly Record<string, unknown>[];
    if (rows.length === 0) continue;
    const cols = Object.keys(rows[0]!);
    const st = raw.prepare(
      `INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
    );
    for (const r of rows) st.run(cols.map((c) => r[c] ?? null));
  }
}

// ---- synthetic rows ----

const INDUSTRIES = ['auto', 'storage', 'bio', 'semi', 'terminal', 'ict', 'other'] as const;
type Ind = (typeof INDUSTRIES)[number];
const INDUSTRY_CN: Record<Ind, string> = {
  auto: '新能源汽车',
  storage: '新型储能',
  bio: '生物医药',
  semi: '半导体',
  terminal: '智能终端',
  ict: '数字经济',
  other: '先进制造',
};
const CATEGORIES = ['registered', 'relocated', 'subsidiary', 'introduced', 'other'] as const;
const END = '2025-12-31';
const LAST_NAV = '2025-09-30';
const WAN = 1_000_000;
const YUAN = 100;
const round = (fen: number, unit: number) => Math.max(unit, Math.round(fen / unit) * unit);

interface FundInfo {
  id: number;
  kind: 'sub' | 'direct';
  est: number;
  investEnd: number;
  commit: number;
}
interface EntInfo {
  id: number;
  industry: Ind;
  inDistrict: boolean;
  founded: number;
  brand: string;
}

class Synthetic {
  private readonly rng: Rng;
  private readonly names: NameBook;
  private readonly usccs = new Set<string>();
  private readonly filings = new Set<string>();
  private readonly regNos = new Set<string>();
  private readonly recognised = new Set<string>();
  private readonly funds: FundInfo[] = [];
  private readonly ents: EntInfo[] = [];
  private readonly inDistrict: EntInfo[] = [];
  private managerIds: number[] = [];
  private institutionIds: number[] = [];

  constructor(
    private readonly raw: SqliteDatabase.Database,
    private readonly demo: DemoData,
    private readonly spec: ScaleSpec,
    scale: string,
  ) {
    this.rng = new Rng(20_260_600 + scale.length);
    this.names = new NameBook(this.rng);
    for (const t of ['managers', 'funds', 'enterprises'] as const) {
      for (const r of demo[t]) if (r.uscc) this.usccs.add(r.uscc);
    }
    for (const r of demo.funds) {
      this.names.reserve(r.name);
      if (r.amac_code) this.filings.add(r.amac_code);
    }
    for (const r of demo.managers) {
      this.names.reserve(r.name);
      if (r.amac_code) this.regNos.add(r.amac_code);
    }
    for (const r of demo.enterprises) this.names.reserve(r.name);
    for (const r of demo.institutions) this.names.reserve(r.name);
    for (const r of [...demo.investments, ...demo.landed_projects]) {
      if (r.reinvest_category) this.recognised.add(`${r.fund_id}|${r.enterprise_id}`);
    }
  }

  run() {
    this.managers();
    this.institutions();
    this.enterprises();
    this.fundsAndFlows();
    this.investments();
    this.landed();
    this.deals();
  }

  private date(from: number, to: number): number {
    return to <= from ? from : this.rng.int(from, to);
  }

  private managers() {
    const st = this.raw.prepare(
      'INSERT INTO managers (id, name, uscc, amac_code, contact_person, contact_phone) VALUES (?,?,?,?,?,?)',
    );
    this.managerIds = this.demo.managers.map((m) => m.id);
    let id = this.demo.managers.length;
    while (this.managerIds.length < this.spec.managers) {
      const { name } = this.names.unique((b) => `深圳市${b}私募股权投资基金管理有限公司`);
      const founded = isoOf(this.date(dayOf('2008-01-01'), dayOf('2020-12-31')));
      st.run(
        ++id,
        name,
        makeUscc(this.rng, this.rng.pick(OTHER_DISTRICTS).code, founded, this.usccs),
        makeManagerRegNo(this.rng, this.regNos),
        personName(this.rng),
        phone(this.rng),
      );
      this.managerIds.push(id);
    }
  }

  private institutions() {
    const st = this.raw.prepare(
      'INSERT INTO institutions (id, name, kind, contact_person, contact_phone) VALUES (?,?,?,?,?)',
    );
    this.institutionIds = this.demo.institutions.map((m) => m.id);
    let id = this.demo.institutions.length;
    const kinds = [
      ['vc', '创业投资有限公司'],
      ['pe', '股权投资管理有限公司'],
      ['bank', '银行股份有限公司深圳分行'],
      ['state', '产业投资集团有限公司'],
      ['cvc', '产业资本管理有限公司'],
    ] as const;
    while (this.institutionIds.length < this.spec.institutions) {
      const [kind, suffix] = this.rng.pick(kinds);
      const { name } = this.names.unique((b) => `深圳${b}${suffix}`);
      st.run(++id, name, kind, personName(this.rng), phone(this.rng));
      this.institutionIds.push(id);
    }
  }

  private enterprises() {
    const st = this.raw.prepare(
      `INSERT INTO enterprises (id, name, uscc, industry, district, in_district, founded_date, contact_person, contact_phone)
       VALUES (?,?,?,?,?,?,?,?,?)`,
    );
    for (const e of this.demo.enterprises) {
      const info: EntInfo = {
        id: e.id,
        industry: e.industry as Ind,
        inDistrict: e.in_district === 1,
        founded: e.founded_date ? dayOf(e.founded_date) : dayOf('2010-01-01'),
        brand: e.name.replace(/^深圳市?/, '').slice(0, 2),
      };
      this.ents.push(info);
      if (info.inDistrict) this.inDistrict.push(info);
    }
    let id = this.demo.enterprises.length;
    while (this.ents.length < this.spec.enterprises) {
      const industry = this.rng.weighted(INDUSTRY_WEIGHTS);
      const { name, brand } = this.names.unique(
        (b) => `深圳市${b}${this.rng.pick(ENTERPRISE_WORDS[industry])}有限公司`,
      );
      const inDistrict = this.rng.chance(0.6);
      const district = inDistrict ? PINGSHAN : this.rng.pick(OTHER_DISTRICTS);
      const founded = this.date(dayOf('2000-01-01'), dayOf('2023-06-30'));
      const foundedIso = isoOf(founded);
      st.run(
        ++id,
        name,
        makeUscc(this.rng, district.code, foundedIso, this.usccs),
        industry,
        district.name,
        inDistrict ? 1 : 0,
        foundedIso,
        personName(this.rng),
        phone(this.rng),
      );
      const info: EntInfo = { id, industry, inDistrict, founded, brand };
      this.ents.push(info);
      if (inDistrict) this.inDistrict.push(info);
    }
  }

  private fundsAndFlows() {
    const fundSt = this.raw.prepare(
      `INSERT INTO funds (id, kind, name, manager_id, uscc, amac_code, established_date, total_size_fen,
        guidance_commitment_fen, other_lp_commitment_fen, collective_assets_fen, industries, district,
        invest_end_date, exit_end_date, extension_end_date, status, reinvest_multiple, reinvest_base,
        reinvest_deadline, fee_terms, carry_terms, notes)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const flowSt = this.raw.prepare(
      'INSERT INTO cash_flows (fund_id, date, type, amount_fen, doc_no, note) VALUES (?,?,?,?,?,?)',
    );
    const navSt = this.raw.prepare(
      'INSERT INTO valuations (fund_id, as_of_date, nav_fen, source, note) VALUES (?,?,?,?,?)',
    );
    const count = this.spec.funds - this.demo.funds.length;
    let flowsLeft = this.spec.cashFlows - this.demo.cash_flows.length;
    let id = this.demo.funds.length;
    for (let k = 0; k < count; k++) {
      const { rng } = this;
      const kind = rng.chance(0.8) ? 'sub' : 'direct';
      const industry = rng.weighted(INDUSTRY_WEIGHTS);
      const second = rng.chance(0.5) ? rng.weighted(INDUSTRY_WEIGHTS) : industry;
      const style = kind === 'sub' ? rng.pick(['产业投资基金', '创业投资基金', '股权投资基金']) : '直投基金';
      const { name } = this.names.unique(
        (b) => `深圳坪山${b}${INDUSTRY_CN[industry]}${style}合伙企业（有限合伙）`,
      );
      const est = this.date(dayOf('2014-01-01'), dayOf('2023-06-30'));
      const estIso = isoOf(est);
      const size = round(rng.range(2, 60) * 1e10, 100 * WAN); // 2–60亿元
      const commit = round(size * rng.range(0.1, 0.4), 100 * WAN);
      const other = size - commit;
      const collective = kind === 'direct' ? round(other * rng.range(0, 0.05), WAN) : 0;
      const investEnd = est + 5 * 365 + 1;
      const exitEnd = investEnd + 5 * 365 + 1;
      const extEnd = exitEnd + 2 * 365;
      const status = est > dayOf('2020-12-31') ? 'investing' : rng.chance(0.9) ? 'exiting' : 'liquidated';
      const multiple = kind === 'sub' ? rng.pick([1.5, 2, 1.2]) : null;
      id++;
      fundSt.run(
        id,
        kind,
        name,
        rng.pick(this.managerIds),
        makeUscc(rng, PINGSHAN.code, estIso, this.usccs),
        makeFilingNo(rng, this.filings),
        estIso,
        size,
        commit,
        other,
        collective,
        second === industry ? industry : `${industry},${second}`,
        PINGSHAN.name,
        isoOf(investEnd),
        isoOf(exitEnd),
        isoOf(extEnd),
        status,
        multiple,
        rng.chance(0.8) ? 'commitment' : 'paid_in',
        multiple === null ? null : isoOf(investEnd),
        '投资期内按认缴出资额的2%/年，退出期按未退出投资本金的1.5%/年',
        '门槛收益率8%/年，超额收益的20%分配给普通合伙人',
        null,
      );
      this.funds.push({ id, kind, est, investEnd, commit });
      const n = Math.round(flowsLeft / (count - k));
      flowsLeft -= n;
      this.flowsAndNav(id, est, investEnd, commit, n, flowSt, navSt);
    }
  }

  /** n cash flows of one fund (calls, distributions after year three, fees, others) and quarterly NAVs. */
  private flowsAndNav(
    fundId: number,
    est: number,
    investEnd: number,
    commit: number,
    n: number,
    flowSt: SqliteDatabase.Statement,
    navSt: SqliteDatabase.Statement,
  ) {
    const { rng } = this;
    const first = est + rng.int(20, 75);
    const last = dayOf(LAST_NAV);
    const distFrom = first + 3 * 365;
    const nFee = Math.max(1, Math.round(n * 0.1));
    const nOther = Math.round(n * 0.03);
    const nDist = distFrom < last ? Math.round(n * 0.3) : 0;
    const nCall = Math.max(1, n - nFee - nOther - nDist);
    const paid = commit * rng.range(0.5, 1);
    const distributed = paid * rng.range(0.2, 1.6);
    const tag = `BF${fundId}`;
    type F = { day: number; type: string; amount: number };
    const flows: F[] = [];
    const spread = (k: number, total: number, from: number, to: number, type: string, minUnit: number) => {
      const w = Array.from({ length: k }, () => rng.range(0.5, 1.5));
      const sum = w.reduce((a, b) => a + b, 0);
      for (let i = 0; i < k; i++) {
        const day = type === 'call' && i === 0 ? from : this.date(from, to);
        flows.push({ day, type, amount: round((total * w[i]!) / sum, minUnit) });
      }
    };
    spread(nCall, paid, first, Math.min(investEnd + 730, last), 'call', YUAN);
    if (nDist > 0) spread(nDist, distributed, distFrom, last, 'distribution', YUAN);
    spread(nFee, commit * 0.02 * Math.max(1, (last - first) / 365), first, last, 'fee', YUAN);
    spread(nOther, commit * 0.001, first, last, 'other', YUAN);
    flows.sort((a, b) => a.day - b.day);
    const label: Record<string, [string, string]> = {
      call: ['JK', '实缴出资（缴款通知书）'],
      distribution: ['FP', '项目退出收益分配'],
      fee: ['GLF', '管理费（引导基金承担部分）'],
      other: ['QT', '其他款项'],
    };
    let seq = 0;
    for (const f of flows) {
      const iso = isoOf(f.day);
      const [code, note] = label[f.type]!;
      flowSt.run(fundId, iso, f.type, f.amount, `${tag}-${code}${iso.slice(0, 4)}-${++seq}`, note);
    }
    // Quarterly NAV of the guidance fund's share: paid-in × a multiple drifting towards the fund's TVPI.
    const tvpi = rng.range(0.8, 2.2);
    const quarters = quarterEnds(isoOf(first), LAST_NAV);
    let i = 0;
    let paidTo = 0;
    let distTo = 0;
    for (const q of quarters) {
      const qd = dayOf(q);
      for (; i < flows.length && flows[i]!.day <= qd; i++) {
        const f = flows[i]!;
        if (f.type === 'call') paidTo += f.amount;
        else if (f.type === 'distribution') distTo += f.amount;
      }
      const p = (qd - first) / Math.max(1, last - first);
      const mult = 0.95 + (tvpi - 0.95) * p ** 1.4 + rng.normal() * 0.015 * p;
      const nav = round(Math.max(paidTo * 0.1, paidTo * mult - distTo), YUAN);
      const audit = q.endsWith('12-31');
      navSt.run(fundId, q, nav, audit ? 'audit' : 'gp_report', audit ? `${q.slice(0, 4)}年度审计报告` : null);
    }
  }

  private investments() {
    const st = this.raw.prepare(
      `INSERT INTO investments (fund_id, enterprise_id, date, amount_fen, round, stake_pct, post_money_fen, status,
        exit_date, exit_proceeds_fen, current_value_fen, reinvest_category, reinvest_recognised_fen, notes)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const end = dayOf(END);
    for (let k = this.demo.investments.length; k < this.spec.investments; k++) {
      const { rng } = this;
      const f = rng.pick(this.funds);
      const e = rng.pick(this.ents);
      const date = this.date(
        Math.max(f.est + 30, e.founded + 180),
        Math.min(f.investEnd + 730, dayOf(LAST_NAV)),
      );
      const amount = round(rng.range(0.05, 2) * 1e10, 10 * WAN); // 500万–2亿元
      const stake = Math.round(rng.range(1, 25) * 100) / 100;
      const exitDay = date + rng.int(365, 6 * 365);
      const exited = rng.chance(0.2) && exitDay <= end;
      let category: string | null = null;
      const pair = `${f.id}|${e.id}`;
      if (e.inDistrict && f.kind === 'sub' && !this.recognised.has(pair) && rng.chance(0.5)) {
        category = rng.pick(CATEGORIES);
        this.recognised.add(pair);
      }
      st.run(
        f.id,
        e.id,
        isoOf(date),
        amount,
        rng.pick(ROUNDS),
        stake,
        round((amount * 100) / stake, WAN),
        exited ? 'exited' : 'held',
        exited ? isoOf(exitDay) : null,
        exited ? round(amount * rng.range(0.3, 4), YUAN) : null,
        exited ? null : round(amount * rng.range(0.5, 3), YUAN),
        category,
        category ? amount : null,
        null,
      );
    }
  }

  private landed() {
    const st = this.raw.prepare(
      `INSERT INTO landed_projects (enterprise_id, name, fund_id, landed_date, amount_fen, kind, industry, status,
        reinvest_category, reinvest_recognised_fen, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const kinds = ['new', 'relocation', 'capital_increase', 'subsidiary'] as const;
    const statuses: readonly (readonly [string, number])[] = [
      ['signed', 10],
      ['registered', 40],
      ['operating', 47],
      ['cancelled', 3],
    ];
    for (let k = this.demo.landed_projects.length; k < this.spec.landedProjects; k++) {
      const { rng } = this;
      const e = rng.pick(this.inDistrict);
      const f = rng.chance(0.6) ? rng.pick(this.funds) : null;
      const date = this.date(Math.max(dayOf('2016-01-01'), f ? f.est : 0), dayOf(END));
      const amount = round(rng.range(0.1, 5) * 1e10, 10 * WAN); // 1000万–5亿元
      let category: string | null = null;
      if (f && !this.recognised.has(`${f.id}|${e.id}`) && rng.chance(0.3)) {
        category = 'introduced';
        this.recognised.add(`${f.id}|${e.id}`);
      }
      st.run(
        e.id,
        `${e.brand}${rng.pick(PROJECT_WORDS[e.industry])}项目`,
        f?.id ?? null,
        isoOf(date),
        amount,
        rng.pick(kinds),
        e.industry,
        rng.weighted(statuses),
        category,
        category ? round(amount * rng.range(0.3, 1), WAN) : null,
        null,
      );
    }
  }

  private deals() {
    const st = this.raw.prepare(
      `INSERT INTO financing_deals (enterprise_id, institution_id, stage, first_contact_date, amount_sought_fen,
        amount_closed_fen, closed_date, round, notes) VALUES (?,?,?,?,?,?,?,?,?)`,
    );
    const stages: readonly (readonly [string, number])[] = [
      ['contact', 30],
      ['dd', 20],
      ['ts', 10],
      ['closed', 25],
      ['dropped', 15],
    ];
    const end = dayOf(END);
    for (let k = this.demo.financing_deals.length; k < this.spec.financingDeals; k++) {
      const { rng } = this;
      const e = rng.pick(this.ents);
      const stage = rng.weighted(stages);
      const first = this.date(dayOf('2019-01-01'), end);
      const sought = round(rng.range(0.1, 5) * 1e10, 10 * WAN);
      const closed = stage === 'closed';
      st.run(
        e.id,
        rng.pick(this.institutionIds),
        stage,
        isoOf(first),
        sought,
        closed ? round(sought * rng.range(0.3, 1), 10 * WAN) : null,
        closed ? isoOf(Math.min(end, first + rng.int(30, 400))) : null,
        rng.pick(ROUNDS),
        null,
      );
    }
  }
}

/** n more cash flows on the demo's funds, none repeating a stored one (same fund, date and amount). */
function extraCashFlows(raw: SqliteDatabase.Database, demo: DemoData, n: number) {
  const rng = new Rng(50_000);
  const seen = new Set(demo.cash_flows.map((c) => `${c.fund_id}|${c.date}|${c.amount_fen}`));
  const st = raw.prepare(
    'INSERT INTO cash_flows (fund_id, date, type, amount_fen, doc_no, note) VALUES (?,?,?,?,?,?)',
  );
  const types: readonly (readonly [string, number])[] = [
    ['call', 55],
    ['distribution', 25],
    ['fee', 15],
    ['other', 5],
  ];
  const last = dayOf(LAST_NAV);
  for (let k = 0; k < n; ) {
    const f = rng.pick(demo.funds);
    const day = rng.int(dayOf(f.established_date ?? '2016-01-01') + 20, last);
    const date = isoOf(day);
    const amount = rng.int(1_000, 5_000_000) * YUAN + rng.int(0, 99); // 1,000–5,000,000 元, with fen
    const key = `${f.id}|${date}|${amount}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const type = rng.weighted(types);
    k++;
    st.run(f.id, date, type, amount, `IMP-${date.slice(0, 4)}-${String(k).padStart(5, '0')}`, '批量导入测试');
  }
}
