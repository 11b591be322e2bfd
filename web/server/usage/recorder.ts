import { findHetu, finnishDate } from "@soskes/domain";
import { sql } from "kysely";
import type { Logger } from "pino";
import type { Db } from "../db/database.js";

/**
 * Counts usage in memory and writes it in one go every half minute (and when the node stops),
 * so that reading a page never waits for a write.
 */
export function createUsageRecorder(db: Db, logger: Logger, flushMs = 30_000) {
  let active = new Set<number>();
  let misses = new Map<string, number>();
  let views = new Map<string, number>();
  const seenToday = new Set<string>();
  let today = finnishDate(Date.now());

  async function flush() {
    const day = today;
    const [a, m, v] = [active, misses, views];
    active = new Set();
    misses = new Map();
    views = new Map();
    for (const userId of a)
      await db
        .insertInto("activity_days")
        .values({ user_id: userId, day })
        .onConflict((oc) => oc.columns(["user_id", "day"]).doNothing())
        .execute();
    for (const [query, count] of m)
      await db
        .insertInto("search_misses")
        .values({ query, day, count })
        .onConflict((oc) =>
          oc.columns(["query", "day"]).doUpdateSet({ count: sql`search_misses.count + ${count}` }),
        )
        .execute();
    for (const [key, count] of v) {
      const [kind, ref] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
      await db
        .insertInto("content_views")
        .values({ kind, ref, day, count })
        .onConflict((oc) =>
          oc.columns(["kind", "ref", "day"]).doUpdateSet({ count: sql`content_views.count + ${count}` }),
        )
        .execute();
    }
  }
  // Every request passes here: the day is looked at again once a second, not formatted each time.
  let rollCheckedAt = 0;
  const roll = () => {
    const at = Date.now();
    if (at - rollCheckedAt < 1000 && at >= rollCheckedAt) return;
    rollCheckedAt = at;
    const now = finnishDate(at);
    if (now !== today) {
      void flush().catch((err: unknown) => logger.warn({ err }, "writing usage figures failed"));
      today = now;
      seenToday.clear();
    }
  };
  const timer = setInterval(() => {
    roll();
    flush().catch((err: unknown) => logger.warn({ err }, "writing usage figures failed"));
  }, flushMs);
  timer.unref();

  return {
    /** A signed-in member made a request today. */
    seen(userId: number) {
      roll();
      const key = String(userId);
      if (seenToday.has(key)) return;
      seenToday.add(key);
      active.add(userId);
    },
    /** A search found nothing. Identity codes are never kept, and nothing says who searched. */
    searchMiss(q: string) {
      if (findHetu(q)) return;
      const query = q.trim().toLowerCase().replace(/\s+/g, " ").slice(0, 100);
      if (query.length < 2) return;
      roll();
      misses.set(query, (misses.get(query) ?? 0) + 1);
    },
    view(kind: "unit" | "page", ref: string) {
      roll();
      const key = `${kind}:${ref.slice(0, 120)}`;
      views.set(key, (views.get(key) ?? 0) + 1);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
export type UsageRecorder = ReturnType<typeof createUsageRecorder>;
