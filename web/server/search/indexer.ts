import { CONTENT_SOURCE, contentDocuments, contentReference, type SearchService } from "@soskes/search";
import type { Logger } from "pino";
import type { ContentService, Snapshot } from "../content/content-service.js";

/**
 * Keeps the search index equal to the published content: every newly loaded snapshot (at
 * start, after a Strapi webhook, after the cache's maximum age) is reconciled into the index,
 * so a publish is searchable, and an unpublish or delete gone, about a second after Strapi's
 * webhook. Writes that fail are retried by the search service's queue.
 */
export function followContent(options: { content: ContentService; search: SearchService; logger: Logger }) {
  const { content, search, logger } = options;
  let latest: Snapshot | undefined;
  let running: Promise<void> | undefined;

  async function drain(): Promise<void> {
    while (latest) {
      const snapshot = latest;
      latest = undefined;
      const started = Date.now();
      await search.setReference(contentReference(snapshot));
      const result = await search.reconcile(CONTENT_SOURCE, contentDocuments(snapshot));
      if (result.added + result.updated + result.removed > 0) {
        logger.info({ ...result, ms: Date.now() - started }, "search index updated from content");
      }
    }
  }
  const schedule = (snapshot: Snapshot) => {
    latest = snapshot;
    // A write fails only when the index is closing (the service retries everything else).
    running ??= drain()
      .catch((err: unknown) => logger.warn({ err }, "search index not updated from content"))
      .finally(() => (running = undefined));
  };
  const stop = content.onLoad(schedule);
  // The first snapshot: loaded now, so the index is repaired right after start.
  content
    .current()
    .then(({ data }) => schedule(data))
    .catch((err: unknown) =>
      logger.warn({ err }, "content unavailable; search index updates when it returns"),
    );

  return {
    /** Resolves when the latest snapshot is in the index (tests, reindex). */
    async settled(): Promise<void> {
      while (running) await running;
      await search.idle();
    },
    stop,
  };
}
