import { type Kysely, sql } from 'kysely';
import { migrations } from '../../migrations';

/**
 * Makes a database a file of an earlier version: runs `down` of every migration after `keep`, newest first,
 * and removes their records, as if the app that wrote it had stopped at `keep`. Tests of a migration use it,
 * so that they keep working as later migrations are added.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations take any database, as Kysely's Migrator does
export async function rollBackAfter(db: Kysely<any>, keep: string): Promise<string[]> {
  const later = Object.keys(migrations)
    .filter((name) => name > keep)
    .sort()
    .reverse();
  for (const name of later) {
    const down = migrations[name]?.down;
    if (!down) throw new Error(`迁移 ${name} 没有 down，不能回退`);
    await down(db);
  }
  for (const name of later) await sql`DELETE FROM kysely_migration WHERE name = ${name}`.execute(db);
  return later;
}
