import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/**
 * The items a member may still open: a group's only while they are in it (invited, for an
 * invitation); a consultation's while it exists.
 */
export function openableItems(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom("inbox_items as i")
    .selectAll("i")
    .where("i.user_id", "=", userId)
    .where((eb) =>
      eb.or([
        eb("i.group_id", "is", null),
        eb.exists(
          eb
            .selectFrom("chat_members as m")
            .select(sql`1`.as("one"))
            .whereRef("m.group_id", "=", "i.group_id")
            .where("m.user_id", "=", userId)
            .where((w) =>
              w.or([
                w("m.state", "=", "active"),
                w.and([w("i.kind", "=", "invite"), w("m.state", "=", "invited")]),
              ]),
            ),
        ),
      ]),
    );
}

/** A member's unread items they may still open: the bell's badge. */
export async function unreadCount(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await openableItems(db, userId)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("i.read_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
