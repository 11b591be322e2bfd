import { consultationStream, withEvents, type ConsultationChange, type EventMap } from "@soskes/domain";
import type { Dialect, EventsDatabase } from "@soskes/domain";
import type { Consultation } from "./wire.js";
import {
  sameUnit,
  consultAbilities,
  consultRelation,
  consultStateAllows,
  mayConsult,
  type ConsultFacts,
  type ConsultRelation,
} from "./policy.js";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { chatErrors } from "../errors.js";
import { plainText } from "../richtext.js";
import type { ChatUsersTable } from "../schema.js";
import { anonymisationFlags } from "./anonymise.js";
import { writeAudit, toCsv, addWorkingDays, finnishDate, workingDaysBetween } from "@soskes/domain";
import { createAnswerBank, richText } from "./answers.js";
import { consultErrors } from "./errors.js";
import { consultReport } from "./report.js";
export { consultErrors } from "./errors.js";
import type { ConsultDatabase, ConsultationsTable, Urgency } from "./schema.js";
import { paths } from "@soskes/domain/paths";

type Db = Kysely<ConsultDatabase & EventsDatabase & { users: ChatUsersTable }>;
type Row = Selectable<ConsultationsTable>;

export type ConsultActor = {
  id: number;
  role: "member" | "expert" | "moderator" | "admin";
};

const text = (max: number) => z.string({ error: "required" }).trim().max(max, "too_long");

export const ConsultationCreate = z.object({
  serviceArea: z.string({ error: "required" }).regex(/^[a-z0-9-]{2,80}$/, "service_area"),
  topic: text(200).min(3, "too_short"),
  /** Light markup (see richtext.ts), rendered as allow-listed elements only. */
  question: richText(20),
  urgency: z.enum(["normal", "urgent"], { error: "urgency" }).default("normal"),
  /** The requester ticked the anonymisation checklist. */
  anonymised: z.literal(true, { error: "anonymisation_checklist" }),
  /** The requester looked at every flag and confirms none is about a client. */
  acknowledgeFlags: z.boolean().optional(),
});
export const PanelCreate = z.object({
  serviceArea: z.string({ error: "required" }).regex(/^[a-z0-9-]{2,80}$/, "service_area"),
  name: text(200).min(3, "too_short"),
});
export const PanelMember = z.object({
  userId: z.number({ error: "id" }).int("id").positive("id"),
  lead: z.boolean().default(false),
});

/** Target response time in Finnish working days, per urgency. */
export type Targets = Record<Urgency, number>;
export const DEFAULT_TARGETS: Targets = { normal: 5, urgent: 2 };

export type ConsultService = ReturnType<typeof createConsultService>;

/**
 * eKonsultaatio's requests, panels and audit log. A request is visible to its requester, the
 * panel's experts (except one from the requester's own unit, unless the lead) and admins; everyone
 * else gets not_found, the same as for a request that does not exist. Every read is audited.
 */
/** The private thread store (chat's), so the conversation has realtime delivery and catch-up. */
export type Threads = {
  createThread(name: string, ownerId: number, memberIds: number[]): Promise<number>;
  addThreadMember(groupId: number, userId: number): Promise<void>;
  setThreadOpen(groupId: number, open: boolean): Promise<void>;
};

/** In-app notifications (by user id) and e-mail (a link, never the question). */
export type ConsultNotify = {
  users(userIds: number[], payload: Record<string, unknown>): void;
  mail(mail: { to: string; template: string; data: Record<string, string> }): Promise<void>;
};

export function createConsultService(options: {
  db: Db;
  /** For the events written with each change (the outbox). */
  dialect: Dialect;
  threads?: Threads;
  notify?: ConsultNotify;
  /** Where links in e-mails point. */
  publicUrl?: string;
  targets?: Targets;
  /** Answered requests close by themselves after this many days (default 14). */
  autoCloseDays?: number;
  now?: () => number;
}) {
  const { db, threads } = options;
  const targets = options.targets ?? DEFAULT_TARGETS;
  const now = options.now ?? Date.now;

  const audit = (
    actorId: number | null,
    action: string,
    id: number | string,
    outcome: "allowed" | "denied",
  ) =>
    writeAudit(db, {
      actorId,
      action,
      resourceType: "consultation",
      resourceId: String(id),
      outcome,
      at: now(),
    });

  const seat = (panelId: number, userId: number) =>
    db
      .selectFrom("consult_panel_members")
      .select("lead")
      .where("panel_id", "=", panelId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
  type UnitIdentity = { unit: string | null; org_unit: string | null };
  const unitOf = async (userId: number): Promise<UnitIdentity> =>
    (await db
      .selectFrom("users")
      .select(["unit", "org_unit"])
      .where("id", "=", userId)
      .executeTakeFirst()) ?? {
      unit: null,
      org_unit: null,
    };

  /** Why the actor may see the request, or null. */
  async function relation(actor: ConsultActor, row: Row): Promise<ConsultRelation> {
    if (row.requester_id === actor.id || actor.role === "admin")
      return consultRelation(actor, row, undefined, false);
    const member = await seat(row.panel_id, actor.id);
    const conflict = member && !member.lead ? sameUnit(await unitOf(actor.id), row) : false;
    return consultRelation(actor, row, member, conflict);
  }

  async function present(rows: Row[], viewer: ConsultActor): Promise<Consultation[]> {
    if (rows.length === 0) return [];
    const userIds = [...new Set(rows.flatMap((r) => [r.requester_id, r.claimed_by ?? r.requester_id]))];
    const panelIds = [...new Set(rows.map((r) => r.panel_id))];
    const [users, panels] = await Promise.all([
      db.selectFrom("users").select(["id", "name"]).where("id", "in", userIds).execute(),
      db.selectFrom("consult_panels").select(["id", "name"]).where("id", "in", panelIds).execute(),
    ]);
    const name = new Map(users.map((u) => [u.id, u.name]));
    const panel = new Map(panels.map((p) => [p.id, p.name]));
    const [seats, viewerUnit] = await Promise.all([
      db
        .selectFrom("consult_panel_members")
        .select(["panel_id", "lead"])
        .where("user_id", "=", viewer.id)
        .execute()
        .then((rows) => new Map(rows.map((s) => [s.panel_id, s]))),
      unitOf(viewer.id),
    ]);
    const leads = new Set([...seats.values()].filter((s) => s.lead).map((s) => s.panel_id));
    const facts = (r: Row): ConsultFacts => {
      const conflict = sameUnit(viewerUnit, r);
      return {
        actorId: viewer.id,
        relation: consultRelation(viewer, r, seats.get(r.panel_id), conflict),
        onPanel: seats.has(r.panel_id),
        conflict,
      };
    };
    const participant = (r: Row) =>
      r.requester_id === viewer.id || r.claimed_by === viewer.id || leads.has(r.panel_id);
    const today = finnishDate(now());
    return rows.map((r) => ({
      id: r.id,
      panel: { id: r.panel_id, name: panel.get(r.panel_id) ?? "" },
      serviceArea: r.service_area,
      topic: r.topic,
      question: r.question,
      urgency: r.urgency,
      status: r.status,
      requester: { id: r.requester_id, name: name.get(r.requester_id) ?? "" },
      municipalityCode: r.municipality_code,
      requesterUnit: r.requester_unit,
      claimedBy: r.claimed_by === null ? null : { id: r.claimed_by, name: name.get(r.claimed_by) ?? "" },
      dueOn: r.due_on,
      overdue: r.status !== "answered" && r.status !== "closed" && r.due_on < today,
      mine: r.requester_id === viewer.id,
      /** The private thread, for its participants: the requester, the expert who took it, the lead. */
      threadId: participant(r) ? r.group_id : null,
      answeredAt: r.answered_at,
      closedAt: r.closed_at,
      /** The requester agreed that an anonymised Q&A may be published from this request. */
      consent: r.consent_at !== null,
      createdAt: r.created_at,
      /** What the viewer may do to it now: the client offers exactly these actions. */
      abilities: consultAbilities(facts(r), r),
    }));
  }
  type Presented = Awaited<ReturnType<typeof present>>[number];

  const link = (id: number) => `${options.publicUrl ?? ""}${paths.consultation(id)}`;
  const panelName = async (panelId: number) =>
    (await db.selectFrom("consult_panels").select("name").where("id", "=", panelId).executeTakeFirst())
      ?.name ?? "";

  /** A change and the event others react to (notices, e-mail, the inbox) commit together. */
  const changing = <T>(
    actorId: number,
    id: number | ((result: T) => number),
    change: ConsultationChange,
    write: (trx: Db) => Promise<T>,
    extra: (result: T) => Partial<EventMap["consultation.changed"]> = () => ({}),
  ) =>
    withEvents(db, options.dialect, async (trx, record) => {
      const result = await write(trx);
      const consultationId = typeof id === "number" ? id : id(result);
      record({
        type: "consultation.changed",
        stream: consultationStream(consultationId),
        payload: { consultationId, actorId, change, ...extra(result) },
      });
      return result;
    });

  const bank = createAnswerBank({
    db,
    now,
    audit,
    relation,
    panelName,
    dialect: options.dialect,
  });

  return {
    ...bank,

    /** Requests per panel and service area, response times and overdue counts, for admins. */
    async report(actor: ConsultActor, period: { from?: string; to?: string }) {
      if (actor.role !== "admin") throw chatErrors.forbidden();
      return consultReport(db, period, now());
    },

    async listPanels() {
      const panels = await db.selectFrom("consult_panels").selectAll().orderBy("name").execute();
      const seats = await db
        .selectFrom("consult_panel_members as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select(["m.panel_id", "m.user_id", "m.lead", "u.name"])
        .execute();
      return panels.map((p) => ({
        id: p.id,
        serviceArea: p.service_area,
        name: p.name,
        members: seats
          .filter((s) => s.panel_id === p.id)
          .map((s) => ({ id: s.user_id, name: s.name, lead: Boolean(s.lead) })),
      }));
    },

    async createPanel(actor: ConsultActor, input: z.infer<typeof PanelCreate>) {
      if (actor.role !== "admin") throw chatErrors.forbidden();
      const taken = await db
        .selectFrom("consult_panels")
        .select("id")
        .where("service_area", "=", input.serviceArea)
        .executeTakeFirst();
      if (taken) throw consultErrors.panelTaken();
      return db
        .insertInto("consult_panels")
        .values({ service_area: input.serviceArea, name: input.name, created_at: now() })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** Seats an expert on a panel (one expert may sit on several); with lead, they lead it. */
    async setPanelMember(actor: ConsultActor, panelId: number, input: z.infer<typeof PanelMember>) {
      if (actor.role !== "admin") throw chatErrors.forbidden();
      const panel = await db
        .selectFrom("consult_panels")
        .select("id")
        .where("id", "=", panelId)
        .executeTakeFirst();
      const user = await db
        .selectFrom("users")
        .select(["id", "status"])
        .where("id", "=", input.userId)
        .executeTakeFirst();
      if (!panel || !user || user.status !== "active") throw consultErrors.notFound();
      await db.transaction().execute(async (trx) => {
        // One lead per panel.
        if (input.lead)
          await trx
            .updateTable("consult_panel_members")
            .set({ lead: 0 })
            .where("panel_id", "=", panelId)
            .execute();
        await trx
          .insertInto("consult_panel_members")
          .values({ panel_id: panelId, user_id: input.userId, lead: input.lead ? 1 : 0, created_at: now() })
          .onConflict((oc) => oc.columns(["panel_id", "user_id"]).doUpdateSet({ lead: input.lead ? 1 : 0 }))
          .execute();
      });
    },

    async removePanelMember(actor: ConsultActor, panelId: number, userId: number) {
      if (actor.role !== "admin") throw chatErrors.forbidden();
      await db
        .deleteFrom("consult_panel_members")
        .where("panel_id", "=", panelId)
        .where("user_id", "=", userId)
        .execute();
    },

    /**
     * A new request. Identity codes are refused; names, addresses and birth dates are flagged back
     * to the requester (422) until removed or confirmed as not about a client.
     */
    async create(actor: ConsultActor, input: z.infer<typeof ConsultationCreate>): Promise<Presented> {
      const words = plainText(input.question);
      const flags = [...anonymisationFlags(input.topic), ...anonymisationFlags(words)];
      if (flags.length > 0 && !input.acknowledgeFlags) throw consultErrors.flagged(flags);
      const panel = await db
        .selectFrom("consult_panels")
        .select("id")
        .where("service_area", "=", input.serviceArea)
        .executeTakeFirst();
      if (!panel) throw consultErrors.noPanel();
      const requester = await db
        .selectFrom("users")
        .select(["unit", "org_unit", "municipality_code"])
        .where("id", "=", actor.id)
        .executeTakeFirstOrThrow();
      const at = now();
      const row = await changing(
        actor.id,
        (r: Row) => r.id,
        "created",
        (trx) =>
          trx
            .insertInto("consultations")
            .values({
              panel_id: panel.id,
              requester_id: actor.id,
              municipality_code: requester.municipality_code,
              requester_unit: requester.unit,
              requester_org_unit: requester.org_unit,
              service_area: input.serviceArea,
              topic: input.topic,
              question: input.question,
              urgency: input.urgency,
              status: "new",
              claimed_by: null,
              claimed_at: null,
              due_on: addWorkingDays(finnishDate(at), targets[input.urgency]),
              group_id: null,
              answered_at: null,
              closed_at: null,
              created_at: at,
              updated_at: at,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
      );
      if (threads) {
        const leads = await db
          .selectFrom("consult_panel_members")
          .select("user_id")
          .where("panel_id", "=", panel.id)
          .where("lead", "=", 1)
          .execute();
        // Named by number: the name reaches e-mail notifications, the topic never does.
        row.group_id = await threads.createThread(
          `eKonsultaatio ${row.id}`,
          actor.id,
          leads.map((l) => l.user_id),
        );
        await db
          .updateTable("consultations")
          .set({ group_id: row.group_id })
          .where("id", "=", row.id)
          .execute();
      }
      await audit(actor.id, "create", row.id, "allowed");
      return (await present([row], actor))[0]!;
    },

    /** One request: audited whether allowed or not; not_found for anyone who may not see it. */
    async get(actor: ConsultActor, id: number): Promise<Presented> {
      const row = await db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirst();
      const may = row ? await relation(actor, row) : null;
      await audit(actor.id, "read", id, may ? "allowed" : "denied");
      if (!row || !may) throw consultErrors.notFound();
      return (await present([row], actor))[0]!;
    },

    /** "mine": the actor's own requests; "inbox": the requests of the actor's panels they may take or lead. */
    async list(actor: ConsultActor, scope: "mine" | "inbox", status?: Row["status"]): Promise<Presented[]> {
      let query = db.selectFrom("consultations").selectAll().orderBy("created_at", "desc").limit(200);
      if (status) query = query.where("status", "=", status);
      if (scope === "mine") return present(await query.where("requester_id", "=", actor.id).execute(), actor);
      const seats = await db
        .selectFrom("consult_panel_members")
        .selectAll()
        .where("user_id", "=", actor.id)
        .execute();
      if (seats.length === 0) return [];
      const unit = await unitOf(actor.id);
      const rows = await query
        .where(
          "panel_id",
          "in",
          seats.map((s) => s.panel_id),
        )
        .where("requester_id", "!=", actor.id)
        .execute();
      const lead = new Set(seats.filter((s) => s.lead).map((s) => s.panel_id));
      // Never routed to an expert of the requester's own unit; the lead sees everything of the panel.
      return present(
        rows.filter((r) => lead.has(r.panel_id) || !sameUnit(unit, r)),
        actor,
      );
    },

    /** An expert of the panel takes a new request (never one from their own unit). */
    async claim(actor: ConsultActor, id: number): Promise<Presented> {
      const row = await db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirst();
      const member = row ? await seat(row.panel_id, actor.id) : undefined;
      const may = row ? await relation(actor, row) : null;
      if (!row || !may) {
        await audit(actor.id, "claim", id, "denied");
        throw consultErrors.notFound();
      }
      if (
        !mayConsult(
          { actorId: actor.id, relation: may, onPanel: member !== undefined, conflict: false },
          "claim",
          row,
        )
      ) {
        await audit(actor.id, "claim", id, "denied");
        throw chatErrors.forbidden();
      }
      if (sameUnit(await unitOf(actor.id), row)) {
        await audit(actor.id, "claim", id, "denied");
        throw consultErrors.conflictOfInterest();
      }
      const at = now();
      const updated = await changing(actor.id, id, "claimed", async (trx) => {
        const claimed = await trx
          .updateTable("consultations")
          .set({ status: "claimed", claimed_by: actor.id, claimed_at: at, updated_at: at })
          .where("id", "=", id)
          .where("status", "=", "new")
          .returningAll()
          .executeTakeFirst();
        // Rolls back: nothing changed, so no event either.
        if (!claimed) throw consultErrors.alreadyClaimed();
        return claimed;
      });
      if (threads && updated.group_id !== null) await threads.addThreadMember(updated.group_id, actor.id);
      await audit(actor.id, "claim", id, "allowed");
      return (await present([updated], actor))[0]!;
    },

    /** The panel lead (or an admin) gives a request to another expert of the panel. */
    async assign(actor: ConsultActor, id: number, userId: number): Promise<Presented> {
      const row = await db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirst();
      const may = row ? await relation(actor, row) : null;
      if (!row || !may) {
        await audit(actor.id, "assign", id, "denied");
        throw consultErrors.notFound();
      }
      if (!mayConsult({ actorId: actor.id, relation: may, onPanel: false, conflict: false }, "assign", row)) {
        await audit(actor.id, "assign", id, "denied");
        throw chatErrors.forbidden();
      }
      if (!consultStateAllows("assign", row)) throw consultErrors.wrongState();
      const target = await seat(row.panel_id, userId);
      if (!target || userId === row.requester_id) throw chatErrors.invalidInput({ userId: "not_on_panel" });
      if (sameUnit(await unitOf(userId), row)) throw consultErrors.conflictOfInterest();
      const at = now();
      const updated = await changing(
        actor.id,
        id,
        "assigned",
        (trx) =>
          trx
            .updateTable("consultations")
            .set({ status: "claimed", claimed_by: userId, claimed_at: at, reminded_at: null, updated_at: at })
            .where("id", "=", id)
            .returningAll()
            .executeTakeFirstOrThrow(),
        () => ({ userId }),
      );
      if (threads && updated.group_id !== null) await threads.addThreadMember(updated.group_id, userId);
      await audit(actor.id, "assign", id, "allowed");
      return (await present([updated], actor))[0]!;
    },

    /**
     * new → claimed → answered → closed, and reopen. The expert who took it (or the lead) marks it
     * answered; the requester (or an admin) closes it; the requester reopens it.
     */
    async transition(
      actor: ConsultActor,
      id: number,
      to: "answered" | "closed" | "reopened",
      /** On closing: the requester agrees that an anonymised Q&A may be published. */
      extra: { consent?: boolean } = {},
    ): Promise<Presented> {
      const row = await db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirst();
      const may = row ? await relation(actor, row) : null;
      if (!row || !may) {
        await audit(actor.id, to, id, "denied");
        throw consultErrors.notFound();
      }
      const facts = { actorId: actor.id, relation: may, onPanel: false, conflict: false };
      const who = mayConsult(facts, to, row);
      const state = consultStateAllows(to, row);
      if (!who || !state) {
        await audit(actor.id, to, id, "denied");
        throw who ? consultErrors.wrongState() : chatErrors.forbidden();
      }
      const at = now();
      const values =
        to === "answered"
          ? { status: "answered" as const, answered_at: at }
          : to === "closed"
            ? {
                status: "closed" as const,
                closed_at: at,
                ...(extra.consent && may === "requester" ? { consent_at: at } : {}),
              }
            : {
                status: row.claimed_by === null ? ("new" as const) : ("claimed" as const),
                closed_at: null,
                answered_at: null,
              };
      const updated = await changing(
        actor.id,
        id,
        to,
        (trx) =>
          trx
            .updateTable("consultations")
            .set({ ...values, updated_at: at })
            .where("id", "=", id)
            .returningAll()
            .executeTakeFirstOrThrow(),
        (r) => (to === "closed" ? { consent: r.consent_at !== null } : {}),
      );
      if (threads && row.group_id !== null && to !== "answered")
        await threads.setThreadOpen(row.group_id, to === "reopened");
      await audit(actor.id, to, id, "allowed");
      return (await present([updated], actor))[0]!;
    },

    /**
     * Deadlines, run by a job: the expert who took a request is reminded when at most one working
     * day is left; when the target date has passed, the panel lead is told. Each once.
     */
    async runDeadlines(): Promise<{ reminded: number; escalated: number }> {
      if (!options.notify) return { reminded: 0, escalated: 0 };
      const at = now();
      const today = finnishDate(at);
      const open = await db
        .selectFrom("consultations")
        .selectAll()
        .where("status", "in", ["new", "claimed"])
        .where((eb) => eb.or([eb("reminded_at", "is", null), eb("escalated_at", "is", null)]))
        .execute();
      let reminded = 0;
      let escalated = 0;
      for (const row of open) {
        const panel = await panelName(row.panel_id);
        if (
          row.status === "claimed" &&
          row.reminded_at === null &&
          row.claimed_by !== null &&
          row.due_on >= today &&
          workingDaysBetween(today, row.due_on) <= 1
        ) {
          const expert = await db
            .selectFrom("users")
            .select(["email", "name"])
            .where("id", "=", row.claimed_by)
            .executeTakeFirst();
          const claimed = await db
            .updateTable("consultations")
            .set({ reminded_at: at })
            .where("id", "=", row.id)
            .where("reminded_at", "is", null)
            .executeTakeFirst();
          if (expert && Number(claimed.numUpdatedRows) > 0) {
            await options.notify.mail({
              to: expert.email,
              template: "consult-reminder",
              data: { name: expert.name, panel, due: row.due_on, url: link(row.id) },
            });
            reminded += 1;
          }
        }
        if (row.escalated_at === null && row.due_on < today) {
          const claimed = await db
            .updateTable("consultations")
            .set({ escalated_at: at })
            .where("id", "=", row.id)
            .where("escalated_at", "is", null)
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) === 0) continue;
          const leads = await db
            .selectFrom("consult_panel_members as m")
            .innerJoin("users as u", "u.id", "m.user_id")
            .select(["u.id", "u.email", "u.name"])
            .where("m.panel_id", "=", row.panel_id)
            .where("m.lead", "=", 1)
            .execute();
          for (const lead of leads)
            await options.notify.mail({
              to: lead.email,
              template: "consult-escalation",
              data: { name: lead.name, panel, due: row.due_on, url: link(row.id) },
            });
          options.notify.users(
            leads.map((l) => l.id),
            { type: "consultation_overdue", consultationId: row.id, panel },
          );
          await audit(null, "escalate", row.id, "allowed");
          escalated += 1;
        }
      }
      return { reminded, escalated };
    },

    /** Closes answered requests nobody has closed within the configured days. */
    async autoClose(): Promise<number> {
      const limit = now() - (options.autoCloseDays ?? 14) * 86_400_000;
      const rows = await db
        .selectFrom("consultations")
        .select(["id", "group_id"])
        .where("status", "=", "answered")
        .where("answered_at", "<", limit)
        .execute();
      for (const r of rows) {
        await db
          .updateTable("consultations")
          .set({ status: "closed", closed_at: now(), updated_at: now() })
          .where("id", "=", r.id)
          .execute();
        if (threads && r.group_id !== null) await threads.setThreadOpen(r.group_id, false);
        await audit(null, "auto_close", r.id, "allowed");
      }
      return rows.length;
    },

    /** The audit log for admins, newest first. */
    async auditLog(actor: ConsultActor, limit = 1000) {
      if (actor.role !== "admin") throw chatErrors.forbidden();
      const rows = await db
        .selectFrom("audit_log as a")
        .leftJoin("users as u", "u.id", "a.actor_id")
        .select([
          "a.id",
          "a.at",
          "a.actor_id",
          "u.email",
          "a.action",
          "a.resource_type",
          "a.resource_id",
          "a.outcome",
        ])
        .orderBy("a.id", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actor: r.email,
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        outcome: r.outcome,
      }));
    },
  };
}

/** The audit log as CSV (RFC 4180), for admins to export. */
export function auditCsv(rows: Array<Record<string, string | number | null>>): string {
  return toCsv(["id", "at", "actorId", "actor", "action", "resourceType", "resourceId", "outcome"], rows);
}
