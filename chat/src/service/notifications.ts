import { finnishDay } from "./types.js";
import type { ChatContext } from "./context.js";

// In-app notifications and the daily e-mail digest.

/** An in-app notification to these users' sockets, on every node. */
export function notifyUsers(ctx: ChatContext, userIds: number[], payload: Record<string, unknown>): void {
  const { fanout } = ctx;
  for (const id of new Set(userIds)) fanout.toUser(id, "notification", payload);
}

/**
 * The daily digest: from `digestHour` Finnish time, one e-mail per member who chose the digest
 * and has unread messages nobody has told them about — group names, counts and links only.
 * Safe on several nodes: the (user, day) row is claimed before sending.
 */
export async function runDigests(ctx: ChatContext, now = Date.now()): Promise<number> {
  const { options, db, groupUrl } = ctx;
  const { mail } = options;
  const { day, hour } = finnishDay(now);
  if (hour < (options.digestHour ?? 7) || !mail) return 0;
  const rows = await db
    .selectFrom("chat_members as cm")
    .innerJoin("chat_groups as g", "g.id", "cm.group_id")
    .innerJoin("users as u", "u.id", "cm.user_id")
    .select([
      "u.id as userId",
      "u.email",
      "u.name",
      "g.id as groupId",
      "g.name as groupName",
      "g.last_seq",
      "cm.last_read_seq",
      "cm.notified_seq",
    ])
    .where("cm.state", "=", "active")
    .where("cm.notify", "=", "digest")
    .where("u.status", "=", "active")
    .where("g.status", "=", "active")
    .whereRef("g.last_seq", ">", "cm.last_read_seq")
    .whereRef("g.last_seq", ">", "cm.notified_seq")
    .execute();
  const byUser = new Map<number, typeof rows>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  let sent = 0;
  for (const [userId, groups] of byUser) {
    const claimed = await db
      .insertInto("chat_digests")
      .values({ user_id: userId, day, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    const lines: string[] = [];
    for (const g of groups) {
      const unread = await db
        .selectFrom("chat_messages")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("group_id", "=", g.groupId)
        .where("seq", ">", g.last_read_seq)
        .where("author_id", "!=", userId)
        .where("deleted_at", "is", null)
        .executeTakeFirstOrThrow();
      if (Number(unread.n) > 0) lines.push(`${g.groupName}: ${Number(unread.n)}\t${groupUrl(g.groupId)}`);
      await db
        .updateTable("chat_members")
        .set({ notified_seq: g.last_seq })
        .where("group_id", "=", g.groupId)
        .where("user_id", "=", userId)
        .execute();
    }
    if (lines.length === 0) continue;
    await mail({
      to: groups[0]!.email,
      template: "group-digest",
      data: { name: groups[0]!.name, groups: lines.join("\n"), url: `${options.publicUrl}/ryhmat` },
    });
    sent += 1;
  }
  return sent;
}
