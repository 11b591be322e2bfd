/**
 * Every domain event, by type, with its payload. Payloads carry ids and small facts only: a
 * processor reads the rows as they are when it runs (a message deleted since is seen deleted).
 */
export type EventMap = {
  /**
   * A group message was written: in a thread (`threadId`, its first message) or not, mentioning
   * whom (user ids). Both are absent in events recorded before they were added.
   */
  "message.created": {
    groupId: number;
    messageId: number;
    authorId: number;
    threadId?: number | null;
    mentions?: number[];
  };
  /** Its text, reactions or pin changed. `moderation` is set when a moderator acted on another's. */
  "message.updated": { groupId: number; messageId: number; actorId: number; moderation?: "pin_message" };
  "message.deleted": { groupId: number; messageId: number; actorId: number; moderation?: "delete_message" };
  /** A group was edited, approved or archived. `moderation` names the act for the audit log. */
  "group.changed": {
    groupId: number;
    actorId: number;
    change: "edited" | "approved" | "archived";
    moderation?: "edit_group" | "approve_group" | "archive_group";
  };
  /**
   * Someone's membership of a group changed. `wasMember`: they were an active member before (a
   * departure others see); `moderation` names a moderator's act for the audit log.
   */
  "member.changed": {
    groupId: number;
    userId: number;
    actorId: number;
    change: MemberChange;
    wasMember?: boolean;
    moderation?: "add_member" | "set_role" | "remove_member" | "ban_member";
  };
  /** A notice was posted, edited or removed. */
  "notice.changed": { noticeId: number; actorId: number };
  /**
   * A consultation request changed: asked, taken, given to an expert (`userId`), answered,
   * closed (`consent`: the requester allowed a Q&A), reopened; its Q&A sent for review or
   * reviewed (`approved`).
   */
  "consultation.changed": {
    consultationId: number;
    actorId: number;
    change: ConsultationChange;
    userId?: number;
    consent?: boolean;
    approved?: boolean;
  };
  /** An answer-bank entry was published or withdrawn. */
  "answer.changed": { answerId: number; consultationId: number; actorId: number };
  /**
   * Published content changed in Strapi (its webhook) or a record's check was confirmed here:
   * every node reloads its snapshot, and with it the search index of content.
   */
  "content.changed": {
    reason: string;
    model: string | null;
    documentId: string | null;
    /** The content holder (one per node) that heard it first and dropped its snapshot at once. */
    origin: string;
  };
};

export type MemberChange =
  "joined" | "requested" | "added" | "invited" | "role" | "left" | "removed" | "banned";

export type ConsultationChange =
  | "created"
  | "claimed"
  | "assigned"
  | "answered"
  | "closed"
  | "reopened"
  | "answer_submitted"
  | "answer_reviewed";

export type EventType = keyof EventMap;

/** An event to record: its stream orders it among the events of the same thing. */
export type NewEvent = { [K in EventType]: { type: K; stream: string; payload: EventMap[K] } }[EventType];

/** A recorded event, as processors receive it. */
export type DomainEvent = NewEvent & { id: number; createdAt: number };

/** The stream of a group's events (messages, members, reads). */
export const groupStream = (groupId: number) => `group:${groupId}`;

/** The stream of a notice's events. */
export const noticeStream = (noticeId: number) => `notice:${noticeId}`;

/** The one stream of published content (Strapi's changes come in the order it sent them). */
export const CONTENT_STREAM = "content";

/** The stream of a consultation request's events (its answer included). */
export const consultationStream = (consultationId: number) => `consultation:${consultationId}`;
