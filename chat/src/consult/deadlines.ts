import { finnishDate, workingDaysBetween } from "@soskes/domain";
import type { ConsultContext } from "./context.js";

/**
 * Deadlines, run by a job: the expert who took a request is reminded when at most one working
 * day is left; when the target date has passed, the panel lead is told. Each once.
 */
export async function runDeadlines(ctx: ConsultContext): Promise<{ reminded: number; escalated: number }> {
  const { db, options, now, audit, link, panelName } = ctx;
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
}

/** Closes answered requests nobody has closed within the configured days. */
export async function autoClose(ctx: ConsultContext): Promise<number> {
  const { db, threads, options, now, audit } = ctx;
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
}
