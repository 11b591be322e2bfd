import { withEvents } from "@soskes/domain";
import { chatErrors } from "../errors.js";
import { canModerate, type Actor } from "../policy.js";
import type { PresentedMessage } from "./types.js";
import type { ChatContext } from "./context.js";

// Reactions and pins on messages.

/** Adds the reaction, or takes it away when the member already gave it. */
export async function react(
  ctx: ChatContext,
  actor: Actor,
  input: { messageId: number; emoji: string },
): Promise<PresentedMessage> {
  const { db, dialect, writable, messageIn, presentOne, updated } = ctx;
  const { group, message } = await messageIn(actor, input.messageId);
  if (message.deleted_at) throw chatErrors.notFound();
  writable(group);
  const now = Date.now();
  await withEvents(db, dialect, async (trx, record) => {
    const removed = await trx
      .deleteFrom("chat_reactions")
      .where("message_id", "=", message.id)
      .where("user_id", "=", actor.id)
      .where("emoji", "=", input.emoji)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0)
      await trx
        .insertInto("chat_reactions")
        .values({ message_id: message.id, user_id: actor.id, emoji: input.emoji, created_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
    await trx.updateTable("chat_messages").set({ updated_at: now }).where("id", "=", message.id).execute();
    record(updated(group.id, message.id, actor.id));
  });
  return presentOne({ ...message, updated_at: now });
}

export async function pin(
  ctx: ChatContext,
  actor: Actor,
  input: { messageId: number; pinned: boolean },
): Promise<PresentedMessage> {
  const { db, dialect, messageIn, presentOne, updated } = ctx;
  const { group, membership, message } = await messageIn(actor, input.messageId);
  if (!canModerate(actor, membership)) throw chatErrors.forbidden();
  if (message.deleted_at) throw chatErrors.notFound();
  const now = Date.now();
  const pinned_at = input.pinned ? now : null;
  await withEvents(db, dialect, async (trx, record) => {
    await trx
      .updateTable("chat_messages")
      .set({ pinned_at, pinned_by: input.pinned ? actor.id : null, updated_at: now })
      .where("id", "=", message.id)
      .execute();
    record({
      ...updated(group.id, message.id, actor.id),
      payload: { groupId: group.id, messageId: message.id, actorId: actor.id, moderation: "pin_message" },
    });
  });
  return presentOne({ ...message, pinned_at, updated_at: now });
}

export async function pinned(ctx: ChatContext, actor: Actor, groupId: number): Promise<PresentedMessage[]> {
  const { db, asMember, present } = ctx;
  await asMember(actor, groupId);
  const rows = await db
    .selectFrom("chat_messages")
    .selectAll()
    .where("group_id", "=", groupId)
    .where("pinned_at", "is not", null)
    .where("deleted_at", "is", null)
    .orderBy("pinned_at", "desc")
    .execute();
  return present(rows);
}
