import type { Kysely, Selectable } from "kysely";
import type { WireGroup, WireMember, WireMessage } from "../client.js";
import type { ChatDatabase, ChatMessagesTable } from "../schema.js";

export type MessageRow = Selectable<ChatMessagesTable>;

/** How events reach sockets, on this node and (with Redis) every other. */
export type Fanout = {
  toGroup(groupId: number, event: string, payload: unknown): void;
  /** Only the group's sockets connected to this node (each node delivers the log to its own). */
  toGroupHere(groupId: number, event: string, payload: unknown): void;
  toUser(userId: number, event: string, payload: unknown): void;
  /** The user's sockets, wherever they are connected, start or stop receiving the group's events. */
  join(userId: number, groupId: number): void;
  leave(userId: number, groupId: number): void;
};

export type ChatMail = { to: string; template: string; data: Record<string, string> };

export type ModerationEntry = {
  actorId: number;
  action:
    | "edit_group"
    | "approve_group"
    | "archive_group"
    | "add_member"
    | "set_role"
    | "remove_member"
    | "ban_member"
    | "delete_message"
    | "pin_message";
  groupId: number;
  /** The member or message acted on. */
  targetId?: number;
};

/** A message as it leaves the server: the wire format the client library reads. */
export type PresentedMessage = WireMessage;

export type PresentedGroup = WireGroup;

export type PresentedMember = WireMember;

export const encodeMentions = (ids: number[]) => (ids.length ? `,${[...new Set(ids)].join(",")},` : "");
export const decodeMentions = (s: string) => s.split(",").filter(Boolean).map(Number);

export const FINNISH_DAY_HOUR = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});

/** The calendar day in Finland, for the daily digest. */
export function finnishDay(now: number): { day: string; hour: number } {
  const parts = FINNISH_DAY_HOUR.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}

export type ChatServiceOptions = {
  db: Kysely<ChatDatabase>;
  /** PostgreSQL takes a message in one statement; SQLite in a transaction. */
  dialect?: "sqlite" | "postgres";
  /** Where links in e-mails point: the portal's public address. */
  publicUrl: string;
  /**
   * The mail outbox, for the daily digest (a job). Every other effect of a change follows its
   * domain event instead.
   */
  mail?: (mail: ChatMail) => Promise<void>;
  /** The hour (Finnish time) from which the daily digest goes out. */
  digestHour?: number;
};
