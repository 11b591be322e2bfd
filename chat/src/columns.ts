import type { Kysely } from "kysely";

/**
 * What differs between SQLite and PostgreSQL in this package's migrations: the column type of
 * epoch milliseconds and the auto-increment key.
 */
export function dialectColumns(dialect: "sqlite" | "postgres") {
  return {
    millis: dialect === "postgres" ? ("bigint" as const) : ("integer" as const),
    /** A new table with an auto-increment `id` primary key. */
    tableWithId: (db: Kysely<unknown>, table: string) =>
      dialect === "postgres"
        ? db.schema.createTable(table).addColumn("id", "serial", (c) => c.primaryKey())
        : db.schema.createTable(table).addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()),
  };
}
