import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { adminAudit } from "./auth/admin-audit.js";
import { refuseIdentityCodes } from "./validate.js";
import { adminRouter } from "./routes/admin/users.js";
import { devMailboxRouter } from "./mail/dev-mailbox.js";
import { editorialRouter } from "./routes/editorial/editorial.js";
import { calendarRouter } from "./routes/calendar/calendar.js";
import { contentRouter } from "./routes/directory/directory.js";
import { webhookRouter } from "./routes/cms-webhook/cms-webhook.js";
import { searchRouter } from "./routes/search/search.js";
import { consultRouter } from "./routes/consultations/consultations.js";
import { answersRouter } from "./routes/answers/answers.js";
import { consultOversightRouter } from "./routes/admin/consult-oversight.js";
import { panelsRouter } from "./routes/panels/panels.js";
import { feedbackRouter } from "./routes/feedback/feedback.js";
import { freshnessRouter } from "./routes/freshness/freshness.js";
import { reviewFlagsRouter } from "./routes/review-flags/review-flags.js";
import { maintenanceRouter } from "./routes/maintenance/maintenance.js";
import { surveysRouter } from "./routes/surveys/surveys.js";
import { usageRouter } from "./routes/usage/usage.js";
import { noticesRouter } from "./routes/notices/notices.js";
import { inboxRouter } from "./routes/inbox/inbox.js";
import { groupsRouter } from "./routes/groups/groups.js";
import { isUnavailable } from "@soskes/domain";
import { errors } from "./errors.js";
import { AppError } from "@soskes/domain";
import { requestLang } from "./i18n.js";
import { authRouter } from "./routes/auth/auth.js";
import { sessionMiddleware } from "./auth/session.js";
import { enforceAccess, matchRoute } from "./auth/access.js";
import type { Services } from "./services.js";
import { ROUTES, openApiDocument } from "./openapi.js";
import { meRouter } from "./routes/me/me.js";
import { peopleRouter } from "./routes/people/people.js";

export type AppOptions = {
  /** Directory of the built client (index.html); served at / when present. */
  clientDir?: string;
};

/** The Express app over services built by compose.ts: middleware chain, routers, error handler. */
export function createApp(services: Services, options: AppOptions = {}): express.Express {
  const { config, db, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  // Set before the first app.use: the app's own router reads them once, when it is made.
  app.set("strict routing", true);
  app.set("case sensitive routing", true);
  if (config.isProduction) app.set("trust proxy", 1);
  app.use(requestLogging(logger));
  app.use(securityHeaders(config.isProduction));

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
  // The route table is the gate: its row is found, admin use audited, and its access level met
  // before any router runs.
  app.use("/api", matchRoute(ROUTES), adminAudit(db, logger), enforceAccess(config));
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
  app.use("/api", calendarRouter(services));
  app.use("/api/groups", groupsRouter(services));
  app.use("/api", panelsRouter(services));
  app.use("/api", consultRouter(services));
  app.use("/api", answersRouter(services));
  app.use("/api", consultOversightRouter(services));
  app.use("/api", noticesRouter(services));
  app.use("/api", inboxRouter(services));
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

  app.use(errorHandler);
  return app;
}

/** A request id on every request and answer; requests logged by path only, at the info level. */
function requestLogging(logger: Logger): express.RequestHandler {
  const requestId = (req: IncomingMessage, res: ServerResponse) => {
    const id = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
    res.setHeader("X-Request-Id", id);
    return id;
  };
  if (logger.isLevelEnabled("info")) {
    return pinoHttp({
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
    });
  }
  // Requests are not logged at this level: no per-request child logger, only the id and the
  // logger that errors are written with.
  return (req: Request, res: Response, next: NextFunction) => {
    req.id = requestId(req, res);
    req.log = logger;
    next();
  };
}

/** Security headers: a strict content policy (nothing from elsewhere), HSTS in production. */
function securityHeaders(secure: boolean) {
  return helmet({
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
  });
}

/** Every error in one shape, in the reader's language; an unknown one is logged, never shown. */
function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction) {
  const lang = requestLang(req);
  if (isUnavailable(err)) {
    req.log.warn({ err }, "store unavailable");
    res.setHeader("Retry-After", "5");
    err = errors.unavailable();
  }
  if (err instanceof AppError) {
    for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
    res.status(err.status).json({ data: null, error: err.toWire(lang) });
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
}
