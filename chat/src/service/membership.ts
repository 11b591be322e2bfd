import { withEvents } from "@soskes/domain";
import { chatErrors } from "../errors.js";
import { canModerate, isMember, isStaff, type Actor } from "../policy.js";
import type { MemberRole, NotifyMode } from "../schema.js";
import type { PresentedGroup, PresentedMember } from "./types.js";
import type { ChatContext } from "./context.js";
import { recordMemberChange } from "./member-events.js";

// Membership: joining, invitations, roles, removal, and who is in which group.

/** Join an open group, accept an invitation, or ask to join a closed group. */
export async function join(ctx: ChatContext, actor: Actor, groupId: number): Promise<PresentedGroup> {
  const { listed, presentedGroup, changeMembership } = ctx;
  const { group, membership } = await listed(actor, groupId);
  if (group.kind !== "group") return presentedGroup(actor, groupId);
  if (membership?.state === "banned") throw chatErrors.banned();
  if (group.status === "proposed") throw chatErrors.notActive();
  if (!isMember(membership)) {
    if (group.status === "archived") throw chatErrors.archived();
    const direct = group.visibility === "open" || membership?.state === "invited" || isStaff(actor);
    await changeMembership({
      groupId,
      userId: actor.id,
      actorId: actor.id,
      change: direct ? "joined" : "requested",
      values: { state: direct ? "active" : "requested" },
    });
  }
  return presentedGroup(actor, groupId);
}

/**
 * Add a member (also approves a join request), or invite an existing member by e-mail. An
 * invitation is answered the same whether or not the address has an account, so the form
 * tells no one who is a member.
 */
export async function addMember(
  ctx: ChatContext,
  actor: Actor,
  groupId: number,
  input: { userId: number; role?: MemberRole } | { email: string },
): Promise<PresentedMember | { invited: true }> {
  const { db, loadMembership, asMembershipManager, changeMembership } = ctx;
  const { group } = await asMembershipManager(actor, groupId);
  if (group.status === "archived") throw chatErrors.archived();
  const user =
    "userId" in input
      ? await db
          .selectFrom("users")
          .select(["id", "name", "email", "status"])
          .where("id", "=", input.userId)
          .executeTakeFirst()
      : await db
          .selectFrom("users")
          .select(["id", "name", "email", "status"])
          .where("email", "=", input.email)
          .executeTakeFirst();
  if (!("userId" in input) && (!user || user.status !== "active")) return { invited: true };
  if (!user || user.status !== "active") throw chatErrors.notFound();
  const current = await loadMembership(groupId, user.id);
  const moderation = user.id !== actor.id ? ("add_member" as const) : undefined;
  if ("userId" in input) {
    await changeMembership({
      groupId,
      userId: user.id,
      actorId: actor.id,
      change: "added",
      moderation,
      values: { state: "active", role: input.role, invitedBy: actor.id },
    });
  } else if (!isMember(current)) {
    // An invitation by e-mail waits for the person to accept it in the portal.
    await changeMembership({
      groupId,
      userId: user.id,
      actorId: actor.id,
      change: "invited",
      moderation,
      values: { state: "invited", invitedBy: actor.id },
    });
  }
  if (!("userId" in input)) return { invited: true };
  const after = (await loadMembership(groupId, user.id))!;
  return {
    id: user.id,
    name: user.name,
    role: after.role,
    state: after.state,
    lastReadSeq: after.last_read_seq,
  };
}

export async function updateMember(
  ctx: ChatContext,
  actor: Actor,
  groupId: number,
  userId: number,
  role: MemberRole,
): Promise<void> {
  const { db, dialect, loadMembership, asMembershipManager, activeModerators } = ctx;
  await asMembershipManager(actor, groupId);
  const target = await loadMembership(groupId, userId);
  if (!isMember(target)) throw chatErrors.notFound();
  if (role === "member" && target.role === "moderator" && (await activeModerators(groupId)).length <= 1)
    throw chatErrors.lastModerator();
  await withEvents(db, dialect, async (trx, record) => {
    await trx
      .updateTable("chat_members")
      .set({ role, updated_at: Date.now() })
      .where("group_id", "=", groupId)
      .where("user_id", "=", userId)
      .execute();
    recordMemberChange(record, {
      groupId,
      userId,
      actorId: actor.id,
      change: "role",
      wasMember: true,
      moderation: "set_role",
    });
  });
}

/**
 * Leave (oneself), or remove or ban someone (moderators). Effective at once: the person's
 * sockets leave the room on every node, and search and notifications go by current membership.
 */
export async function removeMember(
  ctx: ChatContext,
  actor: Actor,
  groupId: number,
  userId: number,
  options: { ban?: boolean } = {},
): Promise<void> {
  const { db, dialect, fanout, loadMembership, listed, asMembershipManager, activeModerators } = ctx;
  const self = userId === actor.id && !options.ban;
  const { group, membership } = self
    ? await listed(actor, groupId)
    : await asMembershipManager(actor, groupId);
  // One does not leave a consultation's thread; it closes with the consultation.
  if (group.kind !== "group") throw chatErrors.forbidden();
  const target = self ? membership : await loadMembership(groupId, userId);
  if (!target && !options.ban) throw chatErrors.notFound();
  if (
    target?.role === "moderator" &&
    isMember(target) &&
    (await activeModerators(groupId)).length <= 1 &&
    self
  )
    throw chatErrors.lastModerator();
  const change = self ? ("left" as const) : options.ban ? ("banned" as const) : ("removed" as const);
  await withEvents(db, dialect, async (trx, record) => {
    if (target) {
      await trx
        .updateTable("chat_members")
        .set({ state: options.ban ? "banned" : "removed", role: "member", updated_at: Date.now() })
        .where("group_id", "=", groupId)
        .where("user_id", "=", userId)
        .execute();
    } else {
      const now = Date.now();
      await trx
        .insertInto("chat_members")
        .values({
          group_id: groupId,
          user_id: userId,
          role: "member",
          state: "banned",
          last_read_seq: 0,
          notify: "off",
          notified_seq: 0,
          invited_by: actor.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    recordMemberChange(record, {
      groupId,
      userId,
      actorId: actor.id,
      change,
      wasMember: isMember(target),
      ...(self ? {} : { moderation: options.ban ? ("ban_member" as const) : ("remove_member" as const) }),
    });
  });
  // Access ends at once, on every node: the person's sockets leave the room before anything else.
  fanout.leave(userId, groupId);
}

export async function members(ctx: ChatContext, actor: Actor, groupId: number): Promise<PresentedMember[]> {
  const { db, listed } = ctx;
  const { membership } = await listed(actor, groupId);
  const moderator = canModerate(actor, membership);
  if (!isMember(membership) && !moderator) throw chatErrors.notFound();
  const rows = await db
    .selectFrom("chat_members as cm")
    .innerJoin("users as u", "u.id", "cm.user_id")
    .select(["u.id", "u.name", "cm.role", "cm.state", "cm.last_read_seq"])
    .where("cm.group_id", "=", groupId)
    .where("u.status", "=", "active")
    // Join requests, invitations and bans are the moderators' business.
    .where("cm.state", "in", moderator ? ["active", "invited", "requested", "banned"] : ["active"])
    .orderBy("u.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    state: r.state,
    lastReadSeq: r.last_read_seq,
  }));
}

export async function setNotify(
  ctx: ChatContext,
  actor: Actor,
  groupId: number,
  notify: NotifyMode,
): Promise<void> {
  const { db, asMember } = ctx;
  await asMember(actor, groupId);
  await db
    .updateTable("chat_members")
    .set({ notify, updated_at: Date.now() })
    .where("group_id", "=", groupId)
    .where("user_id", "=", actor.id)
    .execute();
}

/** Throws not_found unless the actor is an active member (typing, room subscription). */
export async function assertMember(ctx: ChatContext, actor: Actor, groupId: number): Promise<void> {
  const { asMember } = ctx;
  await asMember(actor, groupId);
}

/** The groups whose rooms a connecting socket joins. */
export async function memberGroupIds(ctx: ChatContext, userId: number): Promise<number[]> {
  const { activeGroupsOf } = ctx;
  return (await activeGroupsOf(userId)).map((r) => r.group_id);
}

/** Search audiences: a member may find the messages of the groups they are in now. */
export async function audiencesOf(ctx: ChatContext, userId: number): Promise<string[]> {
  return (await memberGroupIds(ctx, userId)).map((id) => `group:${id}`);
}
