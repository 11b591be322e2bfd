import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type * as strapiModule from "@strapi/strapi";
import type { Core } from "@strapi/strapi";
import supertest from "supertest";
import { freshPostgres } from "../../tests/helpers/services";
import type * as configModule from "../config/soskes";
import type * as bootModule from "../src/scripts/boot";
import type * as seedModule from "../src/seed/seed";

const require = createRequire(__filename);
export const CMS_DIR = path.resolve(__dirname, "..");
const DIST = path.join(CMS_DIR, "dist");

export const DEMO_PASSWORD = "Testi-salasana-42";

type SeedModule = typeof seedModule;
type ConfigModule = typeof configModule;
type BootModule = typeof bootModule;

export type TestCms = {
  strapi: Core.Strapi;
  database: "sqlite" | "postgres";
  dataDir: string;
  http: () => ReturnType<typeof supertest>;
  seed: (demo?: boolean) => ReturnType<SeedModule["seed"]>;
  close: () => Promise<void>;
};

/**
 * Boots the built CMS in this worker thread on a fresh SQLite file, or a fresh PostgreSQL
 * database when the project runs with SOSKES_TEST_DB=postgres, and mounts its HTTP server.
 */
export async function startCms(
  options: { seed?: "demo" | "reference" | "none"; env?: Record<string, string> } = {},
): Promise<TestCms> {
  const database = process.env.SOSKES_TEST_DB === "postgres" ? "postgres" : "sqlite";
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "soskes-cms-"));
  const pgDb = database === "postgres" ? await freshPostgres("soskes_cms") : undefined;
  Object.assign(process.env, {
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    AUTO_SEED: "false",
    DEMO_PASSWORD,
    CMS_WEBHOOK_URL: "http://127.0.0.1:9/unused",
    ...options.env,
  });
  if (pgDb) process.env.CMS_DATABASE_URL = pgDb.url;
  else delete process.env.CMS_DATABASE_URL;
  (require(path.join(DIST, "config/soskes.js")) as ConfigModule).resetSoskesConfig();

  const { createStrapi } = require("@strapi/strapi") as typeof strapiModule;
  const app = createStrapi({ appDir: CMS_DIR, distDir: DIST });
  app.log.level = "error";
  await app.load();
  app.server.mount();
  const seedModule = require(path.join(DIST, "src/seed/seed.js")) as SeedModule;
  const seed = (demo = true) => seedModule.seed(app, { demo, demoPassword: DEMO_PASSWORD });
  if (options.seed !== "none") await seed(options.seed !== "reference");

  return {
    strapi: app,
    database,
    dataDir,
    http: () => supertest(app.server.httpServer),
    seed,
    close: async () => {
      await (require(path.join(DIST, "src/scripts/boot.js")) as BootModule).waitForIdleDatabase(app);
      await app.destroy();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in to the Strapi admin API and returns the bearer token. */
export async function adminLogin(cms: TestCms, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await cms.http().post("/admin/login").send({ email, password });
  if (res.status !== 200)
    throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { data: { token: string } }).data.token;
}

export async function documentIdWhere(
  cms: TestCms,
  uid: string,
  where: Record<string, unknown>,
): Promise<string> {
  const row = (await cms.strapi.db.query(uid).findOne({ where, select: ["documentId"] })) as {
    documentId: string;
  } | null;
  if (!row) throw new Error(`no ${uid} matching ${JSON.stringify(where)}`);
  return row.documentId;
}
