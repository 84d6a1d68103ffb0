import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type Kysely,
  PostgresIntrospector,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';

/**
 * What Kysely's Migrator learns of the database (does kysely_migration exist?), read from the connection's
 * current schema only: FundDesk's tables are all there (open-postgres.ts). Own code because Kysely's
 * PostgresIntrospector reads every schema of the server and looks each one up again by its name
 * (`has_schema_privilege(nspname, …)`, `pg_get_serial_sequence('schema.table', column)`): a schema or column
 * another session drops while that query runs fails the open — seen in CI as 「数据库升级失败…（schema
 * "fd_test_…" does not exist）」 and 「…（column "user_name" of relation "audit_log" does not exist）」, other
 * tests' schemas going away — and it grows with everything else kept on the server. Here every join is by OID
 * and only the current schema is read, which nobody drops under an open FundDesk.
 */
export class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  /** All schemas, as Kysely's (a plain read of pg_namespace, no lookup by name). */
  getSchemas(): Promise<SchemaMetadata[]> {
    return new PostgresIntrospector(this.#db).getSchemas();
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const { rows } = await sql<Column>`
      SELECT c.relname AS table, c.relkind = 'v' AS is_view, ns.nspname AS schema, a.attname AS column,
        a.attnotnull AS not_null, a.atthasdef AS has_default, typ.typname AS type, tns.nspname AS type_schema,
        col_description(c.oid, a.attnum) AS comment,
        (a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false)) AS auto
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace AND ns.nspname = current_schema()
      JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      JOIN pg_catalog.pg_type typ ON typ.oid = a.atttypid
      JOIN pg_catalog.pg_namespace tns ON tns.oid = typ.typnamespace
      LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'v', 'p')
      ORDER BY c.relname, a.attnum`.execute(this.#db);
    const internal = new Set(['kysely_migration', 'kysely_migration_lock']);
    const tables = new Map<string, TableMetadata>();
    for (const r of rows) {
      if (!options.withInternalKyselyTables && internal.has(r.table)) continue;
      let t = tables.get(r.table);
      if (!t) {
        t = { name: r.table, schema: r.schema, isView: r.is_view, columns: [] };
        tables.set(r.table, t);
      }
      (t.columns as TableMetadata['columns'][number][]).push({
        name: r.column,
        dataType: r.type,
        dataTypeSchema: r.type_schema,
        isNullable: !r.not_null,
        hasDefaultValue: r.has_default,
        isAutoIncrementing: r.auto,
        comment: r.comment ?? undefined,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

interface Column {
  table: string;
  is_view: boolean;
  schema: string;
  column: string;
  not_null: boolean;
  has_default: boolean;
  type: string;
  type_schema: string;
  comment: string | null;
  auto: boolean;
}
