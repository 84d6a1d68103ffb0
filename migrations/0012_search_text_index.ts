import type { Kysely } from 'kysely';
import { isPostgres, runAll } from './engine';

/**
 * A covering index of the investments' own searched text columns (round, notes), for a large ledger's quick
 * search (#13, services/ledger/page.ts SEARCH_TEXT_INDEX): on SQLite those words are matched as
 * `t.id IN (SELECT id FROM investments WHERE round LIKE … OR notes LIKE …)`, so that every term of the
 * search's OR is on an index and SQLite answers it with a MULTI-INDEX OR (the linked names through 0011's
 * name indexes, these columns through this index, a few KB per thousand rows) instead of reading all
 * 100,000 rows of the table. A 100x search for an enterprise's name with its count and sums: about
 * 30 -> 15 ms of CPU in sqlite3; one matching 44,504 rows: 57 -> 35 ms.
 * SQLite only: PostgreSQL keeps its plain OR (page.ts), and its B-tree refuses an entry past ~2.7 kB, which a
 * 2,000-character note can exceed.
 */
const INDEXES = ['CREATE INDEX investments_search_text ON investments(round, notes)'];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await runAll(db, INDEXES);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await runAll(db, ['DROP INDEX IF EXISTS investments_search_text']);
}
