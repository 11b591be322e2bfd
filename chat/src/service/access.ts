import { chatErrors } from "../errors.js";
import { canList, canModerate, isMember, type Actor, type GroupRow, type MemberRow } from "../policy.js";
import type { ChatStore } from "./store.js";

// Who may see and do what in a group: everything a person may not see answers not_found.

/** The group and the actor's membership, or not_found when the actor may not know of it. */
export async function listed(
  ctx: ChatStore,
  actor: Actor,
  groupId: number,
): Promise<{ group: GroupRow; membership: MemberRow | undefined }> {
  const { db } = ctx;
  // The group and the actor's membership in one query: this runs for every event.
  const row = await db
    .selectFrom("chat_groups as g")
    .leftJoin("chat_members as m", (join) =>
      join.onRef("m.group_id", "=", "g.id").on("m.user_id", "=", actor.id),
    )
    // The account itself, every time: one disabled while connected loses access at once.
    .leftJoin("users as u", (join) => join.on("u.id", "=", actor.id))
    .selectAll("g")
    .select([
      "u.status as u_status",
      "m.role as m_role",
      "m.state as m_state",
      "m.last_read_seq as m_last_read_seq",
      "m.notify as m_notify",
      "m.notified_seq as m_notified_seq",
      "m.invited_by as m_invited_by",
      "m.created_at as m_created_at",
      "m.updated_at as m_updated_at",
    ])
    .where("g.id", "=", groupId)
    .executeTakeFirst();
  if (row && row.u_status !== "active") throw chatErrors.unauthorized();
  if (!row || !canList(actor, row)) throw chatErrors.notFound();
  // A consultation's private thread exists only for its participants.
  if (row.kind !== "group" && row.m_state !== "active") throw chatErrors.notFound();
  const {
    u_status: _status,
    m_role,
    m_state,
    m_last_read_seq,
    m_notify,
    m_notified_seq,
    m_invited_by,
    m_created_at,
    m_updated_at,
    ...group
  } = row;
  const membership: MemberRow | undefined =
    m_state === null
      ? undefined
      : {
          group_id: groupId,
          user_id: actor.id,
          role: m_role!,
          state: m_state,
          last_read_seq: m_last_read_seq!,
          notify: m_notify!,
          notified_seq: m_notified_seq!,
          invited_by: m_invited_by,
          created_at: m_created_at!,
          updated_at: m_updated_at!,
        };
  return { group, membership };
}

/** For anything inside a group (messages, members): active members only, others not_found. */
export async function asMember(ctx: ChatStore, actor: Actor, groupId: number) {
  const found = await listed(ctx, actor, groupId);
  if (!isMember(found.membership)) throw chatErrors.notFound();
  return found as { group: GroupRow; membership: MemberRow };
}

export async function asModerator(ctx: ChatStore, actor: Actor, groupId: number) {
  const found = await listed(ctx, actor, groupId);
  // Who takes part in a consultation thread is the consultation's business, not a moderator's.
  if (found.group.kind !== "group") throw chatErrors.forbidden();
  if (!canModerate(actor, found.membership)) {
    throw isMember(found.membership) ? chatErrors.forbidden() : chatErrors.notFound();
  }
  return found;
}

/**
 * Membership management (adding, inviting, roles, removing, banning) needs a moderator of a
 * group that staff have approved: a proposal is not yet a group, so its proposer manages no one.
 */
export async function asMembershipManager(ctx: ChatStore, actor: Actor, groupId: number) {
  const found = await asModerator(ctx, actor, groupId);
  if (found.group.status === "proposed") throw chatErrors.notActive();
  return found;
}

export async function messageIn(ctx: ChatStore, actor: Actor, messageId: number) {
  const { db } = ctx;
  const message = await db
    .selectFrom("chat_messages")
    .selectAll()
    .where("id", "=", messageId)
    .executeTakeFirst();
  if (!message) throw chatErrors.notFound();
  const found = await asMember(ctx, actor, message.group_id);
  return { ...found, message };
}
