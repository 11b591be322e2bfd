import type { Migration } from "kysely/migration";

/** 011: the notice board and feedback. */
export function communityMigration(dialect: "sqlite" | "postgres"): Migration {
  const millis = dialect === "postgres" ? "bigint" : "integer";
  const idTable = (db: Parameters<Migration["up"]>[0], table: string) =>
    dialect === "postgres"
      ? db.schema.createTable(table).addColumn("id", "serial", (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
  return {
    async up(db) {
      await idTable(db, "notices")
        .addColumn("author_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("kind", "varchar(20)", (c) => c.notNull())
        .addColumn("title", "varchar(120)", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("municipality_code", "varchar(3)")
        .addColumn("expires_on", "varchar(10)", (c) => c.notNull())
        .addColumn("removed_at", millis)
        .addColumn("removed_by", "integer", (c) => c.references("users.id"))
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("notices_active")
        .on("notices")
        .columns(["removed_at", "expires_on"])
        .execute();
      await idTable(db, "feedback")
        .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
        .addColumn("name", "varchar(200)")
        .addColumn("email", "varchar(320)")
        .addColumn("topic", "varchar(20)", (c) => c.notNull())
        .addColumn("message", "text", (c) => c.notNull())
        .addColumn("page", "varchar(300)")
        .addColumn("due_on", "varchar(10)")
        .addColumn("answer", "text")
        .addColumn("answered_at", millis)
        .addColumn("answered_by", "integer", (c) => c.references("users.id"))
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("feedback_open").on("feedback").columns(["answered_at", "topic"]).execute();
    },
    async down(db) {
      await db.schema.dropTable("feedback").execute();
      await db.schema.dropTable("notices").execute();
    },
  };
}
