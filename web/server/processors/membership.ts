import type { DomainEvent, Processor } from "@soskes/domain";
import type { Database } from "../db/schema.js";
import type { Services } from "../services.js";
import { isStale } from "./messages.js";

type GroupEvent = Extract<DomainEvent, { type: "group.changed" | "member.changed" }>;

/**
 * What members see live of changes to groups and memberships: a group edited or archived, someone
 * joining or leaving, an invitation or a join request for the group's moderators, and the
 * removed person's own notice. (Their sockets have already left the room at the change.)
 */
export function membershipProcessor(services: Pick<Services, "chat" | "db">): Processor<Database> {
  const { db } = services;
  return {
    name: "membership",
    scope: "claimed",
    types: ["group.changed", "member.changed"],
    async handle(batch) {
      const now = Date.now();
      const fanout = services.chat.fanout();
      const events = batch.filter((e): e is GroupEvent => !isStale(e, now));
      for (const event of events) {
        const { groupId } = event.payload;
        if (event.type === "group.changed") {
          if (event.payload.change !== "approved") fanout.toGroup(groupId, "group:updated", { groupId });
          continue;
        }
        const { userId, actorId, change, wasMember } = event.payload;
        const names = new Map(
          (
            await db.selectFrom("users").select(["id", "name"]).where("id", "in", [userId, actorId]).execute()
          ).map((u) => [u.id, u.name]),
        );
        const group = await db
          .selectFrom("chat_groups")
          .select("name")
          .where("id", "=", groupId)
          .executeTakeFirst();
        const name = names.get(userId) ?? "";
        switch (change) {
          case "joined":
          case "added":
            if (!wasMember) fanout.toGroup(groupId, "member:joined", { groupId, userId, name });
            if (change === "added") fanout.toUser(userId, "group:added", { groupId });
            break;
          case "requested":
            for (const m of await services.chat.moderatorsOf(groupId))
              fanout.toUser(m, "notification", {
                type: "join_request",
                groupId,
                groupName: group?.name,
                name,
              });
            break;
          case "invited":
            fanout.toUser(userId, "notification", {
              type: "invite",
              groupId,
              groupName: group?.name,
              name: names.get(actorId) ?? "",
            });
            break;
          case "left":
          case "removed":
          case "banned":
            fanout.toUser(userId, "group:removed", { groupId, reason: change });
            if (wasMember) fanout.toGroup(groupId, "member:left", { groupId, userId });
            break;
          case "role":
            break;
        }
      }
    },
  };
}
