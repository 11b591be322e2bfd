import { consultationStream, withEvents, type ConsultationChange, type EventMap } from "@soskes/domain";
import type { Dialect, EventsDatabase } from "@soskes/domain";
import type { Consultation } from "./wire.js";
import {
  sameUnit,
  consultAbilities,
  consultRelation,
  type ConsultFacts,
  type ConsultRelation,
} from "./policy.js";
import type { Kysely, Selectable } from "kysely";
import type { ChatUsersTable } from "../schema.js";
import { writeAudit, finnishDate } from "@soskes/domain";
import type { ConsultDatabase, ConsultationsTable, Urgency } from "./schema.js";
import { paths } from "@soskes/domain/paths";

export type Db = Kysely<ConsultDatabase & EventsDatabase & { users: ChatUsersTable }>;
export type Row = Selectable<ConsultationsTable>;

export type ConsultActor = {
  id: number;
  role: "member" | "expert" | "moderator" | "admin";
};

/** Target response time in Finnish working days, per urgency. */
export type Targets = Record<Urgency, number>;
export const DEFAULT_TARGETS: Targets = { normal: 5, urgent: 2 };

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

export type ConsultOptions = {
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
};

/** What every part of eKonsultaatio shares: the store, the rules' reads, presenting, auditing, events. */
export function createConsultContext(options: ConsultOptions) {
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

  return {
    db,
    threads,
    options,
    targets,
    now,
    audit,
    seat,
    unitOf,
    relation,
    present,
    link,
    panelName,
    changing,
  };
}

export type ConsultContext = ReturnType<typeof createConsultContext>;
export type Presented = Consultation;
