import { sql, type Kysely, type Selectable } from "kysely";
import type { WireGroup, WireMember, WireMessage } from "./client.js";
import { chatErrors } from "./errors.js";
import { prepareQuery } from "./prepared.js";
import {
  canCreateGroup,
  canList,
  canModerate,
  isMember,
  isStaff,
  type Actor,
  type GroupRow,
  type MemberRow,
} from "./policy.js";
import type { GroupCreateInput, MessageCreateInput } from "./protocol.js";
import type { ChatDatabase, ChatMessagesTable, MemberRole, NotifyMode } from "./schema.js";

type MessageRow = Selectable<ChatMessagesTable>;

/** How events reach sockets, on this node and (with Redis) every other. */
export type Fanout = {
  toGroup(groupId: number, event: string, payload: unknown): void;
  toUser(userId: number, event: string, payload: unknown): void;
  /** The user's sockets, wherever they are connected, start or stop receiving the group's events. */
  join(userId: number, groupId: number): void;
  leave(userId: number, groupId: number): void;
};

export type ChatMail = { to: string; template: string; data: Record<string, string> };

/** What the portal plugs in: search indexing and mail. */
export type ChatHooks = {
  indexMessage?: (message: PresentedMessage, group: { id: number; name: string }) => void;
  unindexMessage?: (messageId: number) => void;
  mail?: (mail: ChatMail) => Promise<void>;
  onError?: (err: unknown, what: string) => void;
  /**
   * A moderator's or staff member's act on a group or on someone else's membership or message —
   * for the audit log. Awaited, so that a request whose entry cannot be written fails visibly.
   */
  moderated?: (entry: ModerationEntry) => Promise<void>;
};

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

const encodeMentions = (ids: number[]) => (ids.length ? `,${[...new Set(ids)].join(",")},` : "");
const decodeMentions = (s: string) => s.split(",").filter(Boolean).map(Number);

const FINNISH_DAY_HOUR = new Intl.DateTimeFormat("en-GB", {
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
  hooks?: ChatHooks;
  /** The hour (Finnish time) from which the daily digest goes out. */
  digestHour?: number;
};

export type ChatService = ReturnType<typeof createChatService>;

/**
 * eKollega's rules in one place, for both the REST routes and the Socket.IO gateway: load,
 * authorise, act, then tell the sockets. Everything a person may not see answers not_found.
 */
export function createChatService(options: ChatServiceOptions) {
  const { db, hooks = {} } = options;
  let fanout: Fanout = { toGroup() {}, toUser() {}, join() {}, leave() {} };
  const groupUrl = (groupId: number) => `${options.publicUrl}/ryhmat/${groupId}`;
  const background = (what: string, task: () => Promise<unknown>) => {
    task().catch((err: unknown) => hooks.onError?.(err, what));
  };

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

  /** The group and the actor's membership, or not_found when the actor may not know of it. */
  async function listed(
    actor: Actor,
    groupId: number,
  ): Promise<{ group: GroupRow; membership: MemberRow | undefined }> {
    // The group and the actor's membership in one query: this runs for every event.
    const row = await db
      .selectFrom("chat_groups as g")
      .leftJoin("chat_members as m", (join) =>
        join.onRef("m.group_id", "=", "g.id").on("m.user_id", "=", actor.id),
      )
      // The account itself, every time: one disabled while connected loses access at once.
      .leftJoin("users as u", (join) => join.on("u.id", "=", actor.id))
      .selectAll("g")
      .select([
        "u.status as u_status",
        "m.role as m_role",
        "m.state as m_state",
        "m.last_read_seq as m_last_read_seq",
        "m.notify as m_notify",
        "m.notified_seq as m_notified_seq",
        "m.invited_by as m_invited_by",
        "m.created_at as m_created_at",
        "m.updated_at as m_updated_at",
      ])
      .where("g.id", "=", groupId)
      .executeTakeFirst();
    if (row && row.u_status !== "active") throw chatErrors.unauthorized();
    if (!row || !canList(actor, row)) throw chatErrors.notFound();
    // A consultation's private thread exists only for its participants.
    if (row.kind !== "group" && row.m_state !== "active") throw chatErrors.notFound();
    const {
      u_status: _status,
      m_role,
      m_state,
      m_last_read_seq,
      m_notify,
      m_notified_seq,
      m_invited_by,
      m_created_at,
      m_updated_at,
      ...group
    } = row;
    const membership: MemberRow | undefined =
      m_state === null
        ? undefined
        : {
            group_id: groupId,
            user_id: actor.id,
            role: m_role!,
            state: m_state,
            last_read_seq: m_last_read_seq!,
            notify: m_notify!,
            notified_seq: m_notified_seq!,
            invited_by: m_invited_by,
            created_at: m_created_at!,
            updated_at: m_updated_at!,
          };
    return { group, membership };
  }

  /** For anything inside a group (messages, members): active members only, others not_found. */
  async function asMember(actor: Actor, groupId: number) {
    const found = await listed(actor, groupId);
    if (!isMember(found.membership)) throw chatErrors.notFound();
    return found as { group: GroupRow; membership: MemberRow };
  }

  async function asModerator(actor: Actor, groupId: number) {
    const found = await listed(actor, groupId);
    // Who takes part in a consultation thread is the consultation's business, not a moderator's.
    if (found.group.kind !== "group") throw chatErrors.forbidden();
    if (!canModerate(actor, found.membership)) {
      throw isMember(found.membership) ? chatErrors.forbidden() : chatErrors.notFound();
    }
    return found;
  }

  /**
   * Membership management (adding, inviting, roles, removing, banning) needs a moderator of a
   * group that staff have approved: a proposal is not yet a group, so its proposer manages no one.
   */
  async function asMembershipManager(actor: Actor, groupId: number) {
    const found = await asModerator(actor, groupId);
    if (found.group.status === "proposed") throw chatErrors.notActive();
    return found;
  }

  const writable = (group: GroupRow) => {
    if (group.status === "archived") throw chatErrors.archived();
    if (group.status === "proposed") throw chatErrors.notActive();
  };

  async function messageIn(actor: Actor, messageId: number) {
    const message = await db
      .selectFrom("chat_messages")
      .selectAll()
      .where("id", "=", messageId)
      .executeTakeFirst();
    if (!message) throw chatErrors.notFound();
    const found = await asMember(actor, message.group_id);
    return { ...found, message };
  }

  async function present(rows: MessageRow[]): Promise<PresentedMessage[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const authorIds = [...new Set(rows.map((r) => r.author_id))];
    const [authors, reactions] = await Promise.all([
      db.selectFrom("users").select(["id", "name"]).where("id", "in", authorIds).execute(),
      db
        .selectFrom("chat_reactions")
        .select(["message_id", "user_id", "emoji"])
        .where("message_id", "in", ids)
        .orderBy("created_at")
        .execute(),
    ]);
    const names = new Map(authors.map((a) => [a.id, a.name]));
    const byMessage = new Map<number, Map<string, number[]>>();
    for (const r of reactions) {
      const emojis = byMessage.get(r.message_id) ?? new Map<string, number[]>();
      emojis.set(r.emoji, [...(emojis.get(r.emoji) ?? []), r.user_id]);
      byMessage.set(r.message_id, emojis);
    }
    return rows.map((r) => ({
      id: r.id,
      groupId: r.group_id,
      seq: r.seq,
      author: { id: r.author_id, name: names.get(r.author_id) ?? "" },
      clientId: r.client_id,
      body: r.deleted_at ? null : r.body,
      threadId: r.thread_id,
      mentions: r.deleted_at ? [] : decodeMentions(r.mentions),
      reactions: [...(byMessage.get(r.id) ?? new Map<string, number[]>())].map(([emoji, userIds]) => ({
        emoji,
        userIds,
      })),
      pinned: r.pinned_at !== null && !r.deleted_at,
      editedAt: r.edited_at,
      deletedAt: r.deleted_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  const presentOne = async (row: MessageRow) => (await present([row]))[0]!;

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

  async function presentGroups(actor: Actor, groups: GroupRow[]): Promise<PresentedGroup[]> {
    if (groups.length === 0) return [];
    const ids = groups.map((g) => g.id);
    const [memberships, counts, unread, mentions] = await Promise.all([
      db
        .selectFrom("chat_members")
        .selectAll()
        .where("user_id", "=", actor.id)
        .where("group_id", "in", ids)
        .execute(),
      db
        .selectFrom("chat_members")
        .select(["group_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("group_id", "in", ids)
        .where("state", "=", "active")
        .groupBy("group_id")
        .execute(),
      // Unread: others' messages after the read position; mentions: those naming the actor.
      unreadSince(actor.id, ids).where("m.author_id", "!=", actor.id).execute(),
      unreadSince(actor.id, ids).where("m.mentions", "like", `%,${actor.id},%`).execute(),
    ]);
    const mine = new Map(memberships.map((m) => [m.group_id, m]));
    const count = (rows: Array<{ group_id: number; n: number | string | bigint }>) =>
      new Map(rows.map((r) => [r.group_id, Number(r.n)]));
    const members = count(counts);
    const unreadBy = count(unread);
    const mentionsBy = count(mentions);
    return groups.map((g) => {
      const m = mine.get(g.id);
      const member = isMember(m);
      return {
        id: g.id,
        kind: g.kind,
        name: g.name,
        description: g.description,
        rules: g.rules,
        visibility: g.visibility,
        status: g.status,
        memberCount: members.get(g.id) ?? 0,
        createdAt: g.created_at,
        membership: {
          state: m?.state ?? "none",
          role: member ? m.role : null,
          notify: member ? m.notify : null,
        },
        lastSeq: member ? g.last_seq : null,
        lastReadSeq: member ? m.last_read_seq : null,
        unread: member ? (unreadBy.get(g.id) ?? 0) : 0,
        mentions: member ? (mentionsBy.get(g.id) ?? 0) : 0,
        canModerate: canModerate(actor, m),
      };
    });
  }

  async function setMembership(
    groupId: number,
    userId: number,
    values: { state: MemberRow["state"]; role?: MemberRole; invitedBy?: number | null },
  ) {
    const now = Date.now();
    const existing = await loadMembership(groupId, userId);
    if (existing) {
      await db
        .updateTable("chat_members")
        .set({
          state: values.state,
          ...(values.role ? { role: values.role } : {}),
          ...(values.invitedBy !== undefined ? { invited_by: values.invitedBy } : {}),
          updated_at: now,
        })
        .where("group_id", "=", groupId)
        .where("user_id", "=", userId)
        .execute();
    } else {
      const group = await loadGroup(groupId);
      await db
        .insertInto("chat_members")
        .values({
          group_id: groupId,
          user_id: userId,
          role: values.role ?? "member",
          state: values.state,
          // A new member starts with everything read: the history is there, not a wall of unread.
          last_read_seq: group?.last_seq ?? 0,
          notified_seq: group?.last_seq ?? 0,
          notify: "digest",
          invited_by: values.invitedBy ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    if (values.state === "active") fanout.join(userId, groupId);
  }

  const activeModerators = async (groupId: number) =>
    db
      .selectFrom("chat_members")
      .select("user_id")
      .where("group_id", "=", groupId)
      .where("state", "=", "active")
      .where("role", "=", "moderator")
      .execute();

  async function notifyPosted(group: GroupRow, message: PresentedMessage) {
    for (const userId of message.mentions) {
      fanout.toUser(userId, "notification", {
        type: "mention",
        groupId: group.id,
        groupName: group.name,
        messageId: message.id,
        seq: message.seq,
        author: message.author.name,
      });
    }
    if (!hooks.mail) return;
    // Recipients now, from current membership: someone removed a moment ago gets nothing.
    // One e-mail per unread streak: nothing more until the member has read the group again.
    const recipients = await db
      .selectFrom("chat_members as cm")
      .innerJoin("users as u", "u.id", "cm.user_id")
      .select(["u.id", "u.email", "u.name"])
      .where("cm.group_id", "=", group.id)
      .where("cm.state", "=", "active")
      .where("cm.notify", "=", "instant")
      .where("u.status", "=", "active")
      .where("u.id", "!=", message.author.id)
      .whereRef("cm.notified_seq", "<=", "cm.last_read_seq")
      .execute();
    for (const r of recipients) {
      await db
        .updateTable("chat_members")
        .set({ notified_seq: message.seq })
        .where("group_id", "=", group.id)
        .where("user_id", "=", r.id)
        .execute();
      await hooks.mail({
        to: r.email,
        template: "group-activity",
        data: { name: r.name, group: group.name, url: groupUrl(group.id) },
      });
    }
  }

  /**
   * Takes the group's next sequence number and stores the message, atomically: on PostgreSQL in
   * one statement (one round trip), on SQLite in a transaction (in-process, no round trips).
   * A client id already used makes the whole write fail and leaves the numbering untouched.
   */
  async function insertMessage(values: {
    group_id: number;
    author_id: number;
    client_id: string;
    body: string;
    thread_id: number | null;
    mentions: string;
  }): Promise<MessageRow> {
    const now = Date.now();
    if (options.dialect === "postgres") {
      const result = await sql<MessageRow>`
        WITH next AS (
          UPDATE chat_groups SET last_seq = last_seq + 1 WHERE id = ${values.group_id} RETURNING last_seq
        )
        INSERT INTO chat_messages
          (group_id, seq, author_id, client_id, body, thread_id, mentions, created_at, updated_at)
        SELECT ${values.group_id}, next.last_seq, ${values.author_id}, ${values.client_id}, ${values.body},
          ${values.thread_id}, ${values.mentions}, ${now}, ${now}
        FROM next
        RETURNING *`.execute(db);
      const row = result.rows[0];
      if (!row) throw chatErrors.notFound();
      return row;
    }
    return db.transaction().execute(async (trx) => {
      const { last_seq: seq } = await trx
        .updateTable("chat_groups")
        .set((eb) => ({ last_seq: eb("last_seq", "+", 1) }))
        .where("id", "=", values.group_id)
        .returning("last_seq")
        .executeTakeFirstOrThrow();
      return trx
        .insertInto("chat_messages")
        .values({
          ...values,
          seq,
          pinned_at: null,
          pinned_by: null,
          edited_at: null,
          deleted_at: null,
          deleted_by: null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

  return {
    /** Set by the gateway once Socket.IO is up. */
    useFanout(next: Fanout) {
      fanout = next;
    },

    /** A private thread (for a consultation): not listed, not joinable, members set by its owner feature. */
    async createThread(name: string, ownerId: number, memberIds: number[]): Promise<number> {
      const now = Date.now();
      const row = await db
        .insertInto("chat_groups")
        .values({
          kind: "consultation",
          name,
          description: "",
          rules: "",
          visibility: "closed",
          status: "active",
          created_by: ownerId,
          last_seq: 0,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const userId of new Set([ownerId, ...memberIds]))
        await setMembership(row.id, userId, { state: "active" });
      return row.id;
    },

    /** An in-app notification to these users' sockets, on every node. */
    notifyUsers(userIds: number[], payload: Record<string, unknown>): void {
      for (const id of new Set(userIds)) fanout.toUser(id, "notification", payload);
    },

    async addThreadMember(groupId: number, userId: number): Promise<void> {
      const current = await loadMembership(groupId, userId);
      if (!isMember(current)) await setMembership(groupId, userId, { state: "active" });
    },

    /** Closed threads are read-only (archived); reopened ones take messages again. */
    async setThreadOpen(groupId: number, open: boolean): Promise<void> {
      await db
        .updateTable("chat_groups")
        .set({ status: open ? "active" : "archived", updated_at: Date.now() })
        .where("id", "=", groupId)
        .where("kind", "=", "consultation")
        .execute();
      fanout.toGroup(groupId, "group:updated", { groupId });
    },

    async listGroups(actor: Actor): Promise<PresentedGroup[]> {
      let query = db.selectFrom("chat_groups").selectAll().where("kind", "=", "group").orderBy("name");
      if (!isStaff(actor))
        query = query.where((eb) => eb.or([eb("status", "!=", "proposed"), eb("created_by", "=", actor.id)]));
      return presentGroups(actor, await query.execute());
    },

    async getGroup(actor: Actor, groupId: number): Promise<PresentedGroup> {
      const { group } = await listed(actor, groupId);
      return (await presentGroups(actor, [group]))[0]!;
    },

    async createGroup(actor: Actor, input: GroupCreateInput): Promise<PresentedGroup> {
      const clash = await db
        .selectFrom("chat_groups")
        .select("id")
        .where(sql<string>`lower(name)`, "=", input.name.toLowerCase())
        .where("status", "!=", "archived")
        .executeTakeFirst();
      if (clash) throw chatErrors.nameTaken();
      const now = Date.now();
      const row = await db
        .insertInto("chat_groups")
        .values({
          name: input.name,
          description: input.description,
          rules: input.rules,
          visibility: input.visibility,
          status: canCreateGroup(actor) ? "active" : "proposed",
          created_by: actor.id,
          last_seq: 0,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await setMembership(row.id, actor.id, { state: "active", role: "moderator" });
      return this.getGroup(actor, row.id);
    },

    async updateGroup(
      actor: Actor,
      groupId: number,
      input: Partial<GroupCreateInput>,
    ): Promise<PresentedGroup> {
      const { group } = await asModerator(actor, groupId);
      if (group.status === "archived") throw chatErrors.archived();
      await db
        .updateTable("chat_groups")
        .set({ ...input, updated_at: Date.now() })
        .where("id", "=", groupId)
        .execute();
      await hooks.moderated?.({ actorId: actor.id, action: "edit_group", groupId });
      const presented = await this.getGroup(actor, groupId);
      fanout.toGroup(groupId, "group:updated", { groupId });
      return presented;
    },

    /** A member's proposal becomes a group when staff approve it. */
    async approveGroup(actor: Actor, groupId: number): Promise<PresentedGroup> {
      const { group } = await listed(actor, groupId);
      if (!isStaff(actor)) throw chatErrors.forbidden();
      if (group.status === "proposed") {
        await db
          .updateTable("chat_groups")
          .set({ status: "active", updated_at: Date.now() })
          .where("id", "=", groupId)
          .execute();
        await hooks.moderated?.({ actorId: actor.id, action: "approve_group", groupId });
      }
      return this.getGroup(actor, groupId);
    },

    async archiveGroup(actor: Actor, groupId: number): Promise<PresentedGroup> {
      await asModerator(actor, groupId);
      await db
        .updateTable("chat_groups")
        .set({ status: "archived", updated_at: Date.now() })
        .where("id", "=", groupId)
        .execute();
      await hooks.moderated?.({ actorId: actor.id, action: "archive_group", groupId });
      fanout.toGroup(groupId, "group:updated", { groupId });
      return this.getGroup(actor, groupId);
    },

    /** Join an open group, accept an invitation, or ask to join a closed group. */
    async join(actor: Actor, groupId: number): Promise<PresentedGroup> {
      const { group, membership } = await listed(actor, groupId);
      if (group.kind !== "group") return this.getGroup(actor, groupId);
      if (membership?.state === "banned") throw chatErrors.banned();
      if (group.status === "proposed") throw chatErrors.notActive();
      if (!isMember(membership)) {
        if (group.status === "archived") throw chatErrors.archived();
        const direct = group.visibility === "open" || membership?.state === "invited" || isStaff(actor);
        await setMembership(groupId, actor.id, { state: direct ? "active" : "requested" });
        if (direct) fanout.toGroup(groupId, "member:joined", { groupId, userId: actor.id, name: actor.name });
        else
          for (const m of await activeModerators(groupId))
            fanout.toUser(m.user_id, "notification", {
              type: "join_request",
              groupId,
              groupName: group.name,
              name: actor.name,
            });
      }
      return this.getGroup(actor, groupId);
    },

    /**
     * Add a member (also approves a join request), or invite an existing member by e-mail. An
     * invitation is answered the same whether or not the address has an account, so the form
     * tells no one who is a member.
     */
    async addMember(
      actor: Actor,
      groupId: number,
      input: { userId: number; role?: MemberRole } | { email: string },
    ): Promise<PresentedMember | { invited: true }> {
      const { group } = await asMembershipManager(actor, groupId);
      if (group.status === "archived") throw chatErrors.archived();
      const user =
        "userId" in input
          ? await db
              .selectFrom("users")
              .select(["id", "name", "email", "status"])
              .where("id", "=", input.userId)
              .executeTakeFirst()
          : await db
              .selectFrom("users")
              .select(["id", "name", "email", "status"])
              .where("email", "=", input.email)
              .executeTakeFirst();
      if (!("userId" in input) && (!user || user.status !== "active")) return { invited: true };
      if (!user || user.status !== "active") throw chatErrors.notFound();
      const current = await loadMembership(groupId, user.id);
      if ("userId" in input) {
        await setMembership(groupId, user.id, { state: "active", role: input.role, invitedBy: actor.id });
        if (!isMember(current))
          fanout.toGroup(groupId, "member:joined", { groupId, userId: user.id, name: user.name });
        fanout.toUser(user.id, "group:added", { groupId });
      } else if (!isMember(current)) {
        // An invitation by e-mail waits for the person to accept it in the portal.
        await setMembership(groupId, user.id, { state: "invited", invitedBy: actor.id });
        await hooks.mail?.({
          to: user.email,
          template: "group-invite",
          data: { name: user.name, group: group.name, inviter: actor.name, url: groupUrl(groupId) },
        });
        fanout.toUser(user.id, "notification", {
          type: "invite",
          groupId,
          groupName: group.name,
          name: actor.name,
        });
      }
      if (user.id !== actor.id)
        await hooks.moderated?.({ actorId: actor.id, action: "add_member", groupId, targetId: user.id });
      if (!("userId" in input)) return { invited: true };
      const after = (await loadMembership(groupId, user.id))!;
      return {
        id: user.id,
        name: user.name,
        role: after.role,
        state: after.state,
        lastReadSeq: after.last_read_seq,
      };
    },

    async updateMember(actor: Actor, groupId: number, userId: number, role: MemberRole): Promise<void> {
      await asMembershipManager(actor, groupId);
      const target = await loadMembership(groupId, userId);
      if (!isMember(target)) throw chatErrors.notFound();
      if (role === "member" && target.role === "moderator" && (await activeModerators(groupId)).length <= 1)
        throw chatErrors.lastModerator();
      await db
        .updateTable("chat_members")
        .set({ role, updated_at: Date.now() })
        .where("group_id", "=", groupId)
        .where("user_id", "=", userId)
        .execute();
      await hooks.moderated?.({ actorId: actor.id, action: "set_role", groupId, targetId: userId });
    },

    /**
     * Leave (oneself), or remove or ban someone (moderators). Effective at once: the person's
     * sockets leave the room on every node, and search and notifications go by current membership.
     */
    async removeMember(
      actor: Actor,
      groupId: number,
      userId: number,
      options: { ban?: boolean } = {},
    ): Promise<void> {
      const self = userId === actor.id && !options.ban;
      const { group, membership } = self
        ? await listed(actor, groupId)
        : await asMembershipManager(actor, groupId);
      // One does not leave a consultation's thread; it closes with the consultation.
      if (group.kind !== "group") throw chatErrors.forbidden();
      const target = self ? membership : await loadMembership(groupId, userId);
      if (!target && !options.ban) throw chatErrors.notFound();
      if (
        target?.role === "moderator" &&
        isMember(target) &&
        (await activeModerators(groupId)).length <= 1 &&
        self
      )
        throw chatErrors.lastModerator();
      if (target) {
        await db
          .updateTable("chat_members")
          .set({ state: options.ban ? "banned" : "removed", role: "member", updated_at: Date.now() })
          .where("group_id", "=", groupId)
          .where("user_id", "=", userId)
          .execute();
      } else {
        const now = Date.now();
        await db
          .insertInto("chat_members")
          .values({
            group_id: groupId,
            user_id: userId,
            role: "member",
            state: "banned",
            last_read_seq: 0,
            notify: "off",
            notified_seq: 0,
            invited_by: actor.id,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      if (!self)
        await hooks.moderated?.({
          actorId: actor.id,
          action: options.ban ? "ban_member" : "remove_member",
          groupId,
          targetId: userId,
        });
      fanout.leave(userId, groupId);
      fanout.toUser(userId, "group:removed", {
        groupId,
        reason: self ? "left" : options.ban ? "banned" : "removed",
      });
      if (isMember(target)) fanout.toGroup(groupId, "member:left", { groupId, userId });
    },

    async members(actor: Actor, groupId: number): Promise<PresentedMember[]> {
      const { membership } = await listed(actor, groupId);
      const moderator = canModerate(actor, membership);
      if (!isMember(membership) && !moderator) throw chatErrors.notFound();
      const rows = await db
        .selectFrom("chat_members as cm")
        .innerJoin("users as u", "u.id", "cm.user_id")
        .select(["u.id", "u.name", "cm.role", "cm.state", "cm.last_read_seq"])
        .where("cm.group_id", "=", groupId)
        .where("u.status", "=", "active")
        // Join requests, invitations and bans are the moderators' business.
        .where("cm.state", "in", moderator ? ["active", "invited", "requested", "banned"] : ["active"])
        .orderBy("u.name")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        state: r.state,
        lastReadSeq: r.last_read_seq,
      }));
    },

    async setNotify(actor: Actor, groupId: number, notify: NotifyMode): Promise<void> {
      await asMember(actor, groupId);
      await db
        .updateTable("chat_members")
        .set({ notify, updated_at: Date.now() })
        .where("group_id", "=", groupId)
        .where("user_id", "=", actor.id)
        .execute();
    },

    /** Persist first, then broadcast. A retry with the same client id returns the stored message. */
    async createMessage(
      actor: Actor,
      input: MessageCreateInput,
    ): Promise<{ message: PresentedMessage; duplicate: boolean }> {
      const { group } = await asMember(actor, input.groupId);
      const existing = () =>
        db
          .selectFrom("chat_messages")
          .selectAll()
          .where("group_id", "=", input.groupId)
          .where("author_id", "=", actor.id)
          .where("client_id", "=", input.clientId)
          .executeTakeFirst();
      writable(group);
      let threadId: number | null = null;
      if (input.replyTo) {
        const parent = await db
          .selectFrom("chat_messages")
          .select(["id", "thread_id", "group_id"])
          .where("id", "=", input.replyTo)
          .executeTakeFirst();
        if (!parent || parent.group_id !== group.id) throw chatErrors.invalidInput({ replyTo: "not_found" });
        threadId = parent.thread_id ?? parent.id;
      }
      let mentions: number[] = [];
      if (input.mentions?.length) {
        const rows = await db
          .selectFrom("chat_members")
          .select("user_id")
          .where("group_id", "=", group.id)
          .where("state", "=", "active")
          .where("user_id", "in", input.mentions)
          .where("user_id", "!=", actor.id)
          .execute();
        mentions = rows.map((r) => r.user_id);
      }
      let row: MessageRow;
      try {
        row = await insertMessage({
          group_id: group.id,
          author_id: actor.id,
          client_id: input.clientId,
          body: input.body,
          thread_id: threadId,
          mentions: encodeMentions(mentions),
        });
      } catch (err) {
        // A retry: the client id is taken, the transaction rolled back, and the stored message answers.
        const raced = await existing();
        if (raced) return { message: await presentOne(raced), duplicate: true };
        throw err;
      }
      // A new message has no reactions yet, and its author is the actor.
      const message: PresentedMessage = {
        id: row.id,
        groupId: row.group_id,
        seq: row.seq,
        author: { id: actor.id, name: actor.name },
        clientId: row.client_id,
        body: row.body,
        threadId: row.thread_id,
        mentions,
        reactions: [],
        pinned: false,
        editedAt: null,
        deletedAt: null,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
      fanout.toGroup(group.id, "message:created", message);
      // The author has read their own message (after the broadcast: it is not on the way).
      background("read position", () =>
        db
          .updateTable("chat_members")
          .set({ last_read_seq: message.seq, notified_seq: message.seq })
          .where("group_id", "=", group.id)
          .where("user_id", "=", actor.id)
          .where("last_read_seq", "<", message.seq)
          .execute(),
      );
      hooks.indexMessage?.(message, group);
      background("chat notifications", () => notifyPosted(group, message));
      return { message, duplicate: false };
    },

    async updateMessage(
      actor: Actor,
      input: { messageId: number; body: string; mentions?: number[] },
    ): Promise<PresentedMessage> {
      const { group, message } = await messageIn(actor, input.messageId);
      if (message.author_id !== actor.id) throw chatErrors.forbidden();
      if (message.deleted_at) throw chatErrors.notFound();
      writable(group);
      const keep = decodeMentions(message.mentions).filter(
        (id) => !input.mentions || input.mentions.includes(id),
      );
      const now = Date.now();
      await db
        .updateTable("chat_messages")
        .set({ body: input.body, edited_at: now, updated_at: now, mentions: encodeMentions(keep) })
        .where("id", "=", message.id)
        .execute();
      const presented = await presentOne({
        ...message,
        body: input.body,
        edited_at: now,
        updated_at: now,
        mentions: encodeMentions(keep),
      });
      fanout.toGroup(group.id, "message:updated", presented);
      hooks.indexMessage?.(presented, group);
      return presented;
    },

    /** The text is erased for good; a tombstone keeps the thread and the numbering intact. */
    async deleteMessage(actor: Actor, messageId: number): Promise<PresentedMessage> {
      const { group, membership, message } = await messageIn(actor, messageId);
      if (message.author_id !== actor.id && !canModerate(actor, membership)) throw chatErrors.forbidden();
      if (!message.deleted_at) {
        const now = Date.now();
        await db
          .updateTable("chat_messages")
          .set({
            body: null,
            mentions: "",
            deleted_at: now,
            deleted_by: actor.id,
            pinned_at: null,
            updated_at: now,
          })
          .where("id", "=", message.id)
          .execute();
        await db.deleteFrom("chat_reactions").where("message_id", "=", message.id).execute();
        hooks.unindexMessage?.(message.id);
        if (message.author_id !== actor.id)
          await hooks.moderated?.({
            actorId: actor.id,
            action: "delete_message",
            groupId: group.id,
            targetId: message.id,
          });
      }
      const row = await db
        .selectFrom("chat_messages")
        .selectAll()
        .where("id", "=", messageId)
        .executeTakeFirstOrThrow();
      const presented = await presentOne(row);
      fanout.toGroup(group.id, "message:deleted", presented);
      return presented;
    },

    /** Adds the reaction, or takes it away when the member already gave it. */
    async react(actor: Actor, input: { messageId: number; emoji: string }): Promise<PresentedMessage> {
      const { group, message } = await messageIn(actor, input.messageId);
      if (message.deleted_at) throw chatErrors.notFound();
      writable(group);
      const removed = await db
        .deleteFrom("chat_reactions")
        .where("message_id", "=", message.id)
        .where("user_id", "=", actor.id)
        .where("emoji", "=", input.emoji)
        .executeTakeFirst();
      const now = Date.now();
      if (Number(removed.numDeletedRows) === 0)
        await db
          .insertInto("chat_reactions")
          .values({ message_id: message.id, user_id: actor.id, emoji: input.emoji, created_at: now })
          .onConflict((oc) => oc.doNothing())
          .execute();
      await db.updateTable("chat_messages").set({ updated_at: now }).where("id", "=", message.id).execute();
      const presented = await presentOne({ ...message, updated_at: now });
      fanout.toGroup(group.id, "message:updated", presented);
      return presented;
    },

    async pin(actor: Actor, input: { messageId: number; pinned: boolean }): Promise<PresentedMessage> {
      const { group, membership, message } = await messageIn(actor, input.messageId);
      if (!canModerate(actor, membership)) throw chatErrors.forbidden();
      if (message.deleted_at) throw chatErrors.notFound();
      const now = Date.now();
      const pinned_at = input.pinned ? now : null;
      await db
        .updateTable("chat_messages")
        .set({ pinned_at, pinned_by: input.pinned ? actor.id : null, updated_at: now })
        .where("id", "=", message.id)
        .execute();
      await hooks.moderated?.({
        actorId: actor.id,
        action: "pin_message",
        groupId: group.id,
        targetId: message.id,
      });
      const presented = await presentOne({ ...message, pinned_at, updated_at: now });
      fanout.toGroup(group.id, "message:updated", presented);
      return presented;
    },

    /**
     * Catch-up after any disconnect: every message after `afterSeq`, in order, and (given the
     * time of the last catch-up) the older ones that changed since.
     */
    async since(
      actor: Actor,
      input: { groupId: number; afterSeq: number; updatedAfter?: number; limit: number },
    ) {
      const { group } = await asMember(actor, input.groupId);
      const serverTime = Date.now();
      const rows = await db
        .selectFrom("chat_messages")
        .selectAll()
        .where("group_id", "=", group.id)
        .where("seq", ">", input.afterSeq)
        .orderBy("seq")
        .limit(input.limit + 1)
        .execute();
      const more = rows.length > input.limit;
      const updated =
        input.updatedAfter === undefined
          ? []
          : await db
              .selectFrom("chat_messages")
              .selectAll()
              .where("group_id", "=", group.id)
              .where("seq", "<=", input.afterSeq)
              .where("updated_at", ">", input.updatedAfter)
              .orderBy("seq")
              .limit(500)
              .execute();
      return {
        messages: await present(rows.slice(0, input.limit)),
        updated: await present(updated),
        more,
        lastSeq: group.last_seq,
        serverTime,
      };
    },

    /** History paging, newest first, returned in order. */
    async before(actor: Actor, input: { groupId: number; beforeSeq?: number; limit: number }) {
      const { group } = await asMember(actor, input.groupId);
      let query = db.selectFrom("chat_messages").selectAll().where("group_id", "=", group.id);
      if (input.beforeSeq !== undefined) query = query.where("seq", "<", input.beforeSeq);
      const rows = await query
        .orderBy("seq", "desc")
        .limit(input.limit + 1)
        .execute();
      const more = rows.length > input.limit;
      return {
        messages: await present(rows.slice(0, input.limit).reverse()),
        more,
        lastSeq: group.last_seq,
        serverTime: Date.now(),
      };
    },

    async pinned(actor: Actor, groupId: number): Promise<PresentedMessage[]> {
      await asMember(actor, groupId);
      const rows = await db
        .selectFrom("chat_messages")
        .selectAll()
        .where("group_id", "=", groupId)
        .where("pinned_at", "is not", null)
        .where("deleted_at", "is", null)
        .orderBy("pinned_at", "desc")
        .execute();
      return present(rows);
    },

    /** Moves the last-read position forward (never back) and tells the group, for "seen by". */
    async read(actor: Actor, input: { groupId: number; seq: number }): Promise<{ lastReadSeq: number }> {
      const { group, membership } = await asMember(actor, input.groupId);
      const seq = Math.min(input.seq, group.last_seq);
      if (seq > membership.last_read_seq) {
        await db
          .updateTable("chat_members")
          .set({ last_read_seq: seq })
          .where("group_id", "=", group.id)
          .where("user_id", "=", actor.id)
          .where("last_read_seq", "<", seq)
          .execute();
        fanout.toGroup(group.id, "read", { groupId: group.id, userId: actor.id, seq });
        return { lastReadSeq: seq };
      }
      return { lastReadSeq: membership.last_read_seq };
    },

    /** Throws not_found unless the actor is an active member (typing, room subscription). */
    async assertMember(actor: Actor, groupId: number): Promise<void> {
      await asMember(actor, groupId);
    },

    /** The groups whose rooms a connecting socket joins. */
    async memberGroupIds(userId: number): Promise<number[]> {
      return (await activeGroupsOf(userId)).map((r) => r.group_id);
    },

    /** Search audiences: a member may find the messages of the groups they are in now. */
    async audiencesOf(userId: number): Promise<string[]> {
      return (await this.memberGroupIds(userId)).map((id) => `group:${id}`);
    },

    /** Every message to index, for a rebuild of the search index. */
    async *allMessages(
      batch = 1000,
    ): AsyncGenerator<{ message: PresentedMessage; group: { id: number; name: string } }> {
      const groups = new Map(
        (await db.selectFrom("chat_groups").select(["id", "name"]).execute()).map((g) => [g.id, g]),
      );
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom("chat_messages")
          .selectAll()
          .where("id", ">", after)
          .where("deleted_at", "is", null)
          .orderBy("id")
          .limit(batch)
          .execute();
        if (rows.length === 0) return;
        for (const message of await present(rows)) {
          const group = groups.get(message.groupId);
          if (group) yield { message, group };
        }
        after = rows[rows.length - 1]!.id;
      }
    },

    /**
     * The daily digest: from `digestHour` Finnish time, one e-mail per member who chose the digest
     * and has unread messages nobody has told them about — group names, counts and links only.
     * Safe on several nodes: the (user, day) row is claimed before sending.
     */
    async runDigests(now = Date.now()): Promise<number> {
      const { day, hour } = finnishDay(now);
      if (hour < (options.digestHour ?? 7) || !hooks.mail) return 0;
      const rows = await db
        .selectFrom("chat_members as cm")
        .innerJoin("chat_groups as g", "g.id", "cm.group_id")
        .innerJoin("users as u", "u.id", "cm.user_id")
        .select([
          "u.id as userId",
          "u.email",
          "u.name",
          "g.id as groupId",
          "g.name as groupName",
          "g.last_seq",
          "cm.last_read_seq",
          "cm.notified_seq",
        ])
        .where("cm.state", "=", "active")
        .where("cm.notify", "=", "digest")
        .where("u.status", "=", "active")
        .where("g.status", "=", "active")
        .whereRef("g.last_seq", ">", "cm.last_read_seq")
        .whereRef("g.last_seq", ">", "cm.notified_seq")
        .execute();
      const byUser = new Map<number, typeof rows>();
      for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
      let sent = 0;
      for (const [userId, groups] of byUser) {
        const claimed = await db
          .insertInto("chat_digests")
          .values({ user_id: userId, day, created_at: now })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) continue;
        const lines: string[] = [];
        for (const g of groups) {
          const unread = await db
            .selectFrom("chat_messages")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("group_id", "=", g.groupId)
            .where("seq", ">", g.last_read_seq)
            .where("author_id", "!=", userId)
            .where("deleted_at", "is", null)
            .executeTakeFirstOrThrow();
          if (Number(unread.n) > 0) lines.push(`${g.groupName}: ${Number(unread.n)}\t${groupUrl(g.groupId)}`);
          await db
            .updateTable("chat_members")
            .set({ notified_seq: g.last_seq })
            .where("group_id", "=", g.groupId)
            .where("user_id", "=", userId)
            .execute();
        }
        if (lines.length === 0) continue;
        await hooks.mail({
          to: groups[0]!.email,
          template: "group-digest",
          data: { name: groups[0]!.name, groups: lines.join("\n"), url: `${options.publicUrl}/ryhmat` },
        });
        sent += 1;
      }
      return sent;
    },
  };
}
