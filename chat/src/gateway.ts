import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { Server, type Socket } from "socket.io";
import type { z } from "zod";
import { findHetuDeep, AppError, type Lang } from "@soskes/domain";
import { isUnavailable } from "@soskes/domain";
import { chatErrors } from "./errors.js";
import { isStaff, type Actor } from "./policy.js";
import { CLIENT_EVENTS, type ClientEvent } from "./protocol.js";
import type { ChatService } from "./service.js";

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export type GatewayOptions = {
  server: HttpServer;
  service: ChatService;
  /**
   * Authenticates the handshake from the portal session: runs on the handshake request only and
   * leaves the signed-in, active user at `req.chatActor` (nothing there: the socket is refused).
   */
  authenticate: Middleware;
  /** Origins a browser may connect from; requests without an Origin (non-browser clients) pass. */
  allowedOrigins: string[];
  /** With Redis, events fan out to every node's sockets. */
  redisUrl?: string;
  logger?: { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  /** Events per user per 10 seconds before rate_limited (default 50); unknown events count too. */
  eventsPer10s?: number;
  /** Sockets one user may hold open on this node (default 20); the next handshake is refused. */
  socketsPerUser?: number;
};

export type Gateway = {
  io: Server;
  /** Ends every socket of the user on every node (logout, disabled account). */
  disconnectUser(userId: number): void;
  /** Ends the user's sockets opened with these portal sessions, on every node. */
  disconnectSessions(userId: number, sessionIds: string[]): void;
  close(): Promise<void>;
};

type SocketData = { actor: Actor; lang: Lang; sid: string | undefined };
type ChatSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;
type ChatServer = Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;
type Handlers = {
  [E in ClientEvent]: (
    input: z.infer<(typeof CLIENT_EVENTS)[E]>,
    socket: ChatSocket,
    actor: Actor,
  ) => Promise<unknown>;
};

type Ack = (
  answer: { data: unknown } | { error: { code: string; message: string; details?: unknown } },
) => void;

// "http", the module "node:http" re-exports: augmenting the alias would hide other augmentations
// (pino-http's) depending on the order files are read.
declare module "http" {
  // Module augmentation needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface IncomingMessage {
    chatActor?: Actor;
    /** The portal session the handshake came with: ending it disconnects the socket. */
    chatSessionId?: string;
  }
}

const langOf = (req: IncomingMessage): Lang => {
  const cookie = /(?:^|;\s*)soskes\.lang=(fi|sv|en)/.exec(req.headers.cookie ?? "")?.[1];
  if (cookie) return cookie as Lang;
  const accepted = (req.headers["accept-language"] ?? "")
    .split(",")
    .map((p) => p.trim().slice(0, 2).toLowerCase());
  return accepted.find((l): l is Lang => l === "fi" || l === "sv" || l === "en") ?? "fi";
};

const groupRoom = (groupId: number) => `g:${groupId}`;
const userRoom = (userId: number) => `u:${userId}`;

/**
 * Socket.IO on the portal's HTTP server. The handshake needs a portal session; every event is
 * validated and authorised on its own and answered with an ack `{data}` or `{error}`.
 */
export async function attachGateway(options: GatewayOptions): Promise<Gateway> {
  const { service } = options;
  const socketsPerUser = options.socketsPerUser ?? 20;
  const allowed = new Set(options.allowedOrigins);
  const io: ChatServer = new Server(options.server, {
    path: "/socket.io",
    serveClient: false,
    // Messages are short; a larger frame is refused by the transport itself.
    maxHttpBufferSize: 64 * 1024,
    // CORS does not cover WebSocket: the origin is checked here for every transport.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || allowed.has(origin));
    },
    pingInterval: 25_000,
    pingTimeout: 20_000,
  });
  const redis = options.redisUrl ? await useRedisAdapter(io, options.redisUrl, options.logger) : undefined;
  admitSignedIn(io, options, socketsPerUser);

  // Resolves once a new socket sits in its groups' rooms: events wait for it, so a catch-up
  // answered after it leaves no gap before live delivery.
  const readyOf = new WeakMap<ChatSocket, Promise<void>>();
  const limiter = new RateLimiterMemory({ points: options.eventsPer10s ?? 50, duration: 10 });
  let closing = false;

  const onlineIn = async (groupId: number) => {
    const sockets = await io.in(groupRoom(groupId)).fetchSockets();
    return [...new Set(sockets.map((s) => s.data.actor.id))];
  };

  /** One table for every socket: an idle socket holds no handler closures of its own. */
  const handlers = chatHandlers(service, onlineIn);

  async function dispatch(socket: ChatSocket, event: string, args: unknown[]): Promise<void> {
    const last = args.at(-1);
    const reply: Ack = typeof last === "function" ? (last as Ack) : () => {};
    try {
      // Every event counts, unknown ones too: a flood of made-up names is still a flood.
      const known = Object.hasOwn(CLIENT_EVENTS, event);
      await limiter.consume(
        socket.data.actor.id,
        known && (event === "typing" || event === "read") ? 0.2 : 1,
      );
      // Unknown events are answered too, so a client never waits for nothing.
      if (!known) throw chatErrors.invalidInput({ fields: { event: "unknown_event" } });
      const name = event as ClientEvent;
      await readyOf.get(socket);
      const parsed = CLIENT_EVENTS[name].safeParse(args[0]);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
        throw chatErrors.invalidInput({ fields });
      }
      // The henkilötunnus guard over every text of every event, as for REST bodies.
      const field = findHetuDeep(parsed.data);
      if (field !== null) throw chatErrors.hetuDetected(field);
      const handle = handlers[name] as (input: unknown, socket: ChatSocket, actor: Actor) => Promise<unknown>;
      reply({ data: await handle(parsed.data, socket, socket.data.actor) });
    } catch (err) {
      reply(ackError(socket.data.lang, err, options.logger));
    }
  }

  // Presence from the user's own room: it exists on this node while the user has a socket here.
  // No per-socket listener, and no count to keep.
  io.of("/").adapter.on("delete-room", (room: string) => {
    if (closing || !room.startsWith("u:")) return;
    const userId = Number(room.slice(2));
    void (async () => {
      // Still connected through another node: not offline.
      const elsewhere = redis
        ? await io
            .in(room)
            .fetchSockets()
            .catch(() => [])
        : [];
      if (elsewhere.length > 0 || closing) return;
      for (const id of await service.memberGroupIds(userId))
        if (!closing) io.to(groupRoom(id)).emit("presence", { groupId: id, userId, online: false });
    })().catch((err: unknown) => options.logger?.warn({ err }, "presence update failed"));
  });

  io.on("connection", (socket: ChatSocket) => {
    const { actor } = socket.data;
    // The handshake (headers with the cookie, the session) is not needed any more: idle sockets stay small.
    (socket.conn as unknown as { request: unknown }).request = null;
    Object.assign(socket.handshake, { headers: {}, query: {}, url: "", time: "" });
    void socket.join(userRoom(actor.id));
    socket.onAny((event: string, ...args: unknown[]) => void dispatch(socket, event, args));
    const ready = service
      .memberGroupIds(actor.id)
      .then((ids) => {
        void socket.join(ids.map(groupRoom));
        readyOf.delete(socket);
        const first = io.of("/").adapter.rooms.get(userRoom(actor.id))?.size === 1;
        if (first)
          for (const id of ids)
            socket.to(groupRoom(id)).emit("presence", { groupId: id, userId: actor.id, online: true });
      })
      .catch((err: unknown) => {
        // Without its rooms the socket would miss messages: better to let the client reconnect.
        options.logger?.warn({ err }, "chat connection setup failed");
        socket.disconnect(true);
      });
    readyOf.set(socket, ready);
  });

  service.useFanout({
    toGroup: (groupId, event, payload) => void io.to(groupRoom(groupId)).emit(event, payload),
    toGroupHere: (groupId, event, payload) => void io.local.to(groupRoom(groupId)).emit(event, payload),
    toUser: (userId, event, payload) => void io.to(userRoom(userId)).emit(event, payload),
    join: (userId, groupId) => io.in(userRoom(userId)).socketsJoin(groupRoom(groupId)),
    leave: (userId, groupId) => io.in(userRoom(userId)).socketsLeave(groupRoom(groupId)),
  });

  return {
    io,
    disconnectUser: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
    disconnectSessions: (userId, sids) => {
      if (sids.length === 0) return;
      void io
        .in(userRoom(userId))
        .fetchSockets()
        .then((sockets) => {
          for (const s of sockets) if (sids.includes(s.data.sid ?? "")) s.disconnect(true);
        })
        .catch((err: unknown) => options.logger?.warn({ err }, "ending sockets failed"));
    },
    close: async () => {
      closing = true;
      // Only this node's sockets: with Redis, io.disconnectSockets() would end every node's.
      io.local.disconnectSockets(true);
      // io.close() would also close the HTTP server; the portal closes its own.
      io.engine.close();
      io.removeAllListeners();
      if (redis) {
        // Let broadcasts already under way reach Redis before the connections go.
        await new Promise((resolve) => setTimeout(resolve, 100));
        await Promise.resolve(io.of("/").adapter.close()).catch(() => undefined);
        await Promise.all([redis.pub.quit(), redis.sub.quit()]).catch(() => undefined);
      }
    },
  };
}

/**
 * Several nodes share rooms through Redis. What other nodes published while Redis was away never
 * reached this node's sockets: once it is back, every socket here is told to catch up.
 */
async function useRedisAdapter(io: ChatServer, url: string, logger: GatewayOptions["logger"]) {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  const sub = pub.duplicate();
  // Redis restarting: both clients reconnect by themselves; say so once in the log, not per try.
  for (const client of [pub, sub])
    client.on("error", (err: Error) => logger?.warn({ err: err.message }, "redis (realtime) error"));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key: "soskes-chat", requestsTimeout: 3000 }));
  // What other nodes published while Redis was away never reached this node's sockets: once
  // it is back, every socket here is told to catch up from its last message.
  let cut = false;
  sub.on("close", () => (cut = true));
  sub.on("ready", () => {
    if (!cut) return;
    cut = false;
    logger?.warn({ event: "resync" }, "redis back: sockets catch up");
    io.local.emit("resync");
  });
  return { pub, sub };
}

/** Only signed-in members connect (the session is read on the handshake), a few sockets each. */
function admitSignedIn(io: ChatServer, options: GatewayOptions, socketsPerUser: number) {
  // Session lookup on the handshake only: later polling requests of the same connection skip it.
  io.engine.use(
    (
      req: IncomingMessage & { _query?: Record<string, string> },
      res: ServerResponse,
      next: (err?: unknown) => void,
    ) => {
      if (req._query?.sid !== undefined) return next();
      options.authenticate(req, res, (err) => {
        // engine.io keeps the upgrade's stand-in response for the life of the connection, and with
        // it the request (headers, parsed session). Nothing reads it after the middlewares.
        if (req.headers.upgrade) (res as unknown as { req: unknown }).req = null;
        next(err);
      });
    },
  );
  io.use((socket: ChatSocket, next) => {
    const actor = socket.request.chatActor;
    if (!actor) {
      const err = new Error("unauthorized") as Error & { data: unknown };
      err.data = {
        code: "unauthorized",
        message: chatErrors.unauthorized().messages[langOf(socket.request)],
      };
      next(err);
      return;
    }
    const open = io.of("/").adapter.rooms.get(userRoom(actor.id))?.size ?? 0;
    if (open >= socketsPerUser) {
      const err = new Error("too_many_connections") as Error & { data: unknown };
      const refusal = chatErrors.tooManyConnections(socketsPerUser);
      err.data = {
        code: refusal.code,
        message: refusal.messages[langOf(socket.request)],
        details: refusal.details,
      };
      next(err);
      return;
    }
    socket.data = {
      actor: { id: actor.id, name: actor.name, role: actor.role },
      lang: langOf(socket.request),
      sid: socket.request.chatSessionId,
    };
    next();
  });
}

/** What each client event does, once it has been parsed, limited and guarded. */
function chatHandlers(service: ChatService, onlineIn: (groupId: number) => Promise<number[]>): Handlers {
  return {
    "group:join": async ({ groupId }, socket, actor) => {
      let group = await service.getGroup(actor, groupId);
      if (group.membership.state !== "active") {
        // From the socket: open groups, invitations and staff; a closed group takes a request over REST.
        if (group.visibility !== "open" && group.membership.state !== "invited" && !isStaff(actor))
          throw chatErrors.notFound();
        group = await service.join(actor, groupId);
      }
      await socket.join(groupRoom(groupId));
      return { group, online: await onlineIn(groupId) };
    },
    "group:leave": async ({ groupId }, _socket, actor) => {
      await service.removeMember(actor, groupId, actor.id);
      return { left: true };
    },
    "message:create": async (input, _socket, actor) => {
      const { message, duplicate } = await service.createMessage(actor, input);
      return { message, duplicate };
    },
    "message:update": async (input, _socket, actor) => ({
      message: await service.updateMessage(actor, input),
    }),
    "message:delete": async ({ messageId }, _socket, actor) => ({
      message: await service.deleteMessage(actor, messageId),
    }),
    "message:react": async (input, _socket, actor) => ({ message: await service.react(actor, input) }),
    "message:pin": async (input, _socket, actor) => ({ message: await service.pin(actor, input) }),
    "messages:since": (input, _socket, actor) => service.since(actor, input),
    "messages:before": (input, _socket, actor) => service.before(actor, input),
    read: (input, _socket, actor) => service.read(actor, input),
    typing: ({ groupId }, socket, actor) => {
      // Membership is the room: removal takes the socket out of it at once.
      if (!socket.rooms.has(groupRoom(groupId))) return Promise.reject(chatErrors.notFound());
      socket.to(groupRoom(groupId)).volatile.emit("typing", { groupId, userId: actor.id, name: actor.name });
      return Promise.resolve({ sent: true });
    },
  };
}

/** A refusal as a socket ack carries it, in the member's language; an unknown error is logged. */
function ackError(
  lang: Lang,
  err: unknown,
  logger: GatewayOptions["logger"],
): { error: { code: string; message: string; details?: unknown } } {
  if (isUnavailable(err)) err = chatErrors.unavailable();
  if (err instanceof RateLimiterRes) err = chatErrors.rateLimited(Math.ceil(err.msBeforeNext / 1000));
  if (err instanceof AppError) {
    const { name, message, details } = err.toWire(lang);
    return { error: { code: name, message, details } };
  }
  logger?.warn({ err }, "chat event failed");
  const message = {
    fi: "Palvelussa tapahtui virhe.",
    sv: "Ett fel inträffade.",
    en: "Something went wrong.",
  };
  return { error: { code: "internal_error", message: message[lang] } };
}
