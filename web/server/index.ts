import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "@soskes/config";
import pino, { type Logger } from "pino";
import { createApp, type Services } from "./app.js";
import { createCmsClient } from "./content/cms-client.js";
import { createContentService, type ContentService, type Snapshot } from "./content/content-service.js";
import { migrate, openDatabase, type PortalDatabase } from "./db/database.js";
import { createClient, type RedisClientType } from "redis";
import { createOidcStrategy } from "./auth/oidc.js";
import { RedisSessionStore } from "./auth/redis-session-store.js";
import { ensureDemoGroups, ensureDemoPanels, ensureDemoUsers } from "./demo-users.js";
import {
  createEmbeddedEngine,
  createMeiliEngine,
  createSearchPool,
  createSearchService,
  type SearchService,
} from "@soskes/search";
import path from "node:path";
import { followContent } from "./search/indexer.js";
import { createMailWorker, createTransport, type MailTransport } from "./mail/outbox.js";
import type { Gateway } from "@soskes/chat";
import { reindexAnswers } from "./consult/search.js";
import { reindexNotices } from "./community/notices.js";
import { runFreshnessReminders } from "./community/freshness.js";
import { runLinkCheck } from "./community/maintenance.js";
import { checkStatuteChanges, resolveStatuteFlags } from "./community/statute-flags.js";
import { attachRealtime, createPortalChat, MESSAGE_SOURCE, messageDocument } from "./chat/realtime.js";

export type Portal = {
  server: Server;
  url: string;
  services: Services;
  database: PortalDatabase;
  /** Resolves when the search index holds the latest content snapshot. */
  searchSettled: () => Promise<void>;
  close: () => Promise<void>;
};

export type StartOptions = {
  config: Config;
  logger?: Logger;
  clientDir?: string;
  /** Port to listen on; 0 picks a free one (tests). Defaults to config.portal.port. */
  port?: number;
  content?: ContentService;
  search?: SearchService;
  /** Replaces the configured transport (tests). */
  mailTransport?: MailTransport;
  mailPollMs?: number;
};

/** Opens and migrates the portal database, creates demo accounts if enabled, and listens. */
export async function startPortal(options: StartOptions): Promise<Portal> {
  const { config } = options;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: "portal" } });
  const database = openDatabase(config.portal.database);
  await migrate(database);
  if (config.demo.enabled) {
    const created = await ensureDemoUsers(database.db, config.demo.password);
    if (created > 0) logger.info({ created }, "demo accounts created");
  }
  const content =
    options.content ??
    createContentService({
      cms: createCmsClient({ url: config.cms.url, token: config.cms.apiToken }),
      logger,
    });
  const indexFile = path.join(config.search.dir, "index.sqlite");
  const pool =
    options.search || config.search.meili || config.search.workers === 0
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
  const indexer = followContent({ content, search, logger });
  const mail = createMailWorker({
    db: database.db,
    transport:
      options.mailTransport ?? createTransport({ smtpUrl: config.mail.smtpUrl, dir: config.mail.dir }),
    from: config.mail.from,
    logger,
    pollMs: options.mailPollMs,
    hostname: new URL(config.portal.publicUrl).hostname,
  });
  mail.start();
  let redis: RedisClientType | undefined;
  if (config.portal.redisUrl) {
    redis = createClient({ url: config.portal.redisUrl });
    redis.on("error", (err: unknown) => logger.error({ err }, "redis error"));
    await redis.connect();
  }
  const chat = createPortalChat({ config, db: database.db, dialect: database.dialect, search, logger });
  if (config.demo.enabled) {
    const groups = await ensureDemoGroups(database.db, chat);
    if (groups > 0) logger.info({ groups }, "demo groups created");
  }
  const sessions = redis ? new RedisSessionStore(redis, config.portal.session.idleMs) : undefined;
  // The portal starts without single sign-on if the provider does not answer; password login still works.
  const oidcStrategy = await createOidcStrategy({ config, db: database.db, logger }).catch((err: unknown) => {
    logger.error(
      { err, issuer: config.oidc?.issuer },
      "single sign-on provider unreachable: SSO is off until restart",
    );
    return undefined;
  });
  const { app, services } = createApp({
    config,
    db: database.db,
    logger,
    content,
    search,
    chat,
    mail,
    clientDir: options.clientDir,
    sessions,
    oidcStrategy,
  });
  if (config.demo.enabled) await ensureDemoPanels(database.db, services.consult);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(options.port ?? config.portal.port, config.portal.host, () => resolve(s));
  });
  const gateway: Gateway = await attachRealtime(services, server);
  void reindexMessages(services).catch((err: unknown) => logger.error({ err }, "indexing messages failed"));
  void reindexAnswers(services).catch((err: unknown) => logger.error({ err }, "indexing answers failed"));
  // Statute amendments flag the pages and answers citing them; one check at a time.
  let flagging = Promise.resolve();
  const flagCitations = (snapshot: Snapshot) => {
    flagging = flagging
      .then(async () => {
        await checkStatuteChanges(
          {
            db: database.db,
            logger,
            publicUrl: config.portal.publicUrl,
            notifyUsers: (ids, payload) => chat.notifyUsers(ids, payload as Record<string, unknown>),
          },
          snapshot,
        );
        await resolveStatuteFlags(database.db, snapshot);
      })
      .catch((err: unknown) => logger.warn({ err }, "statute amendment check failed"));
  };
  const stopFlagging = content.onLoad(flagCitations);
  void content
    .current()
    .then(({ data }) => flagCitations(data))
    .catch(() => undefined);
  // The first reminders go out once the content has loaded; then with the periodic jobs.
  void runFreshnessReminders(services).catch((err: unknown) =>
    logger.warn({ err }, "freshness reminders failed"),
  );
  const reindexBoard = () =>
    reindexNotices(services).catch((err: unknown) => logger.error({ err }, "indexing notices failed"));
  void reindexBoard();
  const digests = setInterval(() => {
    chat.runDigests().catch((err: unknown) => logger.error({ err }, "chat digest failed"));
    services.consult
      .autoClose()
      .catch((err: unknown) => logger.error({ err }, "closing answered requests failed"));
    // Expired notices leave search.
    void reindexBoard();
    // External links in the content, each checked once a day.
    content
      .current()
      .then(({ data }) =>
        runLinkCheck({ db: database.db, logger }, data, { net: { ports: config.portal.outboundPorts } }),
      )
      .catch((err: unknown) => logger.warn({ err }, "link check failed"));
    // Owners hear of records falling due (once per record and due date, whichever node runs it).
    runFreshnessReminders(services).catch((err: unknown) =>
      logger.warn({ err }, "freshness reminders failed"),
    );
  }, 10 * 60_000);
  digests.unref();
  const purge = setInterval(() => {
    services.sessions.purgeExpired().catch((err: unknown) => logger.warn({ err }, "session purge failed"));
  }, 10 * 60_000);
  purge.unref();
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${config.portal.host === "0.0.0.0" ? "127.0.0.1" : config.portal.host}:${port}`,
    services,
    database,
    searchSettled: () => indexer.settled(),
    close: () =>
      (closing ??= (async () => {
        clearInterval(purge);
        clearInterval(digests);
        stopFlagging();
        await flagging;
        await gateway.close();
        indexer.stop();
        await pool?.close();
        await search.close();
        await mail.stop();
        await redis?.quit();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await services.usage.close().catch(() => undefined);
        await database.close();
      })()),
  };
}

/** Makes the index's group messages equal to the message store (start, `npm run reindex`). */
export async function reindexMessages(
  services: Pick<Services, "chat" | "search">,
  progress?: (done: number, total: number) => void,
  options: { force?: boolean } = {},
) {
  const docs = [];
  for await (const { message, group } of services.chat.allMessages())
    docs.push(messageDocument(message, group));
  return services.search.reconcile(MESSAGE_SOURCE, docs, progress, options);
}
