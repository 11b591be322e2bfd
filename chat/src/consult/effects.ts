import type { DomainEvent } from "@soskes/domain";
import type { Kysely } from "kysely";
import type { ChatUsersTable } from "../schema.js";
import { sameUnit } from "./policy.js";
import type { ConsultDatabase } from "./schema.js";
import { paths } from "@soskes/domain/paths";

type Db = Kysely<ConsultDatabase & { users: ChatUsersTable }>;
type ChangeEvent = Extract<DomainEvent, { type: "consultation.changed" }>;

/** What a change means for people: in-app notices by user id, and e-mails (a link, never the question). */
export type ConsultEffects = {
  notices: Array<{ userIds: number[]; payload: Record<string, unknown> }>;
  mails: Array<{ to: string; template: string; data: Record<string, string> }>;
};

const none = (): ConsultEffects => ({ notices: [], mails: [] });

/**
 * The notices and e-mails a consultation change calls for, read from the rows as they are now
 * (through the handle given: a processor's transaction). Who hears of what:
 * - asked: the panel's experts (never of the requester's own unit) and its lead, in-app and mail;
 * - given to an expert: that expert, in-app and mail;
 * - answered: the asker, in-app and mail (at once: they are waiting for it);
 * - closed with consent to publish: the expert who took it, in-app;
 * - its Q&A sent for review: the panel's leads; reviewed: the Q&A's author, in-app.
 */
export async function consultEffects<DB extends ConsultDatabase & { users: ChatUsersTable }>(
  handle: Kysely<DB>,
  event: ChangeEvent,
  publicUrl: string,
): Promise<ConsultEffects> {
  // Any database holding the consultation tables will do (the portal's, a transaction of it).
  const db = handle as unknown as Db;
  const { consultationId: id, change } = event.payload;
  const row = await db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return none();
  const panel =
    (await db.selectFrom("consult_panels").select("name").where("id", "=", row.panel_id).executeTakeFirst())
      ?.name ?? "";
  const url = `${publicUrl}${paths.consultation(id)}`;
  const effects = none();
  switch (change) {
    case "created": {
      const seats = await db
        .selectFrom("consult_panel_members as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select(["u.id", "u.email", "u.name", "u.unit", "u.org_unit", "m.lead"])
        .where("m.panel_id", "=", row.panel_id)
        .where("u.status", "=", "active")
        .where("u.id", "!=", row.requester_id)
        .execute();
      const recipients = seats.filter((s) => s.lead || !sameUnit(s, row));
      effects.notices.push({
        userIds: recipients.map((r) => r.id),
        payload: { type: "consultation", consultationId: id, panel, urgency: row.urgency },
      });
      for (const r of recipients)
        effects.mails.push({
          to: r.email,
          template: "consult-new",
          data: { name: r.name, panel, due: row.due_on, url },
        });
      return effects;
    }
    case "assigned": {
      const userId = event.payload.userId;
      if (userId === undefined) return effects;
      effects.notices.push({
        userIds: [userId],
        payload: { type: "consultation_assigned", consultationId: id, panel },
      });
      const expert = await db
        .selectFrom("users")
        .select(["email", "name"])
        .where("id", "=", userId)
        .where("status", "=", "active")
        .executeTakeFirst();
      if (expert)
        effects.mails.push({
          to: expert.email,
          template: "consult-assigned",
          data: { name: expert.name, panel, due: row.due_on, url },
        });
      return effects;
    }
    case "answered": {
      const asker = await db
        .selectFrom("users")
        .select(["id", "email", "name"])
        .where("id", "=", row.requester_id)
        .where("status", "=", "active")
        .executeTakeFirst();
      if (!asker) return effects;
      effects.notices.push({
        userIds: [asker.id],
        payload: { type: "consultation_answered", consultationId: id, panel },
      });
      effects.mails.push({
        to: asker.email,
        template: "consult-answered",
        data: { name: asker.name, panel, url },
      });
      return effects;
    }
    case "closed":
      if (event.payload.consent && row.claimed_by !== null)
        effects.notices.push({
          userIds: [row.claimed_by],
          payload: { type: "answer_consent", consultationId: id },
        });
      return effects;
    case "answer_submitted": {
      const leads = await db
        .selectFrom("consult_panel_members")
        .select("user_id")
        .where("panel_id", "=", row.panel_id)
        .where("lead", "=", 1)
        .execute();
      effects.notices.push({
        userIds: leads.map((l) => l.user_id),
        payload: { type: "answer_review", consultationId: id, panel },
      });
      return effects;
    }
    case "answer_reviewed": {
      const answer = await db
        .selectFrom("consult_answers")
        .select(["id", "author_id"])
        .where("consultation_id", "=", id)
        .executeTakeFirst();
      if (answer)
        effects.notices.push({
          userIds: [answer.author_id],
          payload: {
            type: event.payload.approved ? "answer_published" : "answer_returned",
            consultationId: id,
            answerId: answer.id,
          },
        });
      return effects;
    }
    default:
      return effects;
  }
}
