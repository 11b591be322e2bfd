import { groupStream } from "@soskes/domain";
import { chatErrors } from "../errors.js";
import { prepareQuery } from "../prepared.js";
import type { GroupRow } from "../policy.js";
import type { ChatServiceOptions, Fanout } from "./types.js";
import { paths } from "@soskes/domain/paths";

export type ChatStore = ReturnType<typeof createChatStore>;

/** The message store and what every rule reads it with: small, shared by all parts. */
export function createChatStore(options: ChatServiceOptions) {
  const { db } = options;
  const dialect = options.dialect ?? "sqlite";
  let target: Fanout = { toGroup() {}, toGroupHere() {}, toUser() {}, join() {}, leave() {} };
  // The same object for every part of the service; the gateway puts Socket.IO behind it.
  const fanout: Fanout = {
    toGroup: (groupId, event, payload) => target.toGroup(groupId, event, payload),
    toGroupHere: (groupId, event, payload) => target.toGroupHere(groupId, event, payload),
    toUser: (userId, event, payload) => target.toUser(userId, event, payload),
    join: (userId, groupId) => target.join(userId, groupId),
    leave: (userId, groupId) => target.leave(userId, groupId),
  };
  const useFanout = (next: Fanout) => {
    target = next;
  };
  /**
   * Events this node has already handed to its own sockets at commit (their ids): its fan-out
   * processor passes them by. Bounded: ids the processor never reaches (it starts at the head)
   * fall out first.
   */
  const deliveredHere = new Set<number>();
  const deliverHere = (eventId: number, groupId: number, event: string, payload: unknown) => {
    target.toGroupHere(groupId, event, payload);
    deliveredHere.add(eventId);
    if (deliveredHere.size > 10_000) deliveredHere.delete(deliveredHere.values().next().value!);
  };
  const takeDelivered = (eventId: number) => deliveredHere.delete(eventId);
  const groupUrl = (groupId: number) => `${options.publicUrl}${paths.group(groupId)}`;

  // Every search and every connecting socket asks which groups a member is in: compiled once.
  const activeGroupsOf = prepareQuery(db, 1, (userId: number) =>
    db
      .selectFrom("chat_members")
      .select("group_id")
      .where("user_id", "=", userId)
      .where("state", "=", "active"),
  );
  const loadGroup = (groupId: number) =>
    db.selectFrom("chat_groups").selectAll().where("id", "=", groupId).executeTakeFirst();
  const loadMembership = (groupId: number, userId: number) =>
    db
      .selectFrom("chat_members")
      .selectAll()
      .where("group_id", "=", groupId)
      .where("user_id", "=", userId)
      .executeTakeFirst();

  const writable = (group: GroupRow) => {
    if (group.status === "archived") throw chatErrors.archived();
    if (group.status === "proposed") throw chatErrors.notActive();
  };

  const updated = (groupId: number, messageId: number, actorId: number) =>
    ({
      type: "message.updated",
      stream: groupStream(groupId),
      payload: { groupId, messageId, actorId },
    }) as const;

  /** Live messages after the member's read position, counted per group. */
  const unreadSince = (userId: number, groupIds: number[]) =>
    db
      .selectFrom("chat_messages as m")
      .innerJoin("chat_members as cm", (join) =>
        join
          .onRef("cm.group_id", "=", "m.group_id")
          .on("cm.user_id", "=", userId)
          .on("cm.state", "=", "active"),
      )
      .select(["m.group_id", (eb) => eb.fn.countAll<number>().as("n")])
      .whereRef("m.seq", ">", "cm.last_read_seq")
      .where("m.deleted_at", "is", null)
      .where("m.group_id", "in", groupIds)
      .groupBy("m.group_id");

  const activeModerators = async (groupId: number) =>
    db
      .selectFrom("chat_members")
      .select("user_id")
      .where("group_id", "=", groupId)
      .where("state", "=", "active")
      .where("role", "=", "moderator")
      .execute();

  return {
    options,
    db,
    dialect,
    fanout,
    useFanout,
    deliverHere,
    takeDelivered,
    groupUrl,
    activeGroupsOf,
    loadGroup,
    loadMembership,
    writable,
    updated,
    unreadSince,
    activeModerators,
  };
}
