import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "@soskes/config";
import type { Logger } from "pino";
import { createApp } from "./app.js";
import { attachRealtime } from "./chat/realtime.js";
import { MESSAGE_SOURCE, messageDocument } from "./search/messages.js";
import { checkStatuteChanges, resolveStatuteFlags } from "./content/statute-flags.js";
import { compose } from "./compose.js";
import { reindexAnswers } from "./search/answers.js";
import type { ContentService, Snapshot } from "./content/content-service.js";
import type { PortalDatabase } from "./db/database.js";
import { ensureDemoGroups, ensureDemoPanels, ensureDemoUsers } from "./demo-users.js";
import { PORTAL_JOBS } from "./jobs/index.js";
import { startJobs } from "./jobs/scheduler.js";
import type { MailTransport } from "./mail/outbox.js";
import { followContent } from "./search/indexer.js";
import type { SearchService } from "@soskes/search";
import type { Services } from "./services.js";

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
  eventPollMs?: number;
};

/** Builds the services, creates demo data if enabled, listens, and starts the background work. */
export async function startPortal(options: StartOptions): Promise<Portal> {
  const { config } = options;
  const composition = await compose({ ...options, role: "portal" });
  const { services, database } = composition;
  const { logger, chat, content } = services;
  // The first content load starts before anything else: the CMS answers while the rest starts.
  const indexer = followContent({ content, search: services.search, logger });
  if (config.demo.enabled) {
    const created = await ensureDemoUsers(database.db, config.demo.password);
    if (created > 0) logger.info({ created }, "demo accounts created");
    const groups = await ensureDemoGroups(database.db, chat);
    if (groups > 0) logger.info({ groups }, "demo groups created");
    await ensureDemoPanels(database.db, services.consult);
  }
  const app = createApp(services, { clientDir: options.clientDir });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(options.port ?? config.portal.port, config.portal.host, () => resolve(s));
  });
  const gateway = await attachRealtime(services, server);
  composition.start();
  void reindexMessages(services).catch((err: unknown) => logger.error({ err }, "indexing messages failed"));
  void reindexAnswers(services).catch((err: unknown) => logger.error({ err }, "indexing answers failed"));
  const stopFlagging = followStatuteAmendments(services);
  const jobs = startJobs(services, PORTAL_JOBS);
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
        await jobs.stop();
        await stopFlagging();
        // Processors first: none may emit through a socket adapter that is closing.
        await services.events.stop();
        await gateway.close();
        indexer.stop();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await composition.close();
      })()),
  };
}

/** Statute amendments flag the pages and answers citing them; one check at a time. */
function followStatuteAmendments(services: Services): () => Promise<void> {
  const { db, logger, config, chat, content } = services;
  let flagging = Promise.resolve();
  const flagCitations = (snapshot: Snapshot) => {
    flagging = flagging
      .then(async () => {
        await checkStatuteChanges(
          {
            db,
            logger,
            publicUrl: config.portal.publicUrl,
            notifyUsers: (ids, payload) => chat.notifyUsers(ids, payload as Record<string, unknown>),
          },
          snapshot,
        );
        await resolveStatuteFlags(db, snapshot);
      })
      .catch((err: unknown) => logger.warn({ err }, "statute amendment check failed"));
  };
  const stop = content.onLoad(flagCitations);
  void content
    .current()
    .then(({ data }) => flagCitations(data))
    .catch(() => undefined);
  return async () => {
    stop();
    await flagging;
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
