/**
 * The client side of the wire protocol, without Node or browser dependencies: the web client,
 * the tests and the benchmark use the same catch-up logic. Import as "@soskes/chat/client".
 */

export type AckAnswer<T> = { data: T } | { error: { code: string; message: string; details?: unknown } };

// Socket.IO's own listener type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

/** What a feed needs of a Socket.IO client socket. */
export type FeedSocket = {
  connected: boolean;
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  emit(event: string, ...args: unknown[]): unknown;
};

export type WireMessage = {
  id: number;
  groupId: number;
  seq: number;
  author: { id: number; name: string };
  clientId: string;
  body: string | null;
  threadId: number | null;
  mentions: number[];
  reactions: Array<{ emoji: string; userIds: number[] }>;
  pinned: boolean;
  editedAt: number | null;
  deletedAt: number | null;
  createdAt: number;
  updatedAt: number;
};

/** A group as the server presents it to one member. */
export type WireGroup = {
  id: number;
  /** "group", or "consultation" for the private thread of an eKonsultaatio request. */
  kind: "group" | "consultation";
  name: string;
  description: string;
  rules: string;
  visibility: "open" | "closed";
  status: "proposed" | "active" | "archived";
  memberCount: number;
  createdAt: number;
  /** The asker's relation to the group. */
  membership: {
    state: "none" | "active" | "invited" | "requested" | "removed" | "banned";
    role: "member" | "moderator" | null;
    notify: "instant" | "digest" | "off" | null;
  };
  /** For members only; null for anyone else. */
  lastSeq: number | null;
  lastReadSeq: number | null;
  unread: number;
  mentions: number;
  /** What the asker may do in the group now (see policy.ts). */
  abilities: { moderate: boolean; post: boolean };
};

export type WireMember = {
  id: number;
  name: string;
  role: "member" | "moderator";
  state: "active" | "invited" | "requested" | "removed" | "banned";
  lastReadSeq: number;
};

export class AckError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Emits an event and resolves with the ack's data (or rejects with its error, or on timeout). */
export function request<T>(
  socket: FeedSocket,
  event: string,
  payload: unknown,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AckError("timeout", `${event}: no answer`)), timeoutMs);
    socket.emit(event, payload, (answer: AckAnswer<T>) => {
      clearTimeout(timer);
      if ("error" in answer)
        reject(new AckError(answer.error.code, answer.error.message, answer.error.details));
      else resolve(answer.data);
    });
  });
}

export type FeedOptions = {
  groupId: number;
  /** Where the feed starts: the last sequence number already shown (0 = none). */
  afterSeq?: number;
  /** New and changed messages, in sequence order; never a message twice unless it changed. */
  onMessages: (messages: WireMessage[]) => void;
  onError?: (err: unknown) => void;
};

export type Feed = {
  readonly lastSeq: number;
  /** Fetches everything after the last sequence number (and changes since the last catch-up). */
  catchUp(): Promise<void>;
  stop(): void;
};

/**
 * One group's message stream that survives disconnects: on every (re)connect and on any gap in
 * the sequence numbers it asks for everything after its last sequence number, so nothing is lost,
 * nothing comes twice, and order is kept.
 */
export function openFeed(socket: FeedSocket, options: FeedOptions): Feed {
  let lastSeq = options.afterSeq ?? 0;
  let serverTime: number | undefined;
  const versions = new Map<number, number>();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const deliver = (messages: WireMessage[]) => {
    const fresh = messages.filter((m) => (versions.get(m.seq) ?? -1) < m.updatedAt);
    for (const m of fresh) versions.set(m.seq, m.updatedAt);
    if (fresh.length > 0) options.onMessages(fresh);
  };

  const catchUp = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          let more = true;
          while (more && !stopped) {
            const page = await request<{
              messages: WireMessage[];
              updated: WireMessage[];
              more: boolean;
              serverTime: number;
            }>(socket, "messages:since", {
              groupId: options.groupId,
              afterSeq: lastSeq,
              ...(serverTime !== undefined ? { updatedAfter: serverTime - 1 } : {}),
            });
            deliver([...page.updated, ...page.messages]);
            for (const m of page.messages) lastSeq = Math.max(lastSeq, m.seq);
            serverTime = page.serverTime;
            more = page.more;
          }
        } while (again && !stopped);
      } catch (err) {
        options.onError?.(err);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const onCreated = (m: WireMessage) => {
    if (m.groupId !== options.groupId || stopped) return;
    if (m.seq <= lastSeq) return deliver([m]);
    // While catching up, or after a gap: the catch-up brings it, in order.
    if (running || m.seq !== lastSeq + 1) return void catchUp();
    lastSeq = m.seq;
    deliver([m]);
  };
  const onChanged = (m: WireMessage) => {
    if (m.groupId === options.groupId && !stopped && m.seq <= lastSeq) deliver([m]);
  };
  const onConnect = () => void catchUp();

  socket.on("message:created", onCreated);
  socket.on("message:updated", onChanged);
  socket.on("message:deleted", onChanged);
  socket.on("connect", onConnect);
  // The server lost messages on their way between nodes (Redis restarted): fetch what came.
  socket.on("resync", onConnect);
  if (socket.connected) void catchUp();

  return {
    get lastSeq() {
      return lastSeq;
    },
    catchUp,
    stop() {
      stopped = true;
      socket.off("message:created", onCreated);
      socket.off("message:updated", onChanged);
      socket.off("message:deleted", onChanged);
      socket.off("connect", onConnect);
      socket.off("resync", onConnect);
    },
  };
}

/** A client id for message:create: random, so a retry of the same message reuses it. */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export {
  createCitationFinder,
  MAX_RICH_TEXT,
  parseRichText,
  plainText,
  sectionAnchorOf,
  statutePath,
  type Citation,
  type RichBlock,
  type StatuteName,
} from "./richtext.js";

export type {
  AnonymisationFlag,
  AnswerDraft,
  AuditEntry,
  ConsultAbilities,
  Consultation,
  ConsultReport,
  Panel,
  PublishedAnswer,
  ReportRow,
} from "./consult/wire.js";
