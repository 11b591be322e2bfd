import type { Processor } from "@soskes/domain";
import type { Database } from "../db/schema.js";
import type { Services } from "../services.js";
import { isStale, messageEvents } from "./messages.js";

/** In-app notifications: a member mentioned in a message hears of it on their sockets. */
export function notificationsProcessor(services: Pick<Services, "chat">): Processor<Database> {
  return {
    name: "notifications",
    scope: "claimed",
    types: ["message.created"],
    async handle(batch) {
      const now = Date.now();
      // A message that mentions no one (known from its event) is not read again.
      const { ids } = messageEvents(
        batch.filter(
          (e) =>
            !isStale(e, now) &&
            !(
              e.type === "message.created" &&
              e.payload.mentions !== undefined &&
              e.payload.mentions.length === 0
            ),
        ),
      );
      if (ids.length === 0) return;
      const fanout = services.chat.fanout();
      for (const { message, group } of await services.chat.messagesByIds(ids)) {
        if (message.deletedAt) continue;
        for (const userId of message.mentions)
          fanout.toUser(userId, "notification", {
            type: "mention",
            groupId: group.id,
            groupName: group.name,
            messageId: message.id,
            seq: message.seq,
            author: message.author.name,
          });
      }
    },
  };
}
