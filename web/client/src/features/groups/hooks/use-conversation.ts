import type { GroupMember } from "../api/groups";
import { useMessageFeed } from "./use-message-feed";
import { usePresence } from "./use-presence";

/**
 * One group's conversation: its messages (`useMessageFeed`) and who else is there
 * (`usePresence`), in the shape the page lays out.
 */
export function useConversation(groupId: number, meId: number, members: GroupMember[] | undefined) {
  const presence = usePresence(groupId, meId, members);
  const feed = useMessageFeed(groupId, meId, presence.seed);
  return {
    messages: feed.messages,
    /** Messages outside threads, oldest first. */
    timeline: feed.messages.filter((m) => m.threadId === null),
    repliesOf: (id: number) => feed.messages.filter((m) => m.threadId === id),
    seenBy: presence.seenBy,
    typers: presence.typers,
    older: feed.older,
    online: presence.online,
    announcement: feed.announcement,
    removed: feed.removed,
    loadOlder: () => feed.loadOlder(),
    post: (body: string, mentions: number[], replyTo?: number) => feed.post(body, mentions, replyTo),
    typingNow: presence.typingNow,
  };
}
