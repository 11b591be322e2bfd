import type { AuditLogTable } from "@soskes/domain";
import type { Generated } from "kysely";
import type { Migration } from "kysely/migration";
import { dialectColumns } from "../columns.js";

type Millis = number;

export type Urgency = "normal" | "urgent";
export type ConsultationStatus = "new" | "claimed" | "answered" | "closed";

export type ConsultPanelsTable = {
  id: Generated<number>;
  /** The service area's slug in the CMS (vammaispalvelut, lastensuojelu…): one panel per area. */
  service_area: string;
  name: string;
  created_at: Millis;
};

export type ConsultPanelMembersTable = {
  panel_id: number;
  user_id: number;
  /** 1 for the panel lead, who sees everything of the panel. */
  lead: number;
  created_at: Millis;
};

export type ConsultationsTable = {
  id: Generated<number>;
  panel_id: number;
  requester_id: number;
  /** The requester's municipality and unit when they asked: the unit decides conflicts of interest. */
  municipality_code: string | null;
  requester_unit: string | null;
  /** The requester's admin-managed directory unit when asking: what conflict of interest compares. */
  requester_org_unit: string | null;
  service_area: string;
  topic: string;
  question: string;
  urgency: Urgency;
  status: ConsultationStatus;
  claimed_by: number | null;
  claimed_at: Millis | null;
  /** The target answer date (a Finnish working day, YYYY-MM-DD). */
  due_on: string;
  /** The private thread between the requester and the panel (a chat group of kind "consultation"). */
  group_id: number | null;
  answered_at: Millis | null;
  closed_at: Millis | null;
  /** When the expert who took it was reminded of the coming target date. */
  reminded_at: Generated<Millis | null>;
  /** When the panel lead was told the request is overdue. */
  escalated_at: Generated<Millis | null>;
  /** When the requester agreed that an anonymised Q&A may be published from it. */
  consent_at: Generated<Millis | null>;
  created_at: Millis;
  updated_at: Millis;
};

export type { AuditLogTable };

export type AnswerStatus = "draft" | "pending" | "published";

/**
 * The answer bank: an anonymised Q&A the expert wrote from a closed request whose requester
 * consented, published when the panel lead approves it. Nothing here is copied from the thread;
 * every word was written or edited by the expert and approved by the lead.
 */
export type ConsultAnswersTable = {
  id: Generated<number>;
  consultation_id: number;
  panel_id: number;
  service_area: string;
  title: string;
  question: string;
  answer: string;
  /** The statute sections the answer relies on: "1301/2014#36,417/2007#25". */
  sections: string;
  /** When the answer should be checked again (YYYY-MM-DD). */
  review_on: string;
  status: AnswerStatus;
  author_id: number;
  /** The lead's note when they return a draft for changes. */
  note: string | null;
  approved_by: number | null;
  published_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
};

export type ConsultDatabase = {
  consult_panels: ConsultPanelsTable;
  consult_panel_members: ConsultPanelMembersTable;
  consultations: ConsultationsTable;
  consult_answers: ConsultAnswersTable;
  audit_log: AuditLogTable;
};

/** Panels, consultations and the audit log, for the portal's migration list. */
export function consultMigration(dialect: "sqlite" | "postgres"): Migration {
  const { millis, tableWithId: idColumn } = dialectColumns(dialect);
  return {
    async up(db) {
      await idColumn(db, "consult_panels")
        .addColumn("service_area", "varchar(80)", (c) => c.notNull().unique())
        .addColumn("name", "varchar(200)", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("consult_panel_members")
        .addColumn("panel_id", "integer", (c) =>
          c.notNull().references("consult_panels.id").onDelete("cascade"),
        )
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("lead", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("consult_panel_members_pk", ["panel_id", "user_id"])
        .execute();
      await idColumn(db, "consultations")
        .addColumn("panel_id", "integer", (c) => c.notNull().references("consult_panels.id"))
        .addColumn("requester_id", "integer", (c) => c.notNull().references("users.id"))
        .addColumn("municipality_code", "varchar(3)")
        .addColumn("requester_unit", "varchar(200)")
        .addColumn("service_area", "varchar(80)", (c) => c.notNull())
        .addColumn("topic", "varchar(200)", (c) => c.notNull())
        .addColumn("question", "text", (c) => c.notNull())
        .addColumn("urgency", "varchar(10)", (c) => c.notNull())
        .addColumn("status", "varchar(10)", (c) => c.notNull())
        .addColumn("claimed_by", "integer", (c) => c.references("users.id"))
        .addColumn("claimed_at", millis)
        .addColumn("due_on", "varchar(10)", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("consultations_panel")
        .on("consultations")
        .columns(["panel_id", "status"])
        .execute();
      await db.schema
        .createIndex("consultations_requester")
        .on("consultations")
        .column("requester_id")
        .execute();
      await idColumn(db, "audit_log")
        .addColumn("actor_id", "integer")
        .addColumn("action", "varchar(60)", (c) => c.notNull())
        .addColumn("resource_type", "varchar(40)", (c) => c.notNull())
        .addColumn("resource_id", "varchar(60)", (c) => c.notNull())
        .addColumn("outcome", "varchar(10)", (c) => c.notNull())
        .addColumn("at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("audit_log_resource")
        .on("audit_log")
        .columns(["resource_type", "resource_id"])
        .execute();
    },
    async down(db) {
      for (const table of ["audit_log", "consultations", "consult_panel_members", "consult_panels"])
        await db.schema.dropTable(table).execute();
    },
  };
}

/** Threads and the answered and closed times of requests. */
export function consultStatesMigration(dialect: "sqlite" | "postgres"): Migration {
  const { millis } = dialectColumns(dialect);
  return {
    async up(db) {
      await db.schema.alterTable("consultations").addColumn("group_id", "integer").execute();
      await db.schema.alterTable("consultations").addColumn("answered_at", millis).execute();
      await db.schema.alterTable("consultations").addColumn("closed_at", millis).execute();
    },
    async down(db) {
      for (const column of ["closed_at", "answered_at", "group_id"])
        await db.schema.alterTable("consultations").dropColumn(column).execute();
    },
  };
}

/** Reminder and escalation times. */
export function consultDeadlinesMigration(dialect: "sqlite" | "postgres"): Migration {
  const { millis } = dialectColumns(dialect);
  return {
    async up(db) {
      await db.schema.alterTable("consultations").addColumn("reminded_at", millis).execute();
      await db.schema.alterTable("consultations").addColumn("escalated_at", millis).execute();
    },
    async down(db) {
      await db.schema.alterTable("consultations").dropColumn("escalated_at").execute();
      await db.schema.alterTable("consultations").dropColumn("reminded_at").execute();
    },
  };
}

/** Consent and the answer bank. */
export function consultAnswersMigration(dialect: "sqlite" | "postgres"): Migration {
  const { millis, tableWithId: idColumn } = dialectColumns(dialect);
  return {
    async up(db) {
      await db.schema.alterTable("consultations").addColumn("consent_at", millis).execute();
      await idColumn(db, "consult_answers")
        .addColumn("consultation_id", "integer", (c) =>
          c.notNull().unique().references("consultations.id").onDelete("cascade"),
        )
        .addColumn("panel_id", "integer", (c) => c.notNull().references("consult_panels.id"))
        .addColumn("service_area", "varchar(80)", (c) => c.notNull())
        .addColumn("title", "varchar(200)", (c) => c.notNull())
        .addColumn("question", "text", (c) => c.notNull())
        .addColumn("answer", "text", (c) => c.notNull())
        .addColumn("sections", "varchar(2000)", (c) => c.notNull().defaultTo(""))
        .addColumn("review_on", "varchar(10)", (c) => c.notNull())
        .addColumn("status", "varchar(10)", (c) => c.notNull())
        .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
        .addColumn("note", "varchar(2000)")
        .addColumn("approved_by", "integer", (c) => c.references("users.id"))
        .addColumn("published_at", millis)
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("consult_answers_status")
        .on("consult_answers")
        .columns(["status", "service_area"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("consult_answers").execute();
      await db.schema.alterTable("consultations").dropColumn("consent_at").execute();
    },
  };
}
