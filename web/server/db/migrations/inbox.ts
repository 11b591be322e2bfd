import type { Migration } from "kysely/migration";

/** 019: each member's notification inbox (the bell), kept until read. */
export function inboxMigration(dialect: "sqlite" | "postgres"): Migration {
  const millis = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db) {
      await (
        dialect === "postgres"
          ? db.schema.createTable("inbox_items").addColumn("id", "serial", (c) => c.primaryKey())
          : db.schema
              .createTable("inbox_items")
              .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
      )
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("kind", "varchar(32)", (c) => c.notNull())
        .addColumn("group_id", "integer")
        .addColumn("consultation_id", "integer")
        // The domain event it came from: replaying the event adds nothing twice.
        .addColumn("event_id", millis, (c) => c.notNull())
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("read_at", millis)
        .addUniqueConstraint("inbox_items_once", ["user_id", "event_id", "kind"])
        .execute();
      await db.schema
        .createIndex("inbox_items_user")
        .on("inbox_items")
        .columns(["user_id", "read_at", "id"])
        .execute();
      // Who wrote in a thread (the inbox tells them of replies): found by the thread, not a scan.
      await db.schema.createIndex("chat_messages_thread").on("chat_messages").column("thread_id").execute();
    },
    async down(db) {
      await db.schema.dropIndex("chat_messages_thread").execute();
      await db.schema.dropTable("inbox_items").execute();
    },
  };
}
