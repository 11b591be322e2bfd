import { CONTENT_STREAM, withEvents, type EventMap } from "@soskes/domain";
import type { Services } from "../services.js";

/**
 * Records that published content changed (Strapi's webhook, or a check confirmed here): every
 * node's content processor reloads its snapshot, and the search index follows the snapshot.
 */
export async function recordContentChange(
  services: Pick<Services, "db" | "dialect" | "content">,
  change: Omit<EventMap["content.changed"], "origin">,
): Promise<void> {
  // This node shows the change at once; the others when their processor reads the event.
  services.content.invalidate([change.reason, change.model, change.documentId].filter(Boolean).join(" "));
  await withEvents(services.db, services.dialect, (_trx, record) => {
    record({
      type: "content.changed",
      stream: CONTENT_STREAM,
      payload: { ...change, origin: services.content.id },
    });
  });
}
