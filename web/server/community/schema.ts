import type { Generated } from "kysely";
import type { Migration } from "kysely/migration";

type Millis = number;

export type NoticeKind = "giving" | "seeking" | "announcement";

/** The notice board (kirpputori): members' notices, each with an expiry date. */
export type NoticesTable = {
  id: Generated<number>;
  author_id: number;
  kind: NoticeKind;
  title: string;
  /** Light markup, like eKonsultaatio's questions. */
  body: string;
  /** The author's municipality when they posted: notices are local by nature. */
  municipality_code: string | null;
  /** The last day it shows (YYYY-MM-DD, Finnish time). */
  expires_on: string;
  removed_at: Millis | null;
  /** A moderator who took it down (null when its author deleted it). */
  removed_by: number | null;
  created_at: Millis;
  updated_at: Millis;
};

export type FeedbackTopic = "portal" | "content" | "accessibility";

/** Feedback: anonymous (no name or address kept) or signed, and the admin's answer. */
export type FeedbackTable = {
  id: Generated<number>;
  user_id: number | null;
  name: string | null;
  email: string | null;
  topic: FeedbackTopic;
  message: string;
  /** The page it was sent from, when the sender gave it. */
  page: string | null;
  /** Accessibility feedback must be answered within 14 days (306/2019): the last day. */
  due_on: string | null;
  answer: string | null;
  answered_at: Millis | null;
  answered_by: number | null;
  created_at: Millis;
};

export type CommunityDatabase = {
  notices: NoticesTable;
  feedback: FeedbackTable;
};

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
