import type { Processor } from "@soskes/domain";
import { messageDocument } from "../chat/message-document.js";
import type { Database } from "../db/schema.js";
import type { Services } from "../services.js";
import { MESSAGE_EVENTS, messageEvents } from "./messages.js";

/**
 * Search indexing of group messages. The embedded index lives on each node, so every node runs
 * this from its own position; a shared Meilisearch index is written by one node.
 */
export function searchProcessor(services: Pick<Services, "chat" | "search" | "config">): Processor<Database> {
  return {
    name: "search",
    scope: services.config.search.meili ? "claimed" : "node",
    types: MESSAGE_EVENTS,
    async handle(batch) {
      const { ids } = messageEvents(batch);
      const found = await services.chat.messagesByIds(ids);
      const live = found.filter((f) => !f.message.deletedAt);
      const liveIds = new Set(live.map((f) => f.message.id));
      // Written as they are now: a message edited twice in the batch is written once, last.
      if (live.length > 0) await services.search.upsert(live.map((f) => messageDocument(f.message, f.group)));
      const gone = ids.filter((id) => !liveIds.has(id)).map((id) => `message:${id}`);
      if (gone.length > 0) await services.search.remove(gone);
    },
  };
}
