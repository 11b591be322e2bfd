import { ServerResponse, type IncomingMessage, type Server } from "node:http";
import { attachGateway, type Gateway } from "@soskes/chat";
import type { Request } from "express";
import { sessionMiddleware } from "../auth/session.js";
import type { Services } from "../services.js";

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
  services.realtime.attach(gateway);
  return gateway;
}
