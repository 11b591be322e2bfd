import { isMember } from "../policy.js";
import type { ChatContext } from "./context.js";

// Consultation threads: private groups whose members their owner feature sets.

/** A private thread (for a consultation): not listed, not joinable, members set by its owner feature. */
export async function createThread(
  ctx: ChatContext,
  name: string,
  ownerId: number,
  memberIds: number[],
): Promise<number> {
  const { db, setMembership } = ctx;
  const now = Date.now();
  const row = await db
    .insertInto("chat_groups")
    .values({
      kind: "consultation",
      name,
      description: "",
      rules: "",
      visibility: "closed",
      status: "active",
      created_by: ownerId,
      last_seq: 0,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const userId of new Set([ownerId, ...memberIds]))
    await setMembership(row.id, userId, { state: "active" });
  return row.id;
}

export async function addThreadMember(ctx: ChatContext, groupId: number, userId: number): Promise<void> {
  const { loadMembership, setMembership } = ctx;
  const current = await loadMembership(groupId, userId);
  if (!isMember(current)) await setMembership(groupId, userId, { state: "active" });
}

/** Closed threads are read-only (archived); reopened ones take messages again. */
export async function setThreadOpen(ctx: ChatContext, groupId: number, open: boolean): Promise<void> {
  const { db, fanout } = ctx;
  await db
    .updateTable("chat_groups")
    .set({ status: open ? "active" : "archived", updated_at: Date.now() })
    .where("id", "=", groupId)
    .where("kind", "=", "consultation")
    .execute();
  fanout.toGroup(groupId, "group:updated", { groupId });
}
