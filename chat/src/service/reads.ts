import type { Actor } from "../policy.js";
import type { ChatContext } from "./context.js";

// Read positions, for unread counts and "seen by".

/** Moves the last-read position forward (never back) and tells the group, for "seen by". */
export async function read(
  ctx: ChatContext,
  actor: Actor,
  input: { groupId: number; seq: number },
): Promise<{ lastReadSeq: number }> {
  const { db, fanout, asMember } = ctx;
  const { group, membership } = await asMember(actor, input.groupId);
  const seq = Math.min(input.seq, group.last_seq);
  if (seq > membership.last_read_seq) {
    await db
      .updateTable("chat_members")
      .set({ last_read_seq: seq })
      .where("group_id", "=", group.id)
      .where("user_id", "=", actor.id)
      .where("last_read_seq", "<", seq)
      .execute();
    fanout.toGroup(group.id, "read", { groupId: group.id, userId: actor.id, seq });
    return { lastReadSeq: seq };
  }
  return { lastReadSeq: membership.last_read_seq };
}
