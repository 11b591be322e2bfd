import {
  chatMigration,
  consultAnswersMigration,
  consultDeadlinesMigration,
  consultMigration,
  consultStatesMigration,
  threadsMigration,
} from "@soskes/chat";
import { eventsMigration } from "@soskes/domain";
import type { Kysely } from "kysely";
import { communityMigration } from "./community.js";
import { freshnessMigration } from "./freshness.js";
import { inboxMigration } from "./inbox.js";
import { linkChecksMigration } from "./link-checks.js";
import { statuteFlagsMigration } from "./statute-flags.js";
import { surveysMigration } from "./surveys.js";
import { usageMigration } from "./usage.js";
import type { Migration } from "kysely/migration";

export type Dialect = "sqlite" | "postgres";

/**
 * Migrations in code, in order. Each must work on SQLite and PostgreSQL: only the
 * auto-increment key differs, so it comes from `idColumn`.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  const idColumn = <T extends Kysely<unknown>>(db: T, table: string) =>
    dialect === "postgres"
      ? db.schema.createTable(table).addColumn("id", "serial", (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
  const millis = dialect === "postgres" ? "bigint" : "integer";

  return {
    "001_identity": {
      async up(db) {
        await idColumn(db, "users")
          .addColumn("email", "varchar(320)", (c) => c.notNull().unique())
          .addColumn("password_hash", "text")
          .addColumn("name", "varchar(200)", (c) => c.notNull())
          .addColumn("title", "varchar(200)")
          .addColumn("organisation", "varchar(200)")
          .addColumn("unit", "varchar(200)")
          .addColumn("municipality_code", "varchar(3)")
          .addColumn("phone", "varchar(40)")
          .addColumn("expertise", "text")
          .addColumn("languages", "text", (c) => c.notNull().defaultTo("[]"))
          .addColumn("visibility", "text", (c) => c.notNull().defaultTo("{}"))
          .addColumn("maintains", "text", (c) => c.notNull().defaultTo("[]"))
          .addColumn("role", "varchar(20)", (c) => c.notNull().defaultTo("member"))
          .addColumn("status", "varchar(20)", (c) => c.notNull().defaultTo("active"))
          .addColumn("email_verified_at", millis)
          .addColumn("created_at", millis, (c) => c.notNull())
          .addColumn("updated_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("sessions")
          .addColumn("sid", "varchar(128)", (c) => c.primaryKey())
          .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
          .addColumn("data", "text", (c) => c.notNull())
          .addColumn("expires_at", millis, (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();
        await db.schema.createIndex("sessions_expires_at").on("sessions").column("expires_at").execute();
      },
      async down(db) {
        await db.schema.dropTable("sessions").execute();
        await db.schema.dropTable("users").execute();
      },
    },
    "002_mail_and_tokens": {
      async up(db) {
        await idColumn(db, "auth_tokens")
          .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
          .addColumn("kind", "varchar(20)", (c) => c.notNull())
          .addColumn("token_hash", "varchar(64)", (c) => c.notNull().unique())
          .addColumn("expires_at", millis, (c) => c.notNull())
          .addColumn("used_at", millis)
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        await idColumn(db, "outbox")
          .addColumn("to_address", "varchar(320)", (c) => c.notNull())
          .addColumn("template", "varchar(60)", (c) => c.notNull())
          .addColumn("locale", "varchar(5)", (c) => c.notNull())
          .addColumn("data", "text", (c) => c.notNull())
          .addColumn("status", "varchar(10)", (c) => c.notNull())
          .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("next_attempt_at", millis, (c) => c.notNull())
          .addColumn("locked_until", millis)
          .addColumn("last_error", "text")
          .addColumn("sent_at", millis)
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("outbox_due")
          .on("outbox")
          .columns(["status", "next_attempt_at"])
          .execute();
      },
      async down(db) {
        await db.schema.dropTable("outbox").execute();
        await db.schema.dropTable("auth_tokens").execute();
      },
    },
    "003_calendar_token": {
      async up(db) {
        await db.schema.alterTable("users").addColumn("calendar_token", "varchar(64)").execute();
        await db.schema
          .createIndex("users_calendar_token")
          .on("users")
          .column("calendar_token")
          .unique()
          .execute();
      },
      async down(db) {
        await db.schema.alterTable("users").dropColumn("calendar_token").execute();
      },
    },
    "004_oidc_identity": {
      async up(db) {
        await db.schema.alterTable("users").addColumn("oidc_issuer", "varchar(300)").execute();
        await db.schema.alterTable("users").addColumn("oidc_subject", "varchar(255)").execute();
        await db.schema
          .createIndex("users_oidc_identity")
          .on("users")
          .columns(["oidc_issuer", "oidc_subject"])
          .unique()
          .execute();
      },
      async down(db) {
        await db.schema.dropIndex("users_oidc_identity").execute();
        await db.schema.alterTable("users").dropColumn("oidc_subject").execute();
        await db.schema.alterTable("users").dropColumn("oidc_issuer").execute();
      },
    },
    "005_chat": chatMigration(dialect),
    "006_consultations": consultMigration(dialect),
    "007_consultation_threads": threadsMigration(),
    "008_consultation_states": consultStatesMigration(dialect),
    "009_consultation_deadlines": consultDeadlinesMigration(dialect),
    "010_consultation_answers": consultAnswersMigration(dialect),
    "011_community": communityMigration(dialect),
    "012_freshness": freshnessMigration(dialect),
    "013_statute_flags": statuteFlagsMigration(dialect),
    "014_link_checks": linkChecksMigration(dialect),
    "015_surveys": surveysMigration(dialect),
    "016_usage": usageMigration(),
    "017_org_units": {
      // The unit a member works in, as an admin chose it from the directory: the conflict-of-
      // interest rule compares this, never the profile's free-text unit the member edits.
      async up(db) {
        await db.schema.alterTable("users").addColumn("org_unit", "varchar(64)").execute();
        await db.schema.alterTable("consultations").addColumn("requester_org_unit", "varchar(64)").execute();
      },
      async down(db) {
        await db.schema.alterTable("consultations").dropColumn("requester_org_unit").execute();
        await db.schema.alterTable("users").dropColumn("org_unit").execute();
      },
    },
    "018_events": eventsMigration(dialect),
    "019_inbox": inboxMigration(dialect),
  };
}
