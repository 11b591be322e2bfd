import { groupStream, withEvents, type EventMap } from "@soskes/domain";
import { recordMemberChange } from "./member-events.js";
import { sql, type Kysely, type Transaction } from "kysely";
import { chatErrors } from "../errors.js";
import type { MemberRow } from "../policy.js";
import type { ChatDatabase, ChatGroupsTable, MemberRole } from "../schema.js";
import type { MessageRow } from "./types.js";
import type { ChatStore } from "./store.js";

// The writes several parts share: membership rows and numbered messages.

type MembershipValues = { state: MemberRow["state"]; role?: MemberRole; invitedBy?: number | null };

/** The membership row, written through the handle given (the caller's transaction). */
async function storeMembership(
  h: Kysely<ChatDatabase>,
  groupId: number,
  userId: number,
  values: MembershipValues,
) {
  const now = Date.now();
  const existing = await h
    .selectFrom("chat_members")
    .select("state")
    .where("group_id", "=", groupId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (existing) {
    await h
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
    const group = await h
      .selectFrom("chat_groups")
      .select("last_seq")
      .where("id", "=", groupId)
      .executeTakeFirst();
    await h
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
}

/** A group's row changes and its `group.changed` event commit together. */
export async function changeGroup(
  ctx: ChatStore,
  event: EventMap["group.changed"],
  values: Partial<Pick<ChatGroupsTable, "name" | "description" | "rules" | "visibility">> & {
    status?: "active" | "archived";
  },
) {
  await withEvents(ctx.db, ctx.dialect, async (trx, record) => {
    await trx
      .updateTable("chat_groups")
      .set({ ...values, updated_at: Date.now() })
      .where("id", "=", event.groupId)
      .execute();
    record({ type: "group.changed", stream: groupStream(event.groupId), payload: event });
  });
}

/** A membership row written with no event (a new group's creator, a consultation's thread). */
export async function setMembership(
  ctx: ChatStore,
  groupId: number,
  userId: number,
  values: MembershipValues,
) {
  await storeMembership(ctx.db, groupId, userId, values);
  if (values.state === "active") ctx.fanout.join(userId, groupId);
}

/**
 * A membership change others react to (sockets, invitation mail, the audit log): the row and its
 * `member.changed` event commit together. The person's sockets join the room at once after.
 */
export async function changeMembership(
  ctx: ChatStore,
  change: Omit<EventMap["member.changed"], "wasMember"> & { values: MembershipValues },
) {
  const { values, ...payload } = change;
  await withEvents(ctx.db, ctx.dialect, async (trx, record) => {
    const before = await trx
      .selectFrom("chat_members")
      .select("state")
      .where("group_id", "=", change.groupId)
      .where("user_id", "=", change.userId)
      .executeTakeFirst();
    await storeMembership(trx, change.groupId, change.userId, values);
    recordMemberChange(record, { ...payload, wasMember: before?.state === "active" });
  });
  if (values.state === "active") ctx.fanout.join(change.userId, change.groupId);
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
