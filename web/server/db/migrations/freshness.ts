import type { Migration } from "kysely/migration";

/** 012: the reminders sent about records falling due. */
export function freshnessMigration(dialect: "sqlite" | "postgres"): Migration {
  const millis = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db) {
      await db.schema
        .createTable("freshness_reminders")
        .addColumn("record_key", "varchar(120)", (c) => c.notNull())
        .addColumn("due_on", "varchar(10)", (c) => c.notNull())
        .addColumn("owner", "varchar(320)", (c) => c.notNull())
        .addColumn("sent_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("freshness_reminders_pk", ["record_key", "due_on"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("freshness_reminders").execute();
    },
  };
}
