import type { Db } from '../db/open';

/** Small key/value facts about the database: demo flag, UI settings. */
export async function getMeta(db: Db, key: string): Promise<string | null> {
  const r = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value ?? null;
}

export async function setMeta(db: Db, key: string, value: string | null) {
  if (value === null) {
    await db.deleteFrom('meta').where('key', '=', key).execute();
    return;
  }
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function getSetting(db: Db, key: string): Promise<unknown> {
  const v = await getMeta(db, `ui:${key}`);
  if (v == null) return null;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}

export async function setSetting(db: Db, key: string, value: unknown) {
  await setMeta(db, `ui:${key}`, value === undefined || value === null ? null : JSON.stringify(value));
}

export const DEMO_KEY = 'dataset';

export async function isDemo(db: Db) {
  return (await getMeta(db, DEMO_KEY)) === 'demo';
}

export async function isEmpty(db: Db) {
  for (const t of ['funds', 'enterprises', 'managers', 'institutions'] as const) {
    const r = await db.selectFrom(t).select('id').limit(1).executeTakeFirst();
    if (r) return false;
  }
  return true;
}
