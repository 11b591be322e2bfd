import type { Db } from "../db/database.js";

/** Events are kept this long after every stored processor has passed them. */
export const EVENT_RETENTION_MS = 7 * 86_400_000;

/**
 * The log keeps what a processor may still need: nothing is pruned that a stored position has
 * not passed, and nothing younger than a week (a node that was away catches up from it).
 */
export async function pruneEvents(db: Db, now = Date.now()): Promise<number> {
  const slowest = await db
    .selectFrom("event_processors")
    .select((eb) => eb.fn.min("position").as("position"))
    // A node gone for longer than the retention (its node-local row stays) holds nothing back.
    .where("updated_at", ">", now - EVENT_RETENTION_MS)
    .executeTakeFirst();
  const passed = Number(slowest?.position ?? Number.MAX_SAFE_INTEGER);
  const result = await db
    .deleteFrom("domain_events")
    .where("id", "<=", passed)
    .where("created_at", "<", now - EVENT_RETENTION_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
