import type { Processor } from "@soskes/domain";
import type { Database } from "../db/schema.js";
import { auditModeration } from "../auth/admin-audit.js";

/**
 * The audit log of moderators' acts on others' messages (deleting, pinning): written in the
 * transaction that moves this processor on, exactly once per act, even across a crash.
 */
export function auditProcessor(): Processor<Database> {
  return {
    name: "audit",
    scope: "claimed",
    transactional: true,
    types: ["message.updated", "message.deleted"],
    async handle(batch, trx) {
      const write = auditModeration(trx);
      for (const event of batch) {
        if (event.type !== "message.updated" && event.type !== "message.deleted") continue;
        const { moderation, actorId, groupId, messageId } = event.payload;
        if (moderation) await write({ actorId, action: moderation, groupId, targetId: messageId });
      }
    },
  };
}
