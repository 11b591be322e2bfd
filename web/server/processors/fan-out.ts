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
 * Realtime fan-out: every node reads the log and hands each message event to the group's sockets
 * connected to it, with the message as it is when sent. No broadcast through the adapter: the
 * node that wrote the message delivers at its own commit, the others as soon as Redis (or the
 * poll) wakes them. Live only: a node that starts begins at the head (sockets that were away
 * catch up with `since`).
 */
export function fanOutProcessor(services: Pick<Services, "chat">): Processor<Database> {
  return {
    name: "fan-out",
    scope: "node",
    ephemeral: true,
    types: MESSAGE_EVENTS,
    async handle(batch) {
      const now = Date.now();
      // What this node's sockets already have (it wrote the message) is passed by.
      const fresh = batch.filter((e) => !isStale(e, now) && !services.chat.takeDelivered(e.id));
      const { events, ids } = messageEvents(fresh);
      if (events.length === 0) return;
      const messages = new Map((await services.chat.messagesByIds(ids)).map((m) => [m.message.id, m]));
      const fanout = services.chat.fanout();
      for (const event of events) {
        const found = messages.get(event.payload.messageId);
        if (found) fanout.toGroupHere(found.group.id, SOCKET_EVENT[event.type], found.message);
      }
    },
  };
}
