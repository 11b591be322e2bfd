import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Config } from "@soskes/config";
import express, { type NextFunction, type Request, type Response } from "express";
import session from "express-session";
import helmet from "helmet";
import { Passport } from "passport";
import type { Strategy as OidcStrategy } from "openid-client/passport";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { adminAudit } from "./routes/admin/audit.js";
import { csrfProtection } from "./auth/csrf.js";
import { refuseIdentityCodes } from "./validate.js";
import { OIDC_STRATEGY } from "./auth/oidc.js";
import { DatabaseSessionStore, type SessionStore } from "./auth/session-store.js";
import {
  createActionLimiter,
  createLoginThrottle,
  type ActionLimiter,
  type LoginThrottle,
} from "./auth/throttle.js";
import { enqueueMail, type MailWorker } from "./mail/outbox.js";
import { adminRouter } from "./routes/admin/users.js";
import { devMailboxRouter } from "./mail/dev-mailbox.js";
import type { ContentService } from "./content/content-service.js";
import { editorialRouter } from "./content/editorial-routes.js";
import { contentRouter, webhookRouter } from "./content/routes.js";
import { searchRouter } from "./search/routes.js";
import type { SearchService } from "@soskes/search";
import {
  ChatError,
  chatErrors,
  createConsultService,
  isUnavailable,
  type ChatService,
  type ConsultService,
} from "@soskes/chat";
import { consultRouter } from "./consult/routes.js";
import { feedbackRouter } from "./community/feedback.js";
import { freshnessRouter } from "./community/freshness.js";
import { reviewFlagsRouter } from "./community/statute-flags.js";
import { maintenanceRouter } from "./community/maintenance.js";
import { surveysRouter } from "./community/surveys.js";
import { createUsageRecorder, usageRouter, type UsageRecorder } from "./community/usage.js";
import { noticesRouter } from "./community/notices.js";
import { answerIndexing } from "./consult/search.js";
import { groupsRouter } from "./chat/routes.js";
import type { Db } from "./db/database.js";
import { HttpError, errors } from "./errors.js";
import { requestLang } from "./i18n.js";
import { authRouter, configurePassport } from "./routes/auth/auth.js";
import { ROUTES, openApiDocument } from "./openapi.js";
import { meRouter } from "./routes/me.js";
import { peopleRouter } from "./routes/people.js";

export type Services = {
  config: Config;
  db: Db;
  logger: Logger;
  sessions: SessionStore;
  sessionCookieName: string;
  loginThrottle: LoginThrottle;
  actionLimiter: ActionLimiter;
  mail: MailWorker;
  /** Single sign-on is configured and its provider answered at start. */
  oidc: boolean;
  /** This app's own authenticator: passport's default export is shared by the whole process. */
  passport: InstanceType<typeof Passport>;
  csrf: ReturnType<typeof csrfProtection>;
  content: ContentService;
  search: SearchService;
  chat: ChatService;
  consult: ConsultService;
  usage: UsageRecorder;
  /** Realtime connections; set once Socket.IO is attached. */
  realtime: Realtime;
};

export type Realtime = {
  disconnectUser(userId: number): void;
  disconnectSessions(userId: number, sessionIds: string[]): void;
};

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

export type AppOptions = {
  config: Config;
  db: Db;
  logger: Logger;
  content: ContentService;
  search: SearchService;
  chat: ChatService;
  mail: MailWorker;
  /** Directory of the built client (index.html); served at / when present. */
  clientDir?: string;
  loginThrottle?: LoginThrottle;
  /** Defaults to the portal database. */
  sessions?: SessionStore;
  /** The single sign-on strategy, when configured and its provider answered. */
  oidcStrategy?: OidcStrategy;
};

export function createApp(options: AppOptions): { app: express.Express; services: Services } {
  const { config, db, logger } = options;
  const secure = config.isProduction;
  const sessions = options.sessions ?? new DatabaseSessionStore(db, config.portal.session.idleMs);
  const services: Services = {
    config,
    db,
    logger,
    sessions,
    sessionCookieName: "soskes.sid",
    loginThrottle: options.loginThrottle ?? createLoginThrottle(),
    actionLimiter: createActionLimiter(),
    mail: options.mail,
    oidc: Boolean(options.oidcStrategy),
    passport: new Passport(),
    csrf: csrfProtection(config.session.secret, secure),
    content: options.content,
    search: options.search,
    chat: options.chat,
    consult: createConsultService({
      db: db as unknown as Parameters<typeof createConsultService>[0]["db"],
      // The conversation runs on chat's message store: realtime, catch-up, search by participants.
      threads: {
        createThread: (name, ownerId, memberIds) => options.chat.createThread(name, ownerId, memberIds),
        addThreadMember: (groupId, userId) => options.chat.addThreadMember(groupId, userId),
        setThreadOpen: (groupId, open) => options.chat.setThreadOpen(groupId, open),
      },
      autoCloseDays: config.consult.autoCloseDays,
      publicUrl: config.portal.publicUrl,
      answerHooks: answerIndexing(options.search, logger),
      notify: {
        users: (userIds, payload) => options.chat.notifyUsers(userIds, payload),
        mail: (mail) => enqueueMail(db, { ...mail, locale: "fi" }),
      },
    }),
    usage: createUsageRecorder(db, logger),
    realtime: { disconnectUser() {}, disconnectSessions() {} },
  };
  configurePassport(services);
  if (options.oidcStrategy) services.passport.use(OIDC_STRATEGY, options.oidcStrategy);

  const app = express();
  app.disable("x-powered-by");
  // Set before the first app.use: the app's own router reads them once, when it is made.
  app.set("strict routing", true);
  app.set("case sensitive routing", true);
  if (config.isProduction) app.set("trust proxy", 1);

  const requestId = (req: IncomingMessage, res: ServerResponse) => {
    const id = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
    res.setHeader("X-Request-Id", id);
    return id;
  };
  if (logger.isLevelEnabled("info")) {
    app.use(
      pinoHttp({
        logger,
        genReqId: requestId,
        autoLogging: { ignore: (req) => req.url === "/healthz" },
        redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
        // Paths only: query strings carry what people search for (possibly an identity code)
        // and one-click tokens; neither belongs in a log.
        serializers: {
          req: (req: { url?: string; query?: unknown }) => ({
            ...req,
            url: (req.url ?? "").split("?")[0],
            query: undefined,
          }),
        },
      }),
    );
  } else {
    // Requests are not logged at this level: no per-request child logger, only the id and the
    // logger that errors are written with.
    app.use((req, res, next) => {
      req.id = requestId(req, res);
      req.log = logger;
      next();
    });
  }
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(secure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: secure,
      referrerPolicy: { policy: "same-origin" },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  const openapi = JSON.stringify(openApiDocument(config.portal.publicUrl));
  app.get("/api/openapi.json", (_req, res) => {
    res.type("json").send(openapi);
  });
  // Strapi's webhook authenticates with its shared secret, not a browser session.
  app.use("/api/cms/webhook", express.json({ limit: "1mb" }), webhookRouter(services));

  app.use(express.json({ limit: "100kb" }));
  for (const step of sessionMiddleware(services)) app.use(step);
  // Active members per day, for the usage overview (counted in memory, written every half minute).
  app.use((req, _res, next) => {
    if (req.user) services.usage.seen(req.user.id);
    next();
  });
  app.use(services.csrf.middleware);
  if (!config.isProduction && !config.mail.smtpUrl) {
    // Development only: mail is written to files and listed here instead of being sent. It holds
    // reset, verification and invitation links, so only a signed-in portal admin may open it.
    app.use("/dev/mailbox", devMailboxRouter(config.mail.dir));
  }
  app.use("/api", adminAudit(db, logger, ROUTES));
  // Every free text of every write, whichever route it is for: no identity code is stored.
  app.use("/api", refuseIdentityCodes);

  // Search first: it answers every key press in the header, the portal's most frequent request.
  app.use("/api", searchRouter(services));
  app.use("/api/auth", authRouter(services));
  app.use("/api/me", meRouter(services));
  app.use("/api/admin", adminRouter(services));
  app.use("/api", peopleRouter(services));
  app.use("/api", contentRouter(services));
  app.use("/api", editorialRouter(services));
  app.use("/api/groups", groupsRouter(services));
  app.use("/api", consultRouter(services));
  app.use("/api", noticesRouter(services));
  app.use("/api", feedbackRouter(services));
  app.use("/api", freshnessRouter(services));
  app.use("/api", reviewFlagsRouter(services));
  app.use("/api", maintenanceRouter(services));
  app.use("/api", surveysRouter(services));
  app.use("/api", usageRouter(services));
  app.use("/api", (_req, _res, next) => next(errors.unknownRoute()));

  if (options.clientDir && existsSync(path.join(options.clientDir, "index.html"))) {
    const clientDir = options.clientDir;
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    // The single-page app owns every other path.
    app.get(/.*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(path.join(clientDir, "index.html"));
    });
  }

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const lang = requestLang(req);
    if (isUnavailable(err)) {
      req.log.warn({ err }, "store unavailable");
      res.setHeader("Retry-After", "5");
      err = chatErrors.unavailable();
    }
    if (err instanceof ChatError) err = new HttpError(err.status, err.code, err.messages, err.details);
    if (err instanceof HttpError) {
      for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
      res.status(err.status).json({
        data: null,
        error: { status: err.status, name: err.code, message: err.messages[lang], details: err.details },
      });
      return;
    }
    const status = (err as { status?: number; type?: string }).status;
    if (status === 400 || status === 413) {
      // body-parser: malformed or oversized JSON
      const code = status === 413 ? "payload_too_large" : "invalid_json";
      const message = {
        fi: status === 413 ? "Pyyntö on liian suuri." : "Pyynnön tiedot eivät ole kelvollista JSONia.",
        sv: status === 413 ? "Begäran är för stor." : "Begäran är inte giltig JSON.",
        en: status === 413 ? "The request is too large." : "The request body is not valid JSON.",
      }[lang];
      res.status(status).json({ data: null, error: { status, name: code, message, details: {} } });
      return;
    }
    req.log.error({ err }, "unhandled error");
    res.status(500).json({
      data: null,
      error: {
        status: 500,
        name: "internal_error",
        message: { fi: "Palvelussa tapahtui virhe.", sv: "Ett fel inträffade.", en: "Something went wrong." }[
          lang
        ],
        details: { requestId: req.id },
      },
    });
  });

  return { app, services };
}
