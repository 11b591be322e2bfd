import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfigOrExit } from "@soskes/config";
import pino from "pino";
import { startPortal } from "./index.js";

const config = loadConfigOrExit();
const logger = pino({ level: config.logLevel, base: { service: "portal" } });
const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "client");

startPortal({ config, logger, clientDir })
  .then((portal) => {
    logger.info({ url: config.portal.publicUrl }, "portal listening");
    const stop = () => {
      portal.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  })
  .catch((err: unknown) => {
    logger.fatal({ err }, "portal failed to start");
    process.exit(1);
  });
