import { ServerResponse, type IncomingMessage, type Server } from "node:http";
import {
  attachGateway,
  createChatService,
  type ChatDatabase,
  type ChatService,
  type Gateway,
  type PresentedMessage,
} from "@soskes/chat";
import type { Config } from "@soskes/config";
import type { SearchDocument, SearchService } from "@soskes/search";
import type { Request } from "express";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { sessionMiddleware, type Services } from "../app.js";
import type { Db } from "../db/database.js";
import { enqueueMail } from "../mail/outbox.js";
import { auditModeration } from "../routes/admin/audit.js";

export const MESSAGE_SOURCE = "messages";

/** A group message as a search document: findable only by the group's current members. */
export function messageDocument(
  message: PresentedMessage,
  group: { id: number; name: string },
): SearchDocument {
  return {
    key: `message:${message.id}`,
    source: MESSAGE_SOURCE,
    type: "message",
    id: String(message.id),
    audience: `group:${group.id}`,
    title: group.name,
    keywords: [message.author.name],
    text: message.body ?? "",
    url: `/ryhmat/${group.id}#viesti-${message.seq}`,
    municipalityCodes: [],
    serviceAreas: [],
    statute: null,
    section: null,
  };
}

/**
 * The chat service as every node runs it: messages indexed for search as they change, e-mail
 * through the outbox (any portal node's mail worker sends it).
 */
export function createPortalChat(options: {
  config: Config;
  db: Db;
  dialect: "sqlite" | "postgres";
  search: SearchService;
  logger: Logger;
}): ChatService {
  const { search, logger } = options;
  // Messages reach the index in small batches: one write per quarter second, not one per message.
  let pending = new Map<string, SearchDocument>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const docs = [...pending.values()];
    pending = new Map();
    // A write that fails for good (the index closing) is repaired by the reconcile at the next start.
    if (docs.length > 0)
      search.upsert(docs).catch((err: unknown) => logger.warn({ err }, "indexing messages failed"));
  };
  const index = (doc: SearchDocument) => {
    pending.set(doc.key, doc);
    timer ??= setTimeout(flush, 250).unref();
  };
  return createChatService({
    // The chat package reads the users table as the portal writes it.
    db: options.db as unknown as Kysely<ChatDatabase>,
    dialect: options.dialect,
    publicUrl: options.config.portal.publicUrl,
    hooks: {
      indexMessage: (message, group) => index(messageDocument(message, group)),
      unindexMessage: (id) => {
        // A deletion goes at once, and a pending write of the same message never lands after it.
        pending.delete(`message:${id}`);
        void search.remove([`message:${id}`]);
      },
      mail: (mail) => enqueueMail(options.db, { ...mail, locale: "fi" }),
      onError: (err, what) => logger.error({ err }, `${what} failed`),
      moderated: auditModeration(options.db),
    },
  });
}

type RealtimeServices = Pick<
  Services,
  "config" | "sessions" | "sessionCookieName" | "passport" | "chat" | "realtime" | "logger"
>;

/** The origins a browser may open a socket from: the portal's own, in every spelling used locally. */
export function allowedOrigins(services: Pick<Services, "config">): string[] {
  const origin = new URL(services.config.portal.publicUrl).origin;
  const origins = new Set([origin, ...services.config.portal.allowedOrigins]);
  if (!services.config.isProduction) {
    const port = new URL(origin).port;
    for (const host of ["localhost", "127.0.0.1"]) origins.add(`http://${host}${port ? `:${port}` : ""}`);
  }
  return [...origins];
}

/**
 * Socket.IO on an HTTP server, authenticated by the portal session exactly as a page request is
 * (cookie, absolute limit, passport, active account). Used by the portal and by extra realtime nodes.
 */
export async function attachRealtime(
  services: RealtimeServices,
  server: Server,
  extraOrigins: string[] = [],
): Promise<Gateway> {
  const steps = sessionMiddleware(services);
  const authenticate = (req: IncomingMessage, _res: ServerResponse, next: (err?: unknown) => void) => {
    const request = req as unknown as Request;
    const sink = new ServerResponse(req);
    let i = 0;
    const step = (err?: unknown): void => {
      if (err) {
        next(err);
        return;
      }
      const run = steps[i++];
      if (run) {
        // A response of its own: the session middleware wraps the response's methods, and the
        // engine keeps its response for the life of the connection.
        void run(request, sink as never, step);
        return;
      }
      const user = request.user;
      if (user && user.status === "active") {
        req.chatActor = { id: user.id, name: user.name, role: user.role };
        req.chatSessionId = request.sessionID;
      }
      next();
    };
    step();
  };
  const gateway = await attachGateway({
    server,
    service: services.chat,
    authenticate,
    allowedOrigins: [...allowedOrigins(services), ...extraOrigins],
    redisUrl: services.config.portal.redisUrl,
    logger: services.logger,
    socketsPerUser: services.config.portal.socketsPerMember,
  });
  services.realtime.disconnectUser = (userId) => gateway.disconnectUser(userId);
  services.realtime.disconnectSessions = (userId, sids) => gateway.disconnectSessions(userId, sids);
  return gateway;
}
