import type SqliteDatabase from 'better-sqlite3';
import { type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from 'kysely';

/**
 * Kysely's SQLite dialect with one change: a rollback never hides the error that caused it. SQLite rolls a
 * transaction back by itself on some failures (a full disk, an I/O error); Kysely then sends its own ROLLBACK,
 * which fails with "cannot rollback - no transaction is active" and replaced the real error (the user saw that
 * text instead of 「磁盘空间已满」). Here the ROLLBACK is sent only while a transaction is open, and a failing
 * ROLLBACK is dropped so the original error reaches db/errors.ts.
 */
class SafeRollbackDriver extends SqliteDriver {
  constructor(private readonly raw: SqliteDatabase.Database) {
    super({ database: raw });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.raw.inTransaction) return;
    try {
      await super.rollbackTransaction(connection);
    } catch {
      // the caller rethrows the error that made it roll back
    }
  }
}

export class FundDeskSqliteDialect extends SqliteDialect {
  constructor(private readonly raw: SqliteDatabase.Database) {
    super({ database: raw });
  }

  override createDriver(): Driver {
    return new SafeRollbackDriver(this.raw);
  }
}
