import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Config } from "@soskes/config";
import { createEmbeddedEngine, createMeiliEngine, createSearchService } from "@soskes/search";
import { Passport } from "passport";
import type { Logger } from "pino";
import { createClient, type RedisClientType } from "redis";
import { DatabaseSessionStore } from "../auth/session-store.js";
import { RedisSessionStore } from "../auth/redis-session-store.js";
import { migrate, openDatabase } from "../db/database.js";
import { configurePassport } from "../routes/auth/auth.js";
import { attachRealtime, createPortalChat } from "./realtime.js";

export type RealtimeNode = { server: Server; url: string; close: () => Promise<void> };

/**
 * An extra realtime node for scaling out: Socket.IO only (and /healthz), sharing the portal's
 * database, sessions (Redis) and search index. With REDIS_URL its events reach the sockets of
 * every other node, and theirs reach its own.
 */
export async function startRealtimeNode(options: {
  config: Config;
  logger: Logger;
  port?: number;
}): Promise<RealtimeNode> {
  const { config, logger } = options;
  const database = openDatabase(config.portal.database);
  await migrate(database);
  let redis: RedisClientType | undefined;
  if (config.portal.redisUrl) {
    redis = createClient({ url: config.portal.redisUrl });
    redis.on("error", (err: unknown) => logger.error({ err }, "redis error"));
    await redis.connect();
  }
  const meili = config.search.meili;
  const search = createSearchService({
    engine: meili
      ? createMeiliEngine({ host: meili.url, apiKey: meili.apiKey, indexPrefix: meili.indexPrefix })
      : createEmbeddedEngine(path.join(config.search.dir, "index.sqlite")),
    logger,
  });
  const services = {
    config,
    db: database.db,
    logger,
    sessions: redis
      ? new RedisSessionStore(redis, config.portal.session.idleMs)
      : new DatabaseSessionStore(database.db, config.portal.session.idleMs),
    sessionCookieName: "soskes.sid",
    passport: new Passport(),
    chat: createPortalChat({ config, db: database.db, dialect: database.dialect, search, logger }),
    realtime: { disconnectUser() {}, disconnectSessions() {} },
  };
  configurePassport(services);
  const server = createServer((req, res) => {
    if (req.url === "/healthz") {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ status: "ok", role: "realtime" }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  const gateway = await attachRealtime(services, server);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, config.portal.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${config.portal.host === "0.0.0.0" ? "127.0.0.1" : config.portal.host}:${port}`,
    close: async () => {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await search.close();
      await redis?.quit();
      await database.close();
    },
  };
}
