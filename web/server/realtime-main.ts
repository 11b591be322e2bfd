/**
 * An extra realtime node: `node web/dist/server/realtime-main.js` (REALTIME_PORT, default 3001),
 * with the same configuration as the portal nodes and REDIS_URL set. See the README's scale-out.
 */
import { loadConfigOrExit } from "@soskes/config";
import pino from "pino";
import { startRealtimeNode } from "./chat/node.js";

const config = loadConfigOrExit();
const logger = pino({ level: config.logLevel, base: { service: "realtime" } });
if (!config.portal.redisUrl)
  logger.warn("REDIS_URL is not set: this node's sockets will not see events from other nodes");

startRealtimeNode({ config, logger, port: Number(process.env.REALTIME_PORT ?? 3001) })
  .then((node) => {
    logger.info({ url: node.url }, "realtime node listening");
    const stop = () => {
      node.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  })
  .catch((err: unknown) => {
    logger.fatal({ err }, "realtime node failed to start");
    process.exit(1);
  });
