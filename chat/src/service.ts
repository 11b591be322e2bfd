import { withFirst } from "./service/bind.js";
import { createChatContext } from "./service/context.js";
import type { ChatServiceOptions, Fanout } from "./service/types.js";
import * as groups from "./service/groups.js";
import * as membership from "./service/membership.js";
import * as messages from "./service/messages.js";
import * as notifications from "./service/notifications.js";
import * as reactions from "./service/reactions.js";
import * as reads from "./service/reads.js";
import * as threads from "./service/threads.js";

export {
  finnishDay,
  type ChatMail,
  type ChatServiceOptions,
  type Fanout,
  type ModerationEntry,
  type PresentedGroup,
  type PresentedMember,
  type PresentedMessage,
} from "./service/types.js";

export type ChatService = ReturnType<typeof createChatService>;

/**
 * eKollega's rules in one place, for both the REST routes and the Socket.IO gateway: load,
 * authorise, act, then tell the sockets. Everything a person may not see answers not_found.
 */
export function createChatService(options: ChatServiceOptions) {
  const ctx = createChatContext(options);
  return {
    /** Set by the gateway once Socket.IO is up. */
    useFanout(next: Fanout) {
      ctx.useFanout(next);
    },
    /** The sockets of every node, for the processors that fan events out. */
    fanout(): Fanout {
      return ctx.fanout;
    },
    /** Whether this node already gave the event to its own sockets at commit (asked once). */
    takeDelivered(eventId: number): boolean {
      return ctx.takeDelivered(eventId);
    },
    /** The group's active moderators (their user ids), who hear of join requests. */
    async moderatorsOf(groupId: number): Promise<number[]> {
      return (await ctx.activeModerators(groupId)).map((m) => m.user_id);
    },
    ...withFirst(ctx, groups),
    ...withFirst(ctx, membership),
    ...withFirst(ctx, threads),
    ...withFirst(ctx, messages),
    ...withFirst(ctx, reactions),
    ...withFirst(ctx, reads),
    ...withFirst(ctx, notifications),
  };
}
