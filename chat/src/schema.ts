import type { EventsDatabase } from "@soskes/domain";
import type { Generated } from "kysely";
import type { Migration } from "kysely/migration";
import { dialectColumns } from "./columns.js";

/** Times are epoch milliseconds, as in the rest of the portal database. */
type Millis = number;

export type GroupVisibility = "open" | "closed";
/** A proposed group waits for a moderator; an archived one is read-only. */
export type GroupStatus = "proposed" | "active" | "archived";
export type MemberRole = "member" | "moderator";
/** invited: waits for the person to accept; requested: waits for a moderator. */
export type MemberState = "active" | "invited" | "requested" | "removed" | "banned";
export type NotifyMode = "instant" | "digest" | "off";

export type ChatGroupsTable = {
  id: Generated<number>;
  /** "group": an eKollega group; "consultation": the private thread of an eKonsultaatio request. */
  kind: Generated<"group" | "consultation">;
  name: string;
  description: string;
  rules: string;
  visibility: GroupVisibility;
  status: GroupStatus;
  created_by: number;
  /** The sequence number of the group's latest message. */
  last_seq: number;
  created_at: Millis;
  updated_at: Millis;
};

export type ChatMembersTable = {
  group_id: number;
  user_id: number;
  role: MemberRole;
  state: MemberState;
  last_read_seq: number;
  notify: NotifyMode;
  /** The last message an instant e-mail or digest told this member about. */
  notified_seq: number;
  invited_by: number | null;
  created_at: Millis;
  updated_at: Millis;
};

export type ChatMessagesTable = {
  id: Generated<number>;
  group_id: number;
  seq: number;
  author_id: number;
  /** Chosen by the sending client: a retry with the same id is the same message. */
  client_id: string;
  /** Null once deleted: the text is gone, the tombstone stays. */
  body: string | null;
  /** The thread's first message, for replies. */
  thread_id: number | null;
  /** Mentioned user ids as ",3,17," (empty when none): countable with LIKE on both databases. */
  mentions: string;
  pinned_at: Millis | null;
  pinned_by: number | null;
  edited_at: Millis | null;
  deleted_at: Millis | null;
  deleted_by: number | null;
  created_at: Millis;
  /** Any change after creation (edit, delete, pin, reaction): catch-up sends what changed. */
  updated_at: Millis;
};

export type ChatReactionsTable = {
  message_id: number;
  user_id: number;
  emoji: string;
  created_at: Millis;
};

export type ChatDigestsTable = {
  user_id: number;
  /** The Finnish calendar day (YYYY-MM-DD) whose digest was sent. */
  day: string;
  created_at: Millis;
};

/** The portal's users, as far as chat reads them. */
export type ChatUsersTable = {
  id: Generated<number>;
  email: string;
  name: string;
  unit: string | null;
  /** The admin-managed directory unit (documentId); the member cannot change it. */
  org_unit: string | null;
  municipality_code: string | null;
  role: "member" | "expert" | "moderator" | "admin";
  status: "active" | "pending" | "unverified" | "disabled";
};

export type ChatDatabase = EventsDatabase & {
  users: ChatUsersTable;
  chat_groups: ChatGroupsTable;
  chat_members: ChatMembersTable;
  chat_messages: ChatMessagesTable;
  chat_reactions: ChatReactionsTable;
  chat_digests: ChatDigestsTable;
};

/** The chat tables, for the portal's migration list; works on SQLite and PostgreSQL. */
export function chatMigration(dialect: "sqlite" | "postgres"): Migration {
  const { millis, tableWithId: idColumn } = dialectColumns(dialect);
  return {
    async up(db) {
      await idColumn(db, "chat_groups")
        .addColumn("name", "varchar(120)", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("rules", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("visibility", "varchar(10)", (c) => c.notNull())
        .addColumn("status", "varchar(10)", (c) => c.notNull())
        .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
        .addColumn("last_seq", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("chat_members")
        .addColumn("group_id", "integer", (c) => c.notNull().references("chat_groups.id").onDelete("cascade"))
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("role", "varchar(10)", (c) => c.notNull())
        .addColumn("state", "varchar(10)", (c) => c.notNull())
        .addColumn("last_read_seq", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("notify", "varchar(10)", (c) => c.notNull().defaultTo("digest"))
        .addColumn("notified_seq", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("invited_by", "integer")
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("chat_members_pk", ["group_id", "user_id"])
        .execute();
      await db.schema
        .createIndex("chat_members_user")
        .on("chat_members")
        .columns(["user_id", "state"])
        .execute();
      await idColumn(db, "chat_messages")
        .addColumn("group_id", "integer", (c) => c.notNull().references("chat_groups.id").onDelete("cascade"))
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
        .addColumn("client_id", "varchar(64)", (c) => c.notNull())
        .addColumn("body", "text")
        .addColumn("thread_id", "integer")
        .addColumn("mentions", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("pinned_at", millis)
        .addColumn("pinned_by", "integer")
        .addColumn("edited_at", millis)
        .addColumn("deleted_at", millis)
        .addColumn("deleted_by", "integer")
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .addUniqueConstraint("chat_messages_seq", ["group_id", "seq"])
        .addUniqueConstraint("chat_messages_client", ["group_id", "author_id", "client_id"])
        .execute();
      await db.schema
        .createIndex("chat_messages_updated")
        .on("chat_messages")
        .columns(["group_id", "updated_at"])
        .execute();
      await db.schema
        .createTable("chat_reactions")
        .addColumn("message_id", "integer", (c) =>
          c.notNull().references("chat_messages.id").onDelete("cascade"),
        )
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("emoji", "varchar(16)", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("chat_reactions_pk", ["message_id", "user_id", "emoji"])
        .execute();
      await db.schema
        .createTable("chat_digests")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("day", "varchar(10)", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("chat_digests_pk", ["user_id", "day"])
        .execute();
    },
    async down(db) {
      for (const table of ["chat_digests", "chat_reactions", "chat_messages", "chat_members", "chat_groups"])
        await db.schema.dropTable(table).execute();
    },
  };
}

/** Private threads for eKonsultaatio on the same message store. */
export function threadsMigration(): Migration {
  return {
    async up(db) {
      await db.schema
        .alterTable("chat_groups")
        .addColumn("kind", "varchar(20)", (c) => c.notNull().defaultTo("group"))
        .execute();
    },
    async down(db) {
      await db.schema.alterTable("chat_groups").dropColumn("kind").execute();
    },
  };
}
