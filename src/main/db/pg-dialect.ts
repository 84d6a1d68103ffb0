import { type Kysely, PostgresDialect } from 'kysely';
import { CurrentSchemaIntrospector } from './pg-introspector';
import type { PgConnection } from './pg-sync';

/**
 * Kysely's own PostgreSQL dialect over the session's one synchronous connection (pg-sync.ts), given to it as a
 * "pool" of that single connection: Kysely compiles and runs its queries as on any PostgreSQL server, and a
 * transaction holds the connection (later callers wait, like Kysely's SQLite connection lock) while the raw
 * reads of the same session share it — the arrangement the SQLite path has with better-sqlite3.
 */
class OneConnectionPool {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly conn: PgConnection) {}

  async connect() {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((r) => {
      release = r;
    });
    await previous;
    const conn = this.conn;
    return {
      query: async (sql: string, params: readonly unknown[]) => conn.query(sql, params),
      release,
    };
  }

  async end() {
    this.conn.close();
  }
}

/** Kysely's dialect, but migrations look at the current schema only (pg-introspector.ts says why). */
class FundDeskPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>) {
    return new CurrentSchemaIntrospector(db);
  }
}

export function fundDeskPostgresDialect(conn: PgConnection) {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely types the pool as pg's Pool; it uses connect/release/query/end
  return new FundDeskPostgresDialect({ pool: new OneConnectionPool(conn) as any });
}
