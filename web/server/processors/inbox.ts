import { consultEffects } from "@soskes/chat";
import type { DomainEvent, Processor } from "@soskes/domain";
import type { Insertable } from "kysely";
import type { Database, InboxItemsTable, InboxKind } from "../db/schema.js";
import type { Services } from "../services.js";
import { unreadCount } from "../inbox/items.js";

type Deps = Pick<Services, "chat" | "db" | "config">;
type Item = Insertable<InboxItemsTable>;
type Of<T extends DomainEvent["type"]> = Extract<DomainEvent, { type: T }>;

const item = (
  event: DomainEvent,
  userId: number,
  kind: InboxKind,
  data: Record<string, unknown>,
  refs: { groupId?: number; consultationId?: number } = {},
): Item => ({
  user_id: userId,
  kind,
  group_id: refs.groupId ?? null,
  consultation_id: refs.consultationId ?? null,
  event_id: event.id,
  data: JSON.stringify(data),
  created_at: event.createdAt,
  read_at: null,
});

/** Mentions, and replies in threads the member wrote in (their own messages aside). */
async function messageItems(deps: Deps, events: Array<Of<"message.created">>): Promise<Item[]> {
  // Most messages mention no one and start no thread: they concern no inbox, and are not read.
  const concerning = events.filter(
    (e) => e.payload.mentions === undefined || e.payload.mentions.length > 0 || Boolean(e.payload.threadId),
  );
  const byId = new Map(concerning.map((e) => [e.payload.messageId, e]));
  if (byId.size === 0) return [];
  const items: Item[] = [];
  for (const { message, group } of await deps.chat.messagesByIds([...byId.keys()])) {
    const event = byId.get(message.id);
    if (!event || message.deletedAt) continue;
    const data = {
      groupId: group.id,
      groupName: group.name,
      messageId: message.id,
      seq: message.seq,
      author: message.author.name,
    };
    const mentioned = new Set(message.mentions.filter((id) => id !== message.author.id));
    for (const userId of mentioned) items.push(item(event, userId, "mention", data, { groupId: group.id }));
    if (message.threadId === null) continue;
    const writers = await deps.db
      .selectFrom("chat_messages")
      .select("author_id")
      .distinct()
      .where((eb) => eb.or([eb("id", "=", message.threadId!), eb("thread_id", "=", message.threadId!)]))
      .where("deleted_at", "is", null)
      .execute();
    for (const { author_id } of writers)
      if (author_id !== message.author.id && !mentioned.has(author_id))
        items.push(item(event, author_id, "reply", data, { groupId: group.id }));
  }
  return items;
}

/** Invitations, join requests for the group's moderators; leaving takes the group's items away. */
async function memberItems(deps: Deps, events: Array<Of<"member.changed">>): Promise<Item[]> {
  const items: Item[] = [];
  for (const event of events) {
    const { groupId, userId, change } = event.payload;
    if (change === "left" || change === "removed" || change === "banned") {
      // What the member can no longer open leaves their inbox with them.
      await deps.db
        .deleteFrom("inbox_items")
        .where("user_id", "=", userId)
        .where("group_id", "=", groupId)
        .execute();
      continue;
    }
    if (change !== "invited" && change !== "requested") continue;
    const group = await deps.db
      .selectFrom("chat_groups")
      .select("name")
      .where("id", "=", groupId)
      .executeTakeFirst();
    if (!group) continue;
    if (change === "invited") {
      items.push(item(event, userId, "invite", { groupId, groupName: group.name }, { groupId }));
      continue;
    }
    const asker = await deps.db
      .selectFrom("users")
      .select("name")
      .where("id", "=", userId)
      .executeTakeFirst();
    for (const moderator of await deps.chat.moderatorsOf(groupId))
      items.push(
        item(
          event,
          moderator,
          "join_request",
          { groupId, groupName: group.name, name: asker?.name ?? "" },
          { groupId },
        ),
      );
  }
  return items;
}

/** Consultation changes, for those each one concerns (the same people its in-app notice reaches). */
async function consultationItems(deps: Deps, events: Array<Of<"consultation.changed">>): Promise<Item[]> {
  const items: Item[] = [];
  for (const event of events) {
    const { notices } = await consultEffects(deps.db, event, deps.config.portal.publicUrl);
    for (const notice of notices) {
      const kind = notice.payload.type as InboxKind;
      for (const userId of notice.userIds)
        items.push(
          item(event, userId, kind, notice.payload, { consultationId: event.payload.consultationId }),
        );
    }
  }
  return items;
}

const ofType = <T extends DomainEvent["type"]>(batch: DomainEvent[], type: T) =>
  batch.filter((e): e is Of<T> => e.type === type);

/**
 * Each member's notification inbox, kept until read: fed by the domain events (at least once; an
 * item is stored once per event, so a replay adds nothing), then each member concerned hears
 * their new unread count on their sockets (the bell's badge).
 */
export function inboxProcessor(deps: Deps): Processor<Database> {
  return {
    name: "inbox",
    scope: "claimed",
    types: ["message.created", "member.changed", "consultation.changed"],
    async handle(batch) {
      const items = [
        ...(await messageItems(deps, ofType(batch, "message.created"))),
        ...(await memberItems(deps, ofType(batch, "member.changed"))),
        ...(await consultationItems(deps, ofType(batch, "consultation.changed"))),
      ];
      if (items.length > 0)
        await deps.db
          .insertInto("inbox_items")
          .values(items)
          .onConflict((oc) => oc.columns(["user_id", "event_id", "kind"]).doNothing())
          .execute();
      const touched = new Set(items.map((i) => i.user_id));
      for (const e of ofType(batch, "member.changed"))
        if (["left", "removed", "banned"].includes(e.payload.change)) touched.add(e.payload.userId);
      const fanout = deps.chat.fanout();
      for (const userId of touched)
        fanout.toUser(userId, "inbox", { unread: await unreadCount(deps.db, userId) });
    },
  };
}
