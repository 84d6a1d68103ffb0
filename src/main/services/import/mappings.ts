import type { ColumnMapping, RememberedMapping } from '../../../shared/contract/data';
import type { Entity } from '../../../shared/domain';
import type { Unit } from '../../../shared/money';
import type { Db } from '../../db/open';
import { getMeta, setMeta } from '../meta';

/**
 * Column mappings remembered per ledger and file layout (the normalised header row), kept in the
 * database so the next file of the same layout maps itself.
 */
const PREFIX = 'import:mapping:';

export async function rememberedMapping(db: Db, key: string, width: number): Promise<ColumnMapping | null> {
  const raw = await getMeta(db, PREFIX + key);
  if (!raw) return null;
  try {
    const m = JSON.parse(raw) as RememberedMapping;
    if (!Array.isArray(m.fields) || m.fields.length !== width) return null;
    return m.fields.map((field, column) => ({ column, field, unit: m.units?.[column] ?? null }));
  } catch {
    return null;
  }
}

export async function rememberMapping(
  db: Db,
  key: string,
  ledger: Entity,
  headers: string[],
  mapping: ColumnMapping,
  fileName: string,
) {
  const fields: (string | null)[] = headers.map(() => null);
  const units: (Unit | null)[] = headers.map(() => null);
  for (const m of mapping) {
    if (m.column < headers.length) {
      fields[m.column] = m.field;
      units[m.column] = m.unit ?? null;
    }
  }
  const value: RememberedMapping = {
    key,
    ledger,
    headers,
    fields,
    units,
    fileName,
    savedAt: new Date().toISOString(),
  };
  await setMeta(db, PREFIX + key, JSON.stringify(value));
}

export async function listMappings(db: Db, ledger?: Entity): Promise<RememberedMapping[]> {
  const rows = await db
    .selectFrom('meta')
    .select(['key', 'value'])
    .where('key', 'like', `${PREFIX}${ledger ? `${ledger}:` : ''}%`)
    .execute();
  const out: RememberedMapping[] = [];
  for (const r of rows) {
    try {
      out.push(JSON.parse(r.value) as RememberedMapping);
    } catch {
      // an unreadable entry is skipped
    }
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function forgetMapping(db: Db, key: string) {
  await setMeta(db, PREFIX + key, null);
}
