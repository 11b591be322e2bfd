import type { Migration } from "kysely/migration";

/** 015: surveys and their answers. */
export function surveysMigration(dialect: "sqlite" | "postgres"): Migration {
  const millis = dialect === "postgres" ? "bigint" : "integer";
  const withId = (db: Parameters<Migration["up"]>[0], table: string) =>
    dialect === "postgres"
      ? db.schema.createTable(table).addColumn("id", "serial", (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
  return {
    async up(db) {
      await withId(db, "surveys")
        .addColumn("title", "varchar(200)", (c) => c.notNull())
        .addColumn("questions", "text", (c) => c.notNull())
        .addColumn("free_text", "varchar(300)")
        .addColumn("opens_on", "varchar(10)", (c) => c.notNull())
        .addColumn("closes_on", "varchar(10)", (c) => c.notNull())
        .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await withId(db, "survey_responses")
        .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("scores", "varchar(100)", (c) => c.notNull())
        .addColumn("comment", "text")
        .addColumn("created_at", millis, (c) => c.notNull())
        .addUniqueConstraint("survey_responses_once", ["survey_id", "user_id"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("survey_responses").execute();
      await db.schema.dropTable("surveys").execute();
    },
  };
}
