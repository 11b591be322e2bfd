import type express from "express";
import session from "express-session";
import type { Services } from "../services.js";

/** Ends the user's sessions (all, or all but one) and the sockets opened with them. */
export async function endUserSessions(services: Services, userId: number, exceptSid?: string): Promise<void> {
  const ended = await services.sessions.destroyUserSessions(userId, exceptSid);
  if (exceptSid === undefined) services.realtime.disconnectUser(userId);
  else services.realtime.disconnectSessions(userId, ended);
}

/**
 * The session cookie, the absolute session limit and passport: the same steps authenticate a
 * page request and a Socket.IO handshake.
 */
export function sessionMiddleware(
  services: Pick<Services, "config" | "sessions" | "sessionCookieName" | "passport">,
): express.RequestHandler[] {
  const { config } = services;
  const steps: express.RequestHandler[] = [
    // @types/express-session still describes Express 4's handler type.
    session({
      name: services.sessionCookieName,
      secret: config.session.secret,
      store: services.sessions,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: "lax",
        secure: config.isProduction,
        maxAge: config.portal.session.idleMs,
      },
    }) as unknown as express.RequestHandler,
    (req, _res, next) => {
      const loggedInAt = req.session?.loggedInAt;
      if (loggedInAt && Date.now() - loggedInAt > config.portal.session.absoluteMs) {
        // The absolute limit: re-authenticate however active the session has been.
        req.session.regenerate((err) => next(err));
        return;
      }
      next();
    },
    // @types/passport, like @types/express-session, still describes Express 4's handler type.
    services.passport.initialize() as unknown as express.RequestHandler,
    services.passport.session() as express.RequestHandler,
  ];
  return steps;
}
