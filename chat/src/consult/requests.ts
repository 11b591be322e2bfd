import { sameUnit, consultStateAllows, mayConsult } from "./policy.js";
import { type z } from "zod";
import { chatErrors } from "../errors.js";
import { plainText } from "../richtext.js";
import { anonymisationFlags } from "./anonymise.js";
import { addWorkingDays, finnishDate } from "@soskes/domain";
import { consultErrors } from "./errors.js";
import type { ConsultContext, ConsultActor, Presented, Row } from "./context.js";
import { type ConsultationCreate } from "./inputs.js";

/**
 * A new request. Identity codes are refused; names, addresses and birth dates are flagged back
 * to the requester (422) until removed or confirmed as not about a client.
 */
export async function create(
  ctx: ConsultContext,
  actor: ConsultActor,
  input: z.infer<typeof ConsultationCreate>,
): Promise<Presented> {
  const { db, threads, targets, now, audit, present, changing } = ctx;
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
    await db.updateTable("consultations").set({ group_id: row.group_id }).where("id", "=", row.id).execute();
  }
  await audit(actor.id, "create", row.id, "allowed");
  return (await present([row], actor))[0]!;
}

/** One request: audited whether allowed or not; not_found for anyone who may not see it. */
export async function get(ctx: ConsultContext, actor: ConsultActor, id: number): Promise<Presented> {
  const { db, audit, relation, present } = ctx;
  const row = await db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirst();
  const may = row ? await relation(actor, row) : null;
  await audit(actor.id, "read", id, may ? "allowed" : "denied");
  if (!row || !may) throw consultErrors.notFound();
  return (await present([row], actor))[0]!;
}

/** "mine": the actor's own requests; "inbox": the requests of the actor's panels they may take or lead. */
export async function list(
  ctx: ConsultContext,
  actor: ConsultActor,
  scope: "mine" | "inbox",
  status?: Row["status"],
): Promise<Presented[]> {
  const { db, unitOf, present } = ctx;
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
}

/** An expert of the panel takes a new request (never one from their own unit). */
export async function claim(ctx: ConsultContext, actor: ConsultActor, id: number): Promise<Presented> {
  const { db, threads, now, audit, seat, unitOf, relation, present, changing } = ctx;
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
}

/** The panel lead (or an admin) gives a request to another expert of the panel. */
export async function assign(
  ctx: ConsultContext,
  actor: ConsultActor,
  id: number,
  userId: number,
): Promise<Presented> {
  const { db, threads, now, audit, seat, unitOf, relation, present, changing } = ctx;
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
  if (!target || userId === row.requester_id)
    throw chatErrors.invalidInput({ fields: { userId: "not_on_panel" } });
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
}

/**
 * new → claimed → answered → closed, and reopen. The expert who took it (or the lead) marks it
 * answered; the requester (or an admin) closes it; the requester reopens it.
 */
export async function transition(
  ctx: ConsultContext,
  actor: ConsultActor,
  id: number,
  to: "answered" | "closed" | "reopened",
  /** On closing: the requester agrees that an anonymised Q&A may be published. */
  extra: { consent?: boolean } = {},
): Promise<Presented> {
  const { db, threads, now, audit, relation, present, changing } = ctx;
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
}
