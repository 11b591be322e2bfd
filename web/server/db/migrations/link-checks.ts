import type { Migration } from "kysely/migration";

/** 014: the last answer of every external link. */
export function linkChecksMigration(dialect: "sqlite" | "postgres"): Migration {
  const millis = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db) {
      await db.schema
        .createTable("link_checks")
        .addColumn("url", "varchar(2000)", (c) => c.primaryKey())
        .addColumn("ok", "integer", (c) => c.notNull())
        .addColumn("status", "integer")
        .addColumn("error", "varchar(200)")
        .addColumn("checked_at", millis, (c) => c.notNull())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("link_checks").execute();
    },
  };
}
