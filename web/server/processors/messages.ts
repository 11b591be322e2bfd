import type { DomainEvent } from "@soskes/domain";

export const MESSAGE_EVENTS = ["message.created", "message.updated", "message.deleted"] as const;

type MessageEvent = Extract<DomainEvent, { type: (typeof MESSAGE_EVENTS)[number] }>;

/** The message events of a batch, and the messages they name (each once). */
export function messageEvents(events: DomainEvent[]): { events: MessageEvent[]; ids: number[] } {
  const found = events.filter((e): e is MessageEvent =>
    (MESSAGE_EVENTS as readonly string[]).includes(e.type),
  );
  return { events: found, ids: [...new Set(found.map((e) => e.payload.messageId))] };
}

/**
 * Live-only effects skip what is older than this: a socket that was connected then has caught up
 * through `since` after reconnecting, and a node that was down has no sockets of that time.
 */
export const LIVE_FOR_MS = 60_000;
export const isStale = (event: DomainEvent, now = Date.now()) => now - event.createdAt > LIVE_FOR_MS;
