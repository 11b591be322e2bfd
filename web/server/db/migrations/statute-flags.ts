import type { Migration } from "kysely/migration";

/** 013: amendment dates last seen and the review flags they raise. */
export function statuteFlagsMigration(dialect: "sqlite" | "postgres"): Migration {
  const millis = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db) {
      await db.schema
        .createTable("statute_amendments")
        .addColumn("statute", "varchar(20)", (c) => c.notNull())
        .addColumn("section", "varchar(20)", (c) => c.notNull())
        .addColumn("amended_on", "varchar(10)")
        .addPrimaryKeyConstraint("statute_amendments_pk", ["statute", "section"])
        .execute();
      const table = db.schema.createTable("review_flags");
      await (
        dialect === "postgres"
          ? table.addColumn("id", "serial", (c) => c.primaryKey())
          : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
      )
        .addColumn("target_type", "varchar(10)", (c) => c.notNull())
        .addColumn("target_id", "varchar(60)", (c) => c.notNull())
        .addColumn("title", "varchar(300)", (c) => c.notNull())
        .addColumn("url", "varchar(300)", (c) => c.notNull())
        .addColumn("statute", "varchar(20)", (c) => c.notNull())
        .addColumn("section", "varchar(20)", (c) => c.notNull())
        .addColumn("amended_on", "varchar(10)")
        .addColumn("owner", "varchar(320)")
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("resolved_at", millis)
        .addColumn("resolved_by", "integer")
        .addUniqueConstraint("review_flags_once", [
          "target_type",
          "target_id",
          "statute",
          "section",
          "amended_on",
        ])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("review_flags").execute();
      await db.schema.dropTable("statute_amendments").execute();
    },
  };
}
