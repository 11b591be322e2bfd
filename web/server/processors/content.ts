import type { Processor } from "@soskes/domain";
import type { Database } from "../db/schema.js";
import type { Services } from "../services.js";

/**
 * Every node drops its content snapshot when published content changes, whichever node Strapi's
 * webhook reached; the reload that follows brings the node's search index of content with it.
 * (The node that recorded a change applied it then.) A node that starts loads content afresh, so it begins at the newest event (ephemeral).
 */
export function contentProcessor(services: Pick<Services, "content">): Processor<Database> {
  return {
    name: "content",
    scope: "node",
    ephemeral: true,
    types: ["content.changed"],
    handle(batch) {
      // Changes this node recorded were applied here when they were recorded.
      const reasons = batch.flatMap((e) =>
        e.type === "content.changed" && e.payload.origin !== services.content.id
          ? [[e.payload.reason, e.payload.model, e.payload.documentId].filter(Boolean).join(" ")]
          : [],
      );
      if (reasons.length > 0) services.content.invalidate(reasons.join("; "));
      return Promise.resolve();
    },
  };
}
