import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { Server, type Socket } from "socket.io";
import type { z } from "zod";
import { ChatError, chatErrors, type Lang } from "./errors.js";
import type { Actor } from "./policy.js";
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
  /** Events per user per 10 seconds before rate_limited (default 50). */
  eventsPer10s?: number;
};

export type Gateway = {
  io: Server;
  /** Ends every socket of the user on every node (logout, disabled account). */
  disconnectUser(userId: number): void;
  /** Ends the sockets opened with these portal sessions, on every node. */
  disconnectSessions(sessionIds: string[]): void;
  close(): Promise<void>;
};

type SocketData = { actor: Actor; lang: Lang };
type ChatSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;
type Ack = (
  answer: { data: unknown } | { error: { code: string; message: string; details?: unknown } },
) => void;

declare module "node:http" {
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
const sessionRoom = (sid: string) => `s:${sid}`;

/**
 * Socket.IO on the portal's HTTP server. The handshake needs a portal session; every event is
 * validated and authorised on its own and answered with an ack `{data}` or `{error}`.
 */
export async function attachGateway(options: GatewayOptions): Promise<Gateway> {
  const { service } = options;
  const allowed = new Set(options.allowedOrigins);
  let redis: { pub: Redis; sub: Redis } | undefined;
  const io = new Server(options.server, {
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
  if (options.redisUrl) {
    const pub = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub, { key: "soskes-chat", requestsTimeout: 3000 }));
    redis = { pub, sub };
  }

  // Session lookup on the handshake only: later polling requests of the same connection skip it.
  io.engine.use(
    (
      req: IncomingMessage & { _query?: Record<string, string> },
      res: ServerResponse,
      next: (err?: unknown) => void,
    ) => {
      if (req._query?.sid === undefined) options.authenticate(req, res, next);
      else next();
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
    socket.data = {
      actor: { id: actor.id, name: actor.name, role: actor.role },
      lang: langOf(socket.request),
    };
    const sid = socket.request.chatSessionId;
    if (sid) void socket.join(sessionRoom(sid));
    next();
  });

  // Resolves once a new socket sits in its groups' rooms: events wait for it, so a catch-up
  // answered after it leaves no gap before live delivery.
  const readyOf = new WeakMap<ChatSocket, Promise<void>>();
  const limiter = new RateLimiterMemory({ points: options.eventsPer10s ?? 50, duration: 10 });
  const online = new Map<number, number>();
  let closing = false;

  const answerError = (
    socket: ChatSocket,
    err: unknown,
  ): { error: { code: string; message: string; details?: unknown } } => {
    if (err instanceof ChatError)
      return { error: { code: err.code, message: err.messages[socket.data.lang], details: err.details } };
    if (err instanceof RateLimiterRes) {
      const e = chatErrors.rateLimited(Math.ceil(err.msBeforeNext / 1000));
      return { error: { code: e.code, message: e.messages[socket.data.lang], details: e.details } };
    }
    options.logger?.warn({ err }, "chat event failed");
    return {
      error: {
        code: "internal_error",
        message: { fi: "Palvelussa tapahtui virhe.", sv: "Ett fel inträffade.", en: "Something went wrong." }[
          socket.data.lang
        ],
      },
    };
  };

  function on<E extends ClientEvent>(
    socket: ChatSocket,
    event: E,
    handle: (input: z.infer<(typeof CLIENT_EVENTS)[E]>, actor: Actor) => Promise<unknown>,
  ) {
    socket.on(
      event as never,
      ((payload: unknown, ack?: unknown) => {
        const reply: Ack = typeof ack === "function" ? (ack as Ack) : () => {};
        void (async () => {
          try {
            await limiter.consume(socket.data.actor.id, event === "typing" || event === "read" ? 0.2 : 1);
            await readyOf.get(socket);
            const parsed = CLIENT_EVENTS[event].safeParse(payload);
            if (!parsed.success) {
              const fields: Record<string, string> = {};
              for (const issue of parsed.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
              throw chatErrors.invalidInput(fields);
            }
            reply({ data: await handle(parsed.data as never, socket.data.actor) });
          } catch (err) {
            reply(answerError(socket, err));
          }
        })();
      }) as never,
    );
  }

  const onlineIn = async (groupId: number) => {
    const sockets = await io.in(groupRoom(groupId)).fetchSockets();
    return [...new Set(sockets.map((s) => (s.data as SocketData).actor.id))];
  };

  io.on("connection", (socket: ChatSocket) => {
    const { actor } = socket.data;
    // The handshake request (headers, session) is not needed any more: idle sockets stay small.
    (socket.conn as unknown as { request: unknown }).request = null;
    void socket.join(userRoom(actor.id));
    // Unknown events are answered too, so a client never waits for nothing.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in CLIENT_EVENTS) return;
      const ack = args.at(-1);
      if (typeof ack === "function")
        (ack as Ack)(answerError(socket, chatErrors.invalidInput({ event: "unknown_event" })));
    });

    const ready = service
      .memberGroupIds(actor.id)
      .then((ids) => {
        void socket.join(ids.map(groupRoom));
        const count = (online.get(actor.id) ?? 0) + 1;
        online.set(actor.id, count);
        if (count === 1)
          for (const id of ids)
            socket.to(groupRoom(id)).emit("presence", { groupId: id, userId: actor.id, online: true });
      })
      .catch((err: unknown) => {
        // Without its rooms the socket would miss messages: better to let the client reconnect.
        options.logger?.warn({ err }, "chat connection setup failed");
        socket.disconnect(true);
      });
    readyOf.set(socket, ready);

    on(socket, "group:join", async ({ groupId }) => {
      let group = await service.getGroup(actor, groupId);
      if (group.membership.state !== "active") {
        // Joining from the socket is for open groups; closed groups take a request over REST.
        if (group.visibility !== "open") throw chatErrors.notFound();
        group = await service.join(actor, groupId);
      }
      await socket.join(groupRoom(groupId));
      return { group, online: await onlineIn(groupId) };
    });
    on(socket, "group:leave", async ({ groupId }) => {
      await service.removeMember(actor, groupId, actor.id);
      return { left: true };
    });
    on(socket, "message:create", async (input) => {
      const { message, duplicate } = await service.createMessage(actor, input);
      return { message, duplicate };
    });
    on(socket, "message:update", async (input) => ({ message: await service.updateMessage(actor, input) }));
    on(socket, "message:delete", async ({ messageId }) => ({
      message: await service.deleteMessage(actor, messageId),
    }));
    on(socket, "message:react", async (input) => ({ message: await service.react(actor, input) }));
    on(socket, "message:pin", async (input) => ({ message: await service.pin(actor, input) }));
    on(socket, "messages:since", (input) => service.since(actor, input));
    on(socket, "messages:before", (input) => service.before(actor, input));
    on(socket, "read", (input) => service.read(actor, input));
    on(socket, "typing", ({ groupId }) => {
      // Membership is the room: removal takes the socket out of it at once.
      if (!socket.rooms.has(groupRoom(groupId))) return Promise.reject(chatErrors.notFound());
      socket.to(groupRoom(groupId)).volatile.emit("typing", { groupId, userId: actor.id, name: actor.name });
      return Promise.resolve({ sent: true });
    });

    socket.on("disconnect", () => {
      if (closing) return;
      void ready
        .then(async () => {
          const count = (online.get(actor.id) ?? 1) - 1;
          if (count > 0) {
            online.set(actor.id, count);
            return;
          }
          online.delete(actor.id);
          // Still connected through another node: not offline.
          const elsewhere = redis
            ? await io
                .in(userRoom(actor.id))
                .fetchSockets()
                .catch(() => [])
            : [];
          if (elsewhere.length > 0) return;
          for (const id of await service.memberGroupIds(actor.id))
            io.to(groupRoom(id)).emit("presence", { groupId: id, userId: actor.id, online: false });
        })
        .catch((err: unknown) => options.logger?.warn({ err }, "presence update failed"));
    });
  });

  service.useFanout({
    toGroup: (groupId, event, payload) => void io.to(groupRoom(groupId)).emit(event, payload),
    toUser: (userId, event, payload) => void io.to(userRoom(userId)).emit(event, payload),
    join: (userId, groupId) => io.in(userRoom(userId)).socketsJoin(groupRoom(groupId)),
    leave: (userId, groupId) => io.in(userRoom(userId)).socketsLeave(groupRoom(groupId)),
  });

  return {
    io,
    disconnectUser: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
    disconnectSessions: (sids) => {
      if (sids.length > 0) io.in(sids.map(sessionRoom)).disconnectSockets(true);
    },
    close: async () => {
      closing = true;
      // Only this node's sockets: with Redis, io.disconnectSockets() would end every node's.
      io.local.disconnectSockets(true);
      // io.close() would also close the HTTP server; the portal closes its own.
      io.engine.close();
      io.removeAllListeners();
      if (redis) {
        await Promise.resolve(io.of("/").adapter.close()).catch(() => undefined);
        await Promise.all([redis.pub.quit(), redis.sub.quit()]).catch(() => undefined);
      }
    },
  };
}
