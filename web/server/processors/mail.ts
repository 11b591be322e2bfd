import type { EventMap, Processor } from "@soskes/domain";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { enqueueMail } from "../mail/outbox.js";
import type { Services } from "../services.js";
import { messageEvents } from "./messages.js";
import { paths } from "@soskes/domain/paths";

/** An invitation to a group: the invited member hears of it by e-mail (a link, nothing more). */
async function inviteMail(
  trx: Kysely<Database>,
  change: EventMap["member.changed"],
  groupUrl: (groupId: number) => string,
) {
  // One after another: a transaction is one connection, which takes one query at a time.
  const user = await trx
    .selectFrom("users")
    .select(["email", "name", "status"])
    .where("id", "=", change.userId)
    .executeTakeFirst();
  const inviter = await trx
    .selectFrom("users")
    .select("name")
    .where("id", "=", change.actorId)
    .executeTakeFirst();
  const group = await trx
    .selectFrom("chat_groups")
    .select("name")
    .where("id", "=", change.groupId)
    .executeTakeFirst();
  if (!user || user.status !== "active" || !group) return;
  await enqueueMail(trx, {
    to: user.email,
    template: "group-invite",
    locale: "fi",
    data: { name: user.name, group: group.name, inviter: inviter?.name ?? "", url: groupUrl(change.groupId) },
  });
}

/**
 * E-mail about new messages, for members who asked for it at once, and invitations to groups: queued in the transaction
 * that moves this processor on, so each message is mailed about exactly once. One e-mail per
 * unread streak: nothing more until the member has read the group again.
 */
export function mailProcessor(services: Pick<Services, "config">): Processor<Database> {
  const groupUrl = (groupId: number) => `${services.config.portal.publicUrl}${paths.group(groupId)}`;
  return {
    name: "mail",
    scope: "claimed",
    coalesceMs: 500,
    transactional: true,
    types: ["message.created", "member.changed"],
    async handle(batch, trx) {
      for (const event of batch)
        if (event.type === "member.changed" && event.payload.change === "invited")
          await inviteMail(trx, event.payload, groupUrl);
      const { ids } = messageEvents(batch);
      if (ids.length === 0) return;
      const messages = await trx
        .selectFrom("chat_messages as m")
        .innerJoin("chat_groups as g", "g.id", "m.group_id")
        .select(["m.id", "m.seq", "m.author_id", "m.deleted_at", "g.id as group_id", "g.name as group_name"])
        .where("m.id", "in", ids)
        .orderBy("m.id")
        .execute();
      for (const message of messages) {
        if (message.deleted_at) continue;
        // Recipients now, from current membership: someone removed a moment ago gets nothing.
        const recipients = await trx
          .selectFrom("chat_members as cm")
          .innerJoin("users as u", "u.id", "cm.user_id")
          .select(["u.id", "u.email", "u.name"])
          .where("cm.group_id", "=", message.group_id)
          .where("cm.state", "=", "active")
          .where("cm.notify", "=", "instant")
          .where("u.status", "=", "active")
          .where("u.id", "!=", message.author_id)
          .whereRef("cm.notified_seq", "<=", "cm.last_read_seq")
          .where("cm.last_read_seq", "<", message.seq)
          .execute();
        for (const r of recipients) {
          await trx
            .updateTable("chat_members")
            .set({ notified_seq: message.seq })
            .where("group_id", "=", message.group_id)
            .where("user_id", "=", r.id)
            .execute();
          await enqueueMail(trx, {
            to: r.email,
            template: "group-activity",
            locale: "fi",
            data: { name: r.name, group: message.group_name, url: groupUrl(message.group_id) },
          });
        }
      }
    },
  };
}
