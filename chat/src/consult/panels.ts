import { type z } from "zod";
import { chatErrors } from "../errors.js";
import { consultErrors } from "./errors.js";
import type { ConsultContext, ConsultActor } from "./context.js";
import { type PanelCreate, type PanelMember } from "./inputs.js";
import type { Panel } from "./wire.js";

export async function listPanels(ctx: ConsultContext): Promise<Panel[]> {
  const { db } = ctx;
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
}

export async function createPanel(
  ctx: ConsultContext,
  actor: ConsultActor,
  input: z.infer<typeof PanelCreate>,
) {
  const { db, now } = ctx;
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
}

/** Seats an expert on a panel (one expert may sit on several); with lead, they lead it. */
export async function setPanelMember(
  ctx: ConsultContext,
  actor: ConsultActor,
  panelId: number,
  input: z.infer<typeof PanelMember>,
) {
  const { db, now } = ctx;
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
}

export async function removePanelMember(
  ctx: ConsultContext,
  actor: ConsultActor,
  panelId: number,
  userId: number,
) {
  const { db } = ctx;
  if (actor.role !== "admin") throw chatErrors.forbidden();
  await db
    .deleteFrom("consult_panel_members")
    .where("panel_id", "=", panelId)
    .where("user_id", "=", userId)
    .execute();
}
