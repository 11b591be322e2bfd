import { sql } from "kysely";
import { chatErrors } from "../errors.js";
import { canCreateGroup, isStaff, type Actor } from "../policy.js";
import type { GroupCreateInput } from "../protocol.js";
import type { PresentedGroup } from "./types.js";
import type { ChatContext } from "./context.js";

// Groups: listing, creating, editing, approving and archiving them.

export async function listGroups(ctx: ChatContext, actor: Actor): Promise<PresentedGroup[]> {
  const { db, presentGroups } = ctx;
  let query = db.selectFrom("chat_groups").selectAll().where("kind", "=", "group").orderBy("name");
  if (!isStaff(actor))
    query = query.where((eb) => eb.or([eb("status", "!=", "proposed"), eb("created_by", "=", actor.id)]));
  return presentGroups(actor, await query.execute());
}

export function getGroup(ctx: ChatContext, actor: Actor, groupId: number): Promise<PresentedGroup> {
  const { presentedGroup } = ctx;
  return presentedGroup(actor, groupId);
}

export async function createGroup(
  ctx: ChatContext,
  actor: Actor,
  input: GroupCreateInput,
): Promise<PresentedGroup> {
  const { db, presentedGroup, setMembership } = ctx;
  const clash = await db
    .selectFrom("chat_groups")
    .select("id")
    .where(sql<string>`lower(name)`, "=", input.name.toLowerCase())
    .where("status", "!=", "archived")
    .executeTakeFirst();
  if (clash) throw chatErrors.nameTaken();
  const now = Date.now();
  const row = await db
    .insertInto("chat_groups")
    .values({
      name: input.name,
      description: input.description,
      rules: input.rules,
      visibility: input.visibility,
      status: canCreateGroup(actor) ? "active" : "proposed",
      created_by: actor.id,
      last_seq: 0,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await setMembership(row.id, actor.id, { state: "active", role: "moderator" });
  return presentedGroup(actor, row.id);
}

export async function updateGroup(
  ctx: ChatContext,
  actor: Actor,
  groupId: number,
  input: Partial<GroupCreateInput>,
): Promise<PresentedGroup> {
  const { asModerator, presentedGroup, changeGroup } = ctx;
  const { group } = await asModerator(actor, groupId);
  if (group.status === "archived") throw chatErrors.archived();
  await changeGroup({ groupId, actorId: actor.id, change: "edited", moderation: "edit_group" }, { ...input });
  return presentedGroup(actor, groupId);
}

/** A member's proposal becomes a group when staff approve it. */
export async function approveGroup(ctx: ChatContext, actor: Actor, groupId: number): Promise<PresentedGroup> {
  const { listed, presentedGroup, changeGroup } = ctx;
  const { group } = await listed(actor, groupId);
  if (!isStaff(actor)) throw chatErrors.forbidden();
  if (group.status === "proposed")
    await changeGroup(
      { groupId, actorId: actor.id, change: "approved", moderation: "approve_group" },
      { status: "active" },
    );
  return presentedGroup(actor, groupId);
}

export async function archiveGroup(ctx: ChatContext, actor: Actor, groupId: number): Promise<PresentedGroup> {
  const { asModerator, presentedGroup, changeGroup } = ctx;
  await asModerator(actor, groupId);
  await changeGroup(
    { groupId, actorId: actor.id, change: "archived", moderation: "archive_group" },
    { status: "archived" },
  );
  return presentedGroup(actor, groupId);
}
