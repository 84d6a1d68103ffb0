import { PostgresAdapter } from 'kysely';

/** Whether a Kysely instance runs on PostgreSQL (team mode, #17) rather than a SQLite file. */
export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
