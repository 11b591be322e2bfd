import type { ModerationEntry } from "@soskes/chat";
import type { Processor } from "@soskes/domain";
import type { Database } from "../db/schema.js";
import { auditModeration } from "../auth/admin-audit.js";

/**
 * The audit log of moderators' and staff's acts — on others' messages (deleting, pinning), on
 * groups (editing, approving, archiving) and on others' memberships (adding, roles, removing,
 * banning): written in the transaction that moves this processor on, exactly once per act, even
 * across a crash.
 */
export function auditProcessor(): Processor<Database> {
  return {
    name: "audit",
    scope: "claimed",
    transactional: true,
    types: ["message.updated", "message.deleted", "group.changed", "member.changed"],
    async handle(batch, trx) {
      const write = auditModeration(trx);
      for (const event of batch) {
        const { moderation, actorId, groupId } = event.payload as {
          moderation?: ModerationEntry["action"];
          actorId: number;
          groupId: number;
        };
        if (!moderation) continue;
        const targetId =
          event.type === "member.changed"
            ? event.payload.userId
            : event.type === "message.updated" || event.type === "message.deleted"
              ? event.payload.messageId
              : undefined;
        await write({ actorId, action: moderation, groupId, targetId });
      }
    },
  };
}
