/**
 * Which unit an import read each money column in, and why; a warning when no unit was stated anywhere
 * (「未注明金额单位」: an office's sheet kept in 万元 would otherwise go in 10,000 times too small); and
 * amounts implausible for the unit assumed (a capital call under 0.1 % of its fund's size, a fund under
 * 100万元).
 */
import { formatMoney, UNIT_LABEL, type Unit } from '../../../shared/money';
import type { Db } from '../../db/open';
import { unitInHeader } from './headers';
import type { Analysis } from './service';

export interface UnitAssumption {
  header: string;
  unit: Unit;
  /** The unit was written somewhere (header, 单位 line) or chosen by the user. */
  stated: boolean;
  reason: string;
}

export function unitAssumptions(a: Analysis, chosen?: Unit): UnitAssumption[] {
  return a.mapping
    .filter((m) => m.field && m.unit)
    .map((m) => {
      const header = a.headers[m.column] ?? '';
      const unit = m.unit!;
      const label = UNIT_LABEL[unit];
      if (unitInHeader(header) === unit) return { header, unit, stated: true, reason: `表头注明${label}` };
      if (chosen === unit) return { header, unit, stated: true, reason: `按指定的金额单位${label}` };
      if (a.sheetUnit === unit) return { header, unit, stated: true, reason: `表格上方注明“单位：${label}”` };
      if (a.mappingSource !== 'auto')
        return { header, unit, stated: true, reason: `按列对应中指定的${label}` };
      return { header, unit, stated: false, reason: `未注明金额单位，按${label}读取` };
    });
}

/** 「未注明金额单位」…, or null when every money column's unit was stated. */
export function unitWarning(list: UnitAssumption[]): string | null {
  const unstated = list.filter((u) => !u.stated);
  if (unstated.length === 0) return null;
  const units = [...new Set(unstated.map((u) => UNIT_LABEL[u.unit]))].join('、');
  return `未注明金额单位：${unstated.map((u) => `“${u.header}”`).join('、')}按${units}读取。如文件金额以万元计，请指定金额单位为万元（命令行 --unit 万元），或在表头注明单位，如“金额（万元）”`;
}

const MIN_FUND_SIZE_FEN = 100 * 1_000_000; // 100万元

/** Rows whose amounts are implausible in the unit assumed, with the reason (warnings, not errors). */
export async function implausibleAmounts(db: Db, a: Analysis): Promise<{ row: number; message: string }[]> {
  const out: { row: number; message: string }[] = [];
  const entity = a.rows.find((r) => r.values)?.values;
  if (!entity) return out;
  const flows = a.rows.filter((r) => r.values && typeof r.values.amount_fen === 'number' && r.values.fund_id);
  if (flows.length > 0 && 'type' in (flows[0]!.values ?? {}) && 'date' in (flows[0]!.values ?? {})) {
    const ids = [...new Set(flows.map((r) => Number(r.values!.fund_id)))].filter((n) => n > 0);
    const sizes = new Map<number, { name: string; size: number }>();
    for (let i = 0; i < ids.length; i += 500) {
      const got = await db
        .selectFrom('funds')
        .select(['id', 'name', 'total_size_fen'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const f of got) sizes.set(f.id, { name: f.name, size: f.total_size_fen });
    }
    for (const r of flows) {
      const f = sizes.get(Number(r.values!.fund_id));
      const amount = r.values!.amount_fen as number;
      if (r.values!.type === 'call' && f && f.size > 0 && amount * 1000 < f.size) {
        out.push({
          row: r.rowNumber,
          message: `实缴出资 ${formatMoney(amount, 'wan', { withUnit: true })} 不到“${f.name}”认缴规模的 0.1%，金额单位可能有误`,
        });
      }
    }
  }
  for (const r of a.rows) {
    const size = r.values?.total_size_fen;
    if (typeof size === 'number' && 'kind' in (r.values ?? {}) && size > 0 && size < MIN_FUND_SIZE_FEN) {
      out.push({
        row: r.rowNumber,
        message: `基金认缴规模 ${formatMoney(size, 'wan', { withUnit: true })} 不足 100 万元，金额单位可能有误`,
      });
    }
  }
  return out;
}

/** The three checks together, as the import preview carries them. */
export async function unitChecks(db: Db, a: Analysis, chosen?: Unit | null) {
  const units = unitAssumptions(a, chosen ?? undefined);
  return { units, unitWarning: unitWarning(units), implausible: await implausibleAmounts(db, a) };
}
