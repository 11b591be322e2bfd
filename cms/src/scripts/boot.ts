import path from "node:path";
import { createStrapi, type Core } from "@strapi/strapi";

/** Loads the built CMS without starting its HTTP server, runs `fn`, and shuts it down. */
export async function withStrapi<T>(fn: (strapi: Core.Strapi) => Promise<T>): Promise<T> {
  const appDir = path.resolve(__dirname, "..", "..", "..");
  const app = createStrapi({ appDir, distDir: path.join(appDir, "dist") });
  app.log.level = process.env.LOG_LEVEL ?? "warn";
  await app.load();
  try {
    return await fn(app);
  } finally {
    await waitForIdleDatabase(app);
    await app.destroy();
  }
}

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Strapi writes content-history versions after a transaction commits without awaiting them;
 * shutting down before they finish would abort those writes. Wait until the pool is idle.
 */
export async function waitForIdleDatabase(app: Core.Strapi, timeoutMs = 10_000): Promise<void> {
  const pool = (app.db.connection.client as { pool?: Pool }).pool;
  if (!pool) return;
  const deadline = Date.now() + timeoutMs;
  let idleTicks = 0;
  while (Date.now() < deadline && idleTicks < 3) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
    idleTicks = busy === 0 ? idleTicks + 1 : 0;
  }
}
