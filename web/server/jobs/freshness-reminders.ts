import { finnishDate, addDays } from "@soskes/domain";
import type { Services } from "../services.js";
import type { Db } from "../db/database.js";
import { enqueueMail } from "../mail/outbox.js";
import {
  REMINDER_DAYS,
  type FreshnessRecord,
  freshnessRecords,
  fiDate,
  freshnessLink,
} from "../content/freshness.js";

/**
 * The daily reminder: every owner whose records fall due within 14 days (or are overdue and were
 * never reminded for this due date) gets one e-mail through the outbox, with a "still valid"
 * link per record. A record is reminded once per due date, even with several portal nodes.
 */
export async function runFreshnessReminders(
  services: Pick<Services, "config" | "content"> & { db: Db },
  now = Date.now(),
): Promise<{ owners: number; records: number }> {
  const { data } = await services.content.current();
  const horizon = addDays(finnishDate(now), REMINDER_DAYS);
  const due = freshnessRecords(data, now).filter((r) => r.owner && r.dueOn <= horizon);
  const claimed: FreshnessRecord[] = [];
  for (const r of due) {
    const inserted = await services.db
      .insertInto("freshness_reminders")
      .values({ record_key: `${r.type}:${r.documentId}`, due_on: r.dueOn, owner: r.owner!, sent_at: now })
      .onConflict((oc) => oc.columns(["record_key", "due_on"]).doNothing())
      .returning("record_key")
      .executeTakeFirst();
    // No row back: another run (or node) has reminded of this due date already.
    if (inserted) claimed.push(r);
  }
  const byOwner = new Map<string, FreshnessRecord[]>();
  for (const r of claimed) byOwner.set(r.owner!, [...(byOwner.get(r.owner!) ?? []), r]);
  for (const [owner, records] of byOwner) {
    records.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    await enqueueMail(services.db, {
      to: owner,
      template: "freshness-reminder",
      locale: "fi",
      data: {
        count: String(records.length),
        items: records
          .map(
            (r) =>
              `• ${r.name} – ${r.overdue ? "myöhässä, " : ""}${fiDate(r.dueOn)}: ${freshnessLink(services, r, now)}`,
          )
          .join("\n"),
        // The maintainer dashboard shows the rest of what needs attention.
        url: `${services.config.portal.publicUrl}/yllapito/tuoreus`,
      },
    });
  }
  return { owners: byOwner.size, records: claimed.length };
}
