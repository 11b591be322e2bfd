import { groupStream, withEvents, type EventRef } from "@soskes/domain";
import { chatErrors } from "../errors.js";
import { canModerate, type Actor } from "../policy.js";
import type { MessageCreateInput } from "../protocol.js";
import { encodeMentions, decodeMentions, type MessageRow, type PresentedMessage } from "./types.js";
import type { ChatContext } from "./context.js";

// Messages: writing, editing and deleting them, catch-up and history.

/** Persist first, then broadcast. A retry with the same client id returns the stored message. */
export async function createMessage(
  ctx: ChatContext,
  actor: Actor,
  input: MessageCreateInput,
): Promise<{ message: PresentedMessage; duplicate: boolean }> {
  const { db, dialect, asMember, writable, presentOne, insertMessage } = ctx;
  const { group } = await asMember(actor, input.groupId);
  const existing = () =>
    db
      .selectFrom("chat_messages")
      .selectAll()
      .where("group_id", "=", input.groupId)
      .where("author_id", "=", actor.id)
      .where("client_id", "=", input.clientId)
      .executeTakeFirst();
  writable(group);
  let threadId: number | null = null;
  if (input.replyTo) {
    const parent = await db
      .selectFrom("chat_messages")
      .select(["id", "thread_id", "group_id"])
      .where("id", "=", input.replyTo)
      .executeTakeFirst();
    if (!parent || parent.group_id !== group.id)
      throw chatErrors.invalidInput({ fields: { replyTo: "not_found" } });
    threadId = parent.thread_id ?? parent.id;
  }
  let mentions: number[] = [];
  if (input.mentions?.length) {
    const rows = await db
      .selectFrom("chat_members")
      .select("user_id")
      .where("group_id", "=", group.id)
      .where("state", "=", "active")
      .where("user_id", "in", input.mentions)
      .where("user_id", "!=", actor.id)
      .execute();
    mentions = rows.map((r) => r.user_id);
  }
  let row: MessageRow;
  let created: EventRef | undefined;
  try {
    // The message, the author's own read position and the event others react to (sockets,
    // search, mention mail) commit together.
    row = await withEvents(db, dialect, async (trx, record) => {
      const inserted = await insertMessage(trx, {
        group_id: group.id,
        author_id: actor.id,
        client_id: input.clientId,
        body: input.body,
        thread_id: threadId,
        mentions: encodeMentions(mentions),
      });
      await trx
        .updateTable("chat_members")
        .set({ last_read_seq: inserted.seq, notified_seq: inserted.seq })
        .where("group_id", "=", group.id)
        .where("user_id", "=", actor.id)
        .where("last_read_seq", "<", inserted.seq)
        .execute();
      created = record({
        type: "message.created",
        stream: groupStream(group.id),
        payload: { groupId: group.id, messageId: inserted.id, authorId: actor.id, threadId, mentions },
      });
      return inserted;
    });
  } catch (err) {
    // A retry: the client id is taken, the transaction rolled back, and the stored message answers.
    const raced = await existing();
    if (raced) return { message: await presentOne(raced), duplicate: true };
    throw err;
  }
  // A new message has no reactions yet, and its author is the actor.
  const message: PresentedMessage = {
    id: row.id,
    groupId: row.group_id,
    seq: row.seq,
    author: { id: actor.id, name: actor.name },
    clientId: row.client_id,
    body: row.body,
    threadId: row.thread_id,
    mentions,
    reactions: [],
    pinned: false,
    editedAt: null,
    deletedAt: null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  // This node's sockets have it at once; the fan-out processor brings it to the other nodes'.
  if (created) ctx.deliverHere(created.id, group.id, "message:created", message);
  return { message, duplicate: false };
}

export async function updateMessage(
  ctx: ChatContext,
  actor: Actor,
  input: { messageId: number; body: string; mentions?: number[] },
): Promise<PresentedMessage> {
  const { db, dialect, writable, messageIn, presentOne, updated } = ctx;
  const { group, message } = await messageIn(actor, input.messageId);
  if (message.author_id !== actor.id) throw chatErrors.forbidden();
  if (message.deleted_at) throw chatErrors.notFound();
  writable(group);
  const keep = decodeMentions(message.mentions).filter(
    (id) => !input.mentions || input.mentions.includes(id),
  );
  const now = Date.now();
  await withEvents(db, dialect, async (trx, record) => {
    await trx
      .updateTable("chat_messages")
      .set({ body: input.body, edited_at: now, updated_at: now, mentions: encodeMentions(keep) })
      .where("id", "=", message.id)
      .execute();
    record(updated(group.id, message.id, actor.id));
  });
  return presentOne({
    ...message,
    body: input.body,
    edited_at: now,
    updated_at: now,
    mentions: encodeMentions(keep),
  });
}

/** The text is erased for good; a tombstone keeps the thread and the numbering intact. */
export async function deleteMessage(
  ctx: ChatContext,
  actor: Actor,
  messageId: number,
): Promise<PresentedMessage> {
  const { db, dialect, messageIn, presentOne } = ctx;
  const { group, membership, message } = await messageIn(actor, messageId);
  if (message.author_id !== actor.id && !canModerate(actor, membership)) throw chatErrors.forbidden();
  if (!message.deleted_at) {
    const now = Date.now();
    await withEvents(db, dialect, async (trx, record) => {
      await trx
        .updateTable("chat_messages")
        .set({
          body: null,
          mentions: "",
          deleted_at: now,
          deleted_by: actor.id,
          pinned_at: null,
          updated_at: now,
        })
        .where("id", "=", message.id)
        .execute();
      await trx.deleteFrom("chat_reactions").where("message_id", "=", message.id).execute();
      record({
        type: "message.deleted",
        stream: groupStream(group.id),
        payload: {
          groupId: group.id,
          messageId: message.id,
          actorId: actor.id,
          // Someone else's message: a moderator's act, for the audit log.
          ...(message.author_id !== actor.id ? { moderation: "delete_message" as const } : {}),
        },
      });
    });
  }
  const row = await db
    .selectFrom("chat_messages")
    .selectAll()
    .where("id", "=", messageId)
    .executeTakeFirstOrThrow();
  return presentOne(row);
}

/**
 * Catch-up after any disconnect: every message after `afterSeq`, in order, and (given the
 * time of the last catch-up) the older ones that changed since.
 */
export async function since(
  ctx: ChatContext,
  actor: Actor,
  input: { groupId: number; afterSeq: number; updatedAfter?: number; limit: number },
) {
  const { db, asMember, present } = ctx;
  const { group } = await asMember(actor, input.groupId);
  const serverTime = Date.now();
  const rows = await db
    .selectFrom("chat_messages")
    .selectAll()
    .where("group_id", "=", group.id)
    .where("seq", ">", input.afterSeq)
    .orderBy("seq")
    .limit(input.limit + 1)
    .execute();
  const more = rows.length > input.limit;
  const updated =
    input.updatedAfter === undefined
      ? []
      : await db
          .selectFrom("chat_messages")
          .selectAll()
          .where("group_id", "=", group.id)
          .where("seq", "<=", input.afterSeq)
          .where("updated_at", ">", input.updatedAfter)
          .orderBy("seq")
          .limit(500)
          .execute();
  return {
    messages: await present(rows.slice(0, input.limit)),
    updated: await present(updated),
    more,
    lastSeq: group.last_seq,
    serverTime,
  };
}

/** History paging, newest first, returned in order. */
export async function before(
  ctx: ChatContext,
  actor: Actor,
  input: { groupId: number; beforeSeq?: number; limit: number },
) {
  const { db, asMember, present } = ctx;
  const { group } = await asMember(actor, input.groupId);
  let query = db.selectFrom("chat_messages").selectAll().where("group_id", "=", group.id);
  if (input.beforeSeq !== undefined) query = query.where("seq", "<", input.beforeSeq);
  const rows = await query
    .orderBy("seq", "desc")
    .limit(input.limit + 1)
    .execute();
  const more = rows.length > input.limit;
  return {
    messages: await present(rows.slice(0, input.limit).reverse()),
    more,
    lastSeq: group.last_seq,
    serverTime: Date.now(),
  };
}

/** Every message to index, for a rebuild of the search index. */
export async function* allMessages(
  ctx: ChatContext,
  batch = 1000,
): AsyncGenerator<{ message: PresentedMessage; group: { id: number; name: string } }> {
  const { db, present } = ctx;
  const groups = new Map(
    (await db.selectFrom("chat_groups").select(["id", "name"]).execute()).map((g) => [g.id, g]),
  );
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("chat_messages")
      .selectAll()
      .where("id", ">", after)
      .where("deleted_at", "is", null)
      .orderBy("id")
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    for (const message of await present(rows)) {
      const group = groups.get(message.groupId);
      if (group) yield { message, group };
    }
    after = rows[rows.length - 1]!.id;
  }
}

/** Messages as they are now, with their group: for the processors that follow message events. */
export async function messagesByIds(
  ctx: ChatContext,
  ids: number[],
): Promise<Array<{ message: PresentedMessage; group: { id: number; name: string; kind: string } }>> {
  const { db, present } = ctx;
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("chat_messages").selectAll().where("id", "in", ids).execute();
  if (rows.length === 0) return [];
  const groups = await db
    .selectFrom("chat_groups")
    .select(["id", "name", "kind"])
    .where("id", "in", [...new Set(rows.map((r) => r.group_id))])
    .execute();
  const byId = new Map(groups.map((g) => [g.id, g]));
  const presented = await present(rows);
  return presented.map((message) => ({ message, group: byId.get(message.groupId)! }));
}
