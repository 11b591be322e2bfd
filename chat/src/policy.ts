import type { ChatGroupsTable, ChatMembersTable } from "./schema.js";
import type { Selectable } from "kysely";

export type Actor = { id: number; name: string; role: "member" | "expert" | "moderator" | "admin" };
export type GroupRow = Selectable<ChatGroupsTable>;
export type MemberRow = Selectable<ChatMembersTable>;

/** The portal's moderators and admins look after every group. */
export const isStaff = (actor: Actor) => actor.role === "moderator" || actor.role === "admin";

/** Only staff create groups directly; anyone else proposes one for a moderator to approve. */
export const canCreateGroup = isStaff;

/**
 * What a person may know of a group. Every active or archived group can be listed (name and
 * description, so one can ask to join); a proposed one only by its proposer and staff. Messages,
 * members and everything else are for active members only.
 */
export function canList(actor: Actor, group: GroupRow): boolean {
  return group.status !== "proposed" || isStaff(actor) || group.created_by === actor.id;
}

export const isMember = (membership: MemberRow | undefined): membership is MemberRow & { state: "active" } =>
  membership?.state === "active";

/** Manage members, pin, delete others' messages, edit and archive: group moderators and staff. */
export function canModerate(actor: Actor, membership: MemberRow | undefined): boolean {
  return isStaff(actor) || (isMember(membership) && membership.role === "moderator");
}

/** What the actor may do in a group now: the client offers exactly these. */
export function groupAbilities(actor: Actor, group: GroupRow, membership: MemberRow | undefined) {
  return {
    /** Manage members, pin, remove others' messages, edit and archive. */
    moderate: canModerate(actor, membership),
    /** Write messages (active members of an active group). */
    post: isMember(membership) && group.status === "active",
  };
}
