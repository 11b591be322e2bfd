import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "@soskes/config";
import type { Logger } from "pino";
import { compose } from "../compose.js";
import { attachRealtime } from "./realtime.js";

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
  const { config } = options;
  const composition = await compose({ config, logger: options.logger, role: "realtime" });
  const server = createServer((req, res) => {
    if (req.url === "/healthz") {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ status: "ok", role: "realtime" }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  const gateway = await attachRealtime(composition.services, server);
  composition.start();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, config.portal.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${config.portal.host === "0.0.0.0" ? "127.0.0.1" : config.portal.host}:${port}`,
    close: async () => {
      // Processors first: none may emit through a socket adapter that is closing.
      await composition.services.events.stop();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await composition.close();
    },
  };
}
