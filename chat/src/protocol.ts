import { z } from "zod";

/** Reactions a member can add: a short, accessible set with Finnish names in the client. */
export const REACTIONS = ["👍", "❤️", "😊", "🎉", "👀", "✅"] as const;
export const MAX_BODY = 4000;

const id = z.number({ error: "id" }).int("id").positive("id");
const text = (max: number) => z.string({ error: "required" }).trim().max(max, "too_long");

export const GroupRef = z.object({ groupId: id });
export const MessageRef = z.object({ messageId: id });

export const MessageCreate = z.object({
  groupId: id,
  /** The sender's own id for this message: a retry with the same id is not a new message. */
  clientId: z.string({ error: "client_id" }).regex(/^[A-Za-z0-9_-]{8,64}$/, "client_id"),
  body: text(MAX_BODY).min(1, "required"),
  replyTo: id.optional(),
  mentions: z.array(id).max(50, "too_many").optional(),
});

export const MessageUpdate = z.object({
  messageId: id,
  body: text(MAX_BODY).min(1, "required"),
  mentions: z.array(id).max(50, "too_many").optional(),
});

export const MessagesSince = z.object({
  groupId: id,
  afterSeq: z.number({ error: "seq" }).int("seq").min(0, "seq"),
  /** Also send older messages changed (edited, deleted, pinned, reacted) after this time. */
  updatedAfter: z.number({ error: "time" }).int("time").min(0, "time").optional(),
  limit: z.number().int().min(1).max(500).default(500),
});

export const MessagesBefore = z.object({
  groupId: id,
  /** Omitted: the newest messages. */
  beforeSeq: z.number({ error: "seq" }).int("seq").min(1, "seq").optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const Read = z.object({ groupId: id, seq: z.number({ error: "seq" }).int("seq").min(0, "seq") });
export const Reaction = z.object({ messageId: id, emoji: z.enum(REACTIONS, { error: "emoji" }) });
export const Pin = z.object({ messageId: id, pinned: z.boolean({ error: "pinned" }) });

export const GroupCreate = z.object({
  name: text(120).min(3, "too_short"),
  description: text(2000).default(""),
  rules: text(4000).default(""),
  visibility: z.enum(["open", "closed"], { error: "visibility" }),
});

export const GroupUpdate = z.object({
  name: text(120).min(3, "too_short").optional(),
  description: text(2000).optional(),
  rules: text(4000).optional(),
  visibility: z.enum(["open", "closed"], { error: "visibility" }).optional(),
});

export const MemberAdd = z.union([
  z.object({ userId: id, role: z.enum(["member", "moderator"]).optional() }),
  z.object({ email: z.string().trim().toLowerCase().email("email").max(320, "too_long") }),
]);

export const MemberUpdate = z.object({ role: z.enum(["member", "moderator"], { error: "role" }) });
export const NotifySettings = z.object({ notify: z.enum(["instant", "digest", "off"], { error: "notify" }) });

export type MessageCreateInput = z.infer<typeof MessageCreate>;
export type GroupCreateInput = z.infer<typeof GroupCreate>;

/** Every client event, its payload schema; the gateway refuses anything else. */
export const CLIENT_EVENTS = {
  "group:join": GroupRef,
  "group:leave": GroupRef,
  "message:create": MessageCreate,
  "message:update": MessageUpdate,
  "message:delete": MessageRef,
  "message:react": Reaction,
  "message:pin": Pin,
  "messages:since": MessagesSince,
  "messages:before": MessagesBefore,
  typing: GroupRef,
  read: Read,
} as const;
export type ClientEvent = keyof typeof CLIENT_EVENTS;
