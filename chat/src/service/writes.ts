import { sql, type Transaction } from "kysely";
import { chatErrors } from "../errors.js";
import type { MemberRow } from "../policy.js";
import type { ChatDatabase, MemberRole } from "../schema.js";
import type { MessageRow } from "./types.js";
import type { ChatStore } from "./store.js";

// The writes several parts share: membership rows and numbered messages.

export async function setMembership(
  ctx: ChatStore,
  groupId: number,
  userId: number,
  values: { state: MemberRow["state"]; role?: MemberRole; invitedBy?: number | null },
) {
  const { db, fanout, loadGroup, loadMembership } = ctx;
  const now = Date.now();
  const existing = await loadMembership(groupId, userId);
  if (existing) {
    await db
      .updateTable("chat_members")
      .set({
        state: values.state,
        ...(values.role ? { role: values.role } : {}),
        ...(values.invitedBy !== undefined ? { invited_by: values.invitedBy } : {}),
        updated_at: now,
      })
      .where("group_id", "=", groupId)
      .where("user_id", "=", userId)
      .execute();
  } else {
    const group = await loadGroup(groupId);
    await db
      .insertInto("chat_members")
      .values({
        group_id: groupId,
        user_id: userId,
        role: values.role ?? "member",
        state: values.state,
        // A new member starts with everything read: the history is there, not a wall of unread.
        last_read_seq: group?.last_seq ?? 0,
        notified_seq: group?.last_seq ?? 0,
        notify: "digest",
        invited_by: values.invitedBy ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  if (values.state === "active") fanout.join(userId, groupId);
}

/**
 * Takes the group's next sequence number and stores the message in the caller's transaction
 * (on PostgreSQL in one statement). A client id already used makes the whole transaction fail
 * and leaves the numbering untouched.
 */
export async function insertMessage(
  ctx: ChatStore,
  trx: Transaction<ChatDatabase>,
  values: {
    group_id: number;
    author_id: number;
    client_id: string;
    body: string;
    thread_id: number | null;
    mentions: string;
  },
): Promise<MessageRow> {
  const { dialect } = ctx;
  const now = Date.now();
  if (dialect === "postgres") {
    const result = await sql<MessageRow>`
      WITH next AS (
        UPDATE chat_groups SET last_seq = last_seq + 1 WHERE id = ${values.group_id} RETURNING last_seq
      )
      INSERT INTO chat_messages
        (group_id, seq, author_id, client_id, body, thread_id, mentions, created_at, updated_at)
      SELECT ${values.group_id}, next.last_seq, ${values.author_id}, ${values.client_id}, ${values.body},
        ${values.thread_id}, ${values.mentions}, ${now}, ${now}
      FROM next
      RETURNING *`.execute(trx);
    const row = result.rows[0];
    if (!row) throw chatErrors.notFound();
    return row;
  }
  const { last_seq: seq } = await trx
    .updateTable("chat_groups")
    .set((eb) => ({ last_seq: eb("last_seq", "+", 1) }))
    .where("id", "=", values.group_id)
    .returning("last_seq")
    .executeTakeFirstOrThrow();
  return trx
    .insertInto("chat_messages")
    .values({
      ...values,
      seq,
      pinned_at: null,
      pinned_by: null,
      edited_at: null,
      deleted_at: null,
      deleted_by: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
