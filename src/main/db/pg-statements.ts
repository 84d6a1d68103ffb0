/**
 * Which statements are kept prepared on the server, and under what name (pg-sync.ts asks before each statement;
 * the worker or pg-wire.ts then parses a named one once). A statement with parameters run a second time gets a
 * name, so the server keeps it parsed (and, after five runs, may keep its plan): on a small database, parsing
 * and planning a statement take as long as running it (a page of 投资 rows at 1x: 1.0 → 0.5 ms of server CPU).
 * Names are per connection and carry a generation (fd<gen>_<n>); any DDL on this connection (a migration)
 * starts a new generation and drops the old statements (DEALLOCATE ALL), and so does PostgreSQL's "cached plan
 * must not change result type" (0A000: another connection changed a table a statement selects * from), after
 * which a statement outside a transaction is run again. A reconnect is a new connection, with none.
 *
 * A statement without parameters is named too when it is one SELECT (a page of grid rows asks LIMIT 100 as a
 * literal, so its plan is the one for 100 rows and the server keeps it); other texts go as a simple query.
 * Texts with values written in could be many: they take at most half of the names.
 */
const MAX_NAMED = 2000;
const MAX_TEXT = 20000;
const ONE_SELECT = /^\s*(SELECT|WITH)\b[^;]*$/i;

export class StatementNames {
  private generation = 0;
  private count = 0;
  /** SQL text → 1 (seen once) or its statement name. */
  private named = new Map<string, 1 | string>();
  /** Statements of an old generation are still on the server (DEALLOCATE ALL before the next statement). */
  stale = false;

  nameFor(sql: string, params: readonly unknown[]): string | undefined {
    if (sql.length > MAX_TEXT) return undefined;
    const bare = params.length === 0;
    if (bare && !ONE_SELECT.test(sql)) return undefined;
    const seen = this.named.get(sql);
    if (typeof seen === 'string') return seen;
    if (this.named.size >= (bare ? MAX_NAMED / 2 : MAX_NAMED)) return undefined;
    if (seen === undefined) {
      this.named.set(sql, 1);
      return undefined;
    }
    const name = `fd${this.generation}_${this.count++}`;
    this.named.set(sql, name);
    return name;
  }

  newGeneration() {
    this.generation++;
    this.named = new Map();
    this.stale = true;
  }
}
