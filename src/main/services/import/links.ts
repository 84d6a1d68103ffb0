import type { LinkEntity } from '../../../shared/contract/ledger';
import { toHalfWidth } from '../../../shared/text';
import type { Db } from '../../db/open';

/**
 * Finds the stored record a row names (基金, 企业, 基金管理人, 投资机构): by exact name (ignoring
 * spaces, full-width forms and bracket styles), by USCC, then by a unique partial name (with a warning).
 * Names that match nothing may become new records (企业, 管理人, 机构 — not 基金, whose size is required).
 */
export const LINK_LABEL: Record<LinkEntity, string> = {
  fund: '基金',
  enterprise: '企业',
  manager: '基金管理人',
  institution: '投资机构',
};

export const CREATABLE: ReadonlySet<LinkEntity> = new Set(['enterprise', 'manager', 'institution']);

export type LinkResult =
  | { ok: true; id: number; warning?: string }
  | { ok: true; pending: true; name: string }
  | { ok: false; error: string };

interface Option {
  id: number;
  name: string;
  norm: string;
  uscc: string | null;
}

export function normName(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .toLowerCase();
}

const TABLE: Record<LinkEntity, 'funds' | 'enterprises' | 'managers' | 'institutions'> = {
  fund: 'funds',
  enterprise: 'enterprises',
  manager: 'managers',
  institution: 'institutions',
};

/** Sentinel ids for records to be created, far above any real id. */
export const PENDING_BASE = 2 ** 52;

export class LinkResolver {
  private options = new Map<LinkEntity, Option[]>();
  /** Per entity: stored records by normalised name, and by USCC. */
  private byNorm = new Map<LinkEntity, Map<string, Option[]>>();
  private byUscc = new Map<LinkEntity, Map<string, Option[]>>();
  /** Answers already given, per entity and cell text: a 50,000-row file names the same few funds again and again. */
  private answers = new Map<LinkEntity, Map<string, LinkResult>>();
  /** Names to create, per entity: normalised name → { name, sentinel id }. */
  readonly pending = new Map<LinkEntity, Map<string, { name: string; id: number }>>();
  private nextPending = PENDING_BASE;

  constructor(
    private readonly db: Db,
    private readonly createMissing: boolean,
  ) {}

  async load(entities: Iterable<LinkEntity>) {
    for (const e of entities) {
      if (this.options.has(e)) continue;
      const rows =
        e === 'institution'
          ? (await this.db.selectFrom('institutions').select(['id', 'name']).execute()).map((r) => ({
              ...r,
              uscc: null,
            }))
          : await this.db.selectFrom(TABLE[e]).select(['id', 'name', 'uscc']).execute();
      const opts = rows.map((r) => ({
        id: r.id,
        name: r.name,
        norm: normName(r.name),
        uscc: r.uscc ?? null,
      }));
      this.options.set(e, opts);
      const byNorm = new Map<string, Option[]>();
      const byUscc = new Map<string, Option[]>();
      for (const o of opts) {
        push(byNorm, o.norm, o);
        if (o.uscc) push(byUscc, o.uscc, o);
      }
      this.byNorm.set(e, byNorm);
      this.byUscc.set(e, byUscc);
    }
  }

  resolve(entity: LinkEntity, text: string): LinkResult {
    let answers = this.answers.get(entity);
    if (!answers) {
      answers = new Map();
      this.answers.set(entity, answers);
    }
    let r = answers.get(text);
    if (!r) {
      r = this.lookUp(entity, text);
      answers.set(text, r);
    }
    return r;
  }

  private lookUp(entity: LinkEntity, text: string): LinkResult {
    const label = LINK_LABEL[entity];
    const shown = text.trim();
    const n = normName(shown);
    const opts = this.options.get(entity) ?? [];
    const exact = this.byNorm.get(entity)?.get(n) ?? [];
    if (exact.length === 1) return { ok: true, id: exact[0]!.id };
    if (exact.length > 1)
      return { ok: false, error: `有 ${exact.length} 个${label}名为“${shown}”，无法确定是哪一个` };
    if (/^[0-9A-Z]{18}$/i.test(n)) {
      const byCode = this.byUscc.get(entity)?.get(n.toUpperCase()) ?? [];
      if (byCode.length === 1) return { ok: true, id: byCode[0]!.id };
    }
    const pend = this.pending.get(entity)?.get(n);
    if (pend) return { ok: true, pending: true, name: pend.name };
    if (n.length >= 4) {
      const partial = opts.filter((o) => o.norm.includes(n) || (o.norm.length >= 4 && n.includes(o.norm)));
      if (partial.length === 1) {
        return {
          ok: true,
          id: partial[0]!.id,
          warning: `${label}“${shown}”按名称部分匹配为“${partial[0]!.name}”`,
        };
      }
      if (partial.length > 1) {
        return {
          ok: false,
          error: `${label}“${shown}”对应多个已有${label}（${partial
            .slice(0, 3)
            .map((p) => p.name)
            .join('、')}${partial.length > 3 ? ' 等' : ''}），请写完整名称`,
        };
      }
    }
    if (this.createMissing && CREATABLE.has(entity)) {
      let m = this.pending.get(entity);
      if (!m) {
        m = new Map();
        this.pending.set(entity, m);
      }
      m.set(n, { name: shown, id: this.nextPending++ });
      return { ok: true, pending: true, name: shown };
    }
    return {
      ok: false,
      error: `找不到${label}“${shown}”；请先导入或新增该${label}${CREATABLE.has(entity) ? '，或勾选“自动新增不存在的企业/管理人/机构”' : ''}`,
    };
  }

  /** The sentinel id standing for a name to be created. */
  pendingId(entity: LinkEntity, name: string): number {
    return this.pending.get(entity)?.get(normName(name))?.id ?? 0;
  }

  isPending(id: unknown): boolean {
    return typeof id === 'number' && id >= PENDING_BASE;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
