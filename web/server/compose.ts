import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createConsultService, type ChatService } from "@soskes/chat";
import type { Config } from "@soskes/config";
import { createEventRunner, onEventsCommitted, type Dialect, type EventRunner } from "@soskes/domain";
import {
  createEmbeddedEngine,
  createMeiliEngine,
  createSearchPool,
  createSearchService,
  type SearchService,
} from "@soskes/search";
import type { Strategy as OidcStrategy } from "openid-client/passport";
import { Passport } from "passport";
import pino, { type Logger } from "pino";
import { createClient, type RedisClientType } from "redis";
import { csrfProtection } from "./auth/csrf.js";
import { createOidcStrategy, OIDC_STRATEGY } from "./auth/oidc.js";
import { configurePassport } from "./auth/passport.js";
import { RedisSessionStore } from "./auth/redis-session-store.js";
import { DatabaseSessionStore } from "./auth/session-store.js";
import { createActionLimiter, createLoginThrottle } from "./auth/throttle.js";
import { createPortalChat } from "./chat/portal-chat.js";
import { createUsageRecorder } from "./usage/recorder.js";
import { createCmsClient } from "./content/cms-client.js";
import { createContentService, type ContentService } from "./content/content-service.js";
import { migrate, openDatabase, type Db, type PortalDatabase } from "./db/database.js";
import { createMailWorker, createTransport, enqueueMail, type MailTransport } from "./mail/outbox.js";
import { processorsFor } from "./processors/index.js";
import { createRealtimeRegistry, type Services } from "./services.js";

/** What runs in this process: a whole portal node, a realtime-only node, or a CLI command. */
export type NodeRole = "portal" | "realtime" | "cli";

export type ComposeOptions = {
  config: Config;
  role: NodeRole;
  logger?: Logger;
  /** Replacements for tests. */
  content?: ContentService;
  search?: SearchService;
  mailTransport?: MailTransport;
  mailPollMs?: number;
  eventPollMs?: number;
};

export type Composition = {
  services: Services;
  database: PortalDatabase;
  /** The single sign-on strategy, when configured and its provider answered (portal only). */
  oidcStrategy?: OidcStrategy;
  /** Starts the background work of this role: the mail worker and the event processors. */
  start(): void;
  close(): Promise<void>;
};

/**
 * The one place services are built, for the portal, a realtime-only node, the CLI and the tests.
 * Everything a route, job or processor uses comes from here, so none of them builds its own.
 */
export async function compose(options: ComposeOptions): Promise<Composition> {
  const { config, role } = options;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: role } });
  const database = openDatabase(config.portal.database);
  await migrate(database);
  const { db } = database;

  let redis: RedisClientType | undefined;
  if (config.portal.redisUrl && role !== "cli") {
    redis = createClient({ url: config.portal.redisUrl });
    redis.on("error", (err: unknown) => logger.error({ err }, "redis error"));
    await redis.connect();
  }

  const { search, pool } = buildSearch(options, logger);
  const content =
    options.content ??
    createContentService({
      cms: createCmsClient({ url: config.cms.url, token: config.cms.apiToken }),
      logger,
    });
  const mail = createMailWorker({
    db,
    transport:
      options.mailTransport ?? createTransport({ smtpUrl: config.mail.smtpUrl, dir: config.mail.dir }),
    from: config.mail.from,
    logger,
    pollMs: options.mailPollMs,
    hostname: new URL(config.portal.publicUrl).hostname,
  });
  const chat = createPortalChat({ config, db, dialect: database.dialect });
  const consult = buildConsult(config, db, database.dialect, chat);

  const nodeId = nodeIdentity(config, role);
  const realtime = createRealtimeRegistry();
  const base: Omit<Services, "events"> = {
    config,
    db,
    dialect: database.dialect,
    logger,
    nodeId,
    sessions: redis
      ? new RedisSessionStore(redis, config.portal.session.idleMs)
      : new DatabaseSessionStore(db, config.portal.session.idleMs),
    sessionCookieName: "soskes.sid",
    loginThrottle: createLoginThrottle(),
    actionLimiter: createActionLimiter(),
    mail,
    oidc: false,
    passport: new Passport(),
    csrf: csrfProtection(config.session.secret, config.isProduction),
    content,
    search,
    chat,
    consult,
    usage: createUsageRecorder(db, logger),
    realtime,
    redis,
  };
  configurePassport(base);

  let oidcStrategy: OidcStrategy | undefined;
  if (role === "portal") {
    // The portal starts without single sign-on if the provider does not answer; password login still works.
    oidcStrategy = await createOidcStrategy({ config, db, logger }).catch((err: unknown) => {
      logger.error(
        { err, issuer: config.oidc?.issuer },
        "single sign-on provider unreachable: SSO is off until restart",
      );
      return undefined;
    });
    if (oidcStrategy) {
      base.passport.use(OIDC_STRATEGY, oidcStrategy);
      base.oidc = true;
    }
  }

  const events: EventRunner = createEventRunner({
    db,
    nodeId,
    processors: role === "cli" ? [] : processorsFor(base, role),
    logger,
    pollMs: options.eventPollMs,
  });
  const services: Services = { ...base, events };

  let stopWakeUps: (() => Promise<void>) | undefined;
  const start = () => {
    if (role === "portal") mail.start();
    events.start();
    if (redis) stopWakeUps = wakeAcrossNodes(redis, events, nodeId, logger);
  };

  let closing: Promise<void> | undefined;
  return {
    services,
    database,
    oidcStrategy,
    start,
    close: () =>
      (closing ??= (async () => {
        await stopWakeUps?.();
        await events.stop();
        await pool?.close();
        await search.close();
        await mail.stop();
        await services.usage.close().catch(() => undefined);
        await redis?.quit();
        await database.close();
      })()),
  };
}

/**
 * This node's name in the event log, stable for its data directory: node-local processors (the
 * embedded search index) resume from the position stored under it after a restart.
 */
function nodeIdentity(config: Config, role: NodeRole): string {
  if (role === "cli") return `cli-${randomUUID()}`;
  const file = path.join(config.search.dir, `${role}.node-id`);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    const id = `${role}-${randomUUID()}`;
    mkdirSync(config.search.dir, { recursive: true });
    writeFileSync(file, id);
    return id;
  }
}

/** The search service: Meilisearch when configured, else the embedded index (searched by threads on a portal node). */
function buildSearch(options: ComposeOptions, logger: Logger) {
  const { config, role } = options;
  const indexFile = path.join(config.search.dir, "index.sqlite");
  const pool =
    role !== "portal" || options.search || config.search.meili || config.search.workers === 0
      ? undefined
      : createSearchPool({ file: indexFile, workers: config.search.workers });
  const search =
    options.search ??
    createSearchService({
      engine: config.search.meili
        ? createMeiliEngine({
            host: config.search.meili.url,
            apiKey: config.search.meili.apiKey,
            indexPrefix: config.search.meili.indexPrefix,
          })
        : createEmbeddedEngine(indexFile),
      logger,
      reader: pool,
      onChange: (change) => pool?.notify(change),
    });
  return { search, pool };
}

/** eKonsultaatio, its conversations on chat's message store (realtime, catch-up, search). */
function buildConsult(config: Config, db: Db, dialect: Dialect, chat: ChatService) {
  return createConsultService({
    db: db as unknown as Parameters<typeof createConsultService>[0]["db"],
    threads: {
      createThread: (name, ownerId, memberIds) => chat.createThread(name, ownerId, memberIds),
      addThreadMember: (groupId, userId) => chat.addThreadMember(groupId, userId),
      setThreadOpen: (groupId, open) => chat.setThreadOpen(groupId, open),
    },
    autoCloseDays: config.consult.autoCloseDays,
    publicUrl: config.portal.publicUrl,
    dialect,
    notify: {
      users: (userIds, payload) => chat.notifyUsers(userIds, payload),
      mail: (message) => enqueueMail(db, { ...message, locale: "fi" }),
    },
  });
}

/**
 * Other nodes hear of this node's commits through Redis (and this node of theirs); without Redis
 * a short poll finds them. Returns how to stop.
 */
function wakeAcrossNodes(redis: RedisClientType, events: EventRunner, nodeId: string, logger: Logger) {
  const channel = "soskes:events";
  const stopPublishing = onEventsCommitted(() => {
    redis
      .publish(channel, nodeId)
      .catch((err: unknown) => logger.warn({ err }, "event wake-up not published"));
  });
  const subscriber = redis.duplicate();
  subscriber.on("error", (err: unknown) => logger.error({ err }, "redis error"));
  void subscriber
    .connect()
    .then(() => subscriber.subscribe(channel, (from) => from !== nodeId && events.wake()))
    .catch((err: unknown) => logger.error({ err }, "event wake-ups unavailable: polling"));
  return async () => {
    stopPublishing();
    await subscriber.quit().catch(() => undefined);
  };
}
