import type { Processor } from "@soskes/domain";
import type { Database } from "../db/schema.js";
import type { Services } from "../services.js";
import { isStale, MESSAGE_EVENTS, messageEvents } from "./messages.js";

const SOCKET_EVENT = {
  "message.created": "message:created",
  "message.updated": "message:updated",
  "message.deleted": "message:deleted",
} as const;

/**
 * Realtime fan-out: each message event reaches the group's sockets on every node (through the
 * Socket.IO adapter), with the message as it is when sent. One node at a time does it.
 */
export function fanOutProcessor(services: Pick<Services, "chat">): Processor<Database> {
  return {
    name: "fan-out",
    scope: "claimed",
    types: MESSAGE_EVENTS,
    async handle(batch) {
      const now = Date.now();
      const { events, ids } = messageEvents(batch.filter((e) => !isStale(e, now)));
      if (events.length === 0) return;
      const messages = new Map((await services.chat.messagesByIds(ids)).map((m) => [m.message.id, m]));
      const fanout = services.chat.fanout();
      for (const event of events) {
        const found = messages.get(event.payload.messageId);
        if (found) fanout.toGroup(found.group.id, SOCKET_EVENT[event.type], found.message);
      }
    },
  };
}
