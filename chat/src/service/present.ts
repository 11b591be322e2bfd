import { groupAbilities, isMember, type Actor, type GroupRow } from "../policy.js";
import { decodeMentions, type MessageRow, type PresentedGroup, type PresentedMessage } from "./types.js";
import type { ChatStore } from "./store.js";
import { listed } from "./access.js";

// Messages and groups as they leave the service.

export async function present(ctx: ChatStore, rows: MessageRow[]): Promise<PresentedMessage[]> {
  const { db } = ctx;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const authorIds = [...new Set(rows.map((r) => r.author_id))];
  const [authors, reactions] = await Promise.all([
    db.selectFrom("users").select(["id", "name"]).where("id", "in", authorIds).execute(),
    db
      .selectFrom("chat_reactions")
      .select(["message_id", "user_id", "emoji"])
      .where("message_id", "in", ids)
      .orderBy("created_at")
      .execute(),
  ]);
  const names = new Map(authors.map((a) => [a.id, a.name]));
  const byMessage = new Map<number, Map<string, number[]>>();
  for (const r of reactions) {
    const emojis = byMessage.get(r.message_id) ?? new Map<string, number[]>();
    emojis.set(r.emoji, [...(emojis.get(r.emoji) ?? []), r.user_id]);
    byMessage.set(r.message_id, emojis);
  }
  return rows.map((r) => ({
    id: r.id,
    groupId: r.group_id,
    seq: r.seq,
    author: { id: r.author_id, name: names.get(r.author_id) ?? "" },
    clientId: r.client_id,
    body: r.deleted_at ? null : r.body,
    threadId: r.thread_id,
    mentions: r.deleted_at ? [] : decodeMentions(r.mentions),
    reactions: [...(byMessage.get(r.id) ?? new Map<string, number[]>())].map(([emoji, userIds]) => ({
      emoji,
      userIds,
    })),
    pinned: r.pinned_at !== null && !r.deleted_at,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export const presentOne = async (ctx: ChatStore, row: MessageRow) => (await present(ctx, [row]))[0]!;

export async function presentGroups(
  ctx: ChatStore,
  actor: Actor,
  groups: GroupRow[],
): Promise<PresentedGroup[]> {
  const { db, unreadSince } = ctx;
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.id);
  const [memberships, counts, unread, mentions] = await Promise.all([
    db
      .selectFrom("chat_members")
      .selectAll()
      .where("user_id", "=", actor.id)
      .where("group_id", "in", ids)
      .execute(),
    db
      .selectFrom("chat_members")
      .select(["group_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("group_id", "in", ids)
      .where("state", "=", "active")
      .groupBy("group_id")
      .execute(),
    // Unread: others' messages after the read position; mentions: those naming the actor.
    unreadSince(actor.id, ids).where("m.author_id", "!=", actor.id).execute(),
    unreadSince(actor.id, ids).where("m.mentions", "like", `%,${actor.id},%`).execute(),
  ]);
  const mine = new Map(memberships.map((m) => [m.group_id, m]));
  const count = (rows: Array<{ group_id: number; n: number | string | bigint }>) =>
    new Map(rows.map((r) => [r.group_id, Number(r.n)]));
  const members = count(counts);
  const unreadBy = count(unread);
  const mentionsBy = count(mentions);
  return groups.map((g) => {
    const m = mine.get(g.id);
    const member = isMember(m);
    return {
      id: g.id,
      kind: g.kind,
      name: g.name,
      description: g.description,
      rules: g.rules,
      visibility: g.visibility,
      status: g.status,
      memberCount: members.get(g.id) ?? 0,
      createdAt: g.created_at,
      membership: {
        state: m?.state ?? "none",
        role: member ? m.role : null,
        notify: member ? m.notify : null,
      },
      lastSeq: member ? g.last_seq : null,
      lastReadSeq: member ? m.last_read_seq : null,
      unread: member ? (unreadBy.get(g.id) ?? 0) : 0,
      mentions: member ? (mentionsBy.get(g.id) ?? 0) : 0,
      abilities: groupAbilities(actor, g, m),
    };
  });
}

/** The group as the actor may see it (not_found when they may not know of it). */
export const presentedGroup = async (
  ctx: ChatStore,
  actor: Actor,
  groupId: number,
): Promise<PresentedGroup> => {
  const { group } = await listed(ctx, actor, groupId);
  return (await presentGroups(ctx, actor, [group]))[0]!;
};
