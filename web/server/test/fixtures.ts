import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, type Config } from "@soskes/config";
import { sql } from "kysely";
import pino, { type Logger } from "pino";
import supertest from "supertest";
import { freePort, freshPostgres } from "../../../tests/helpers/services.js";
import { STATUTES } from "../../../cms/src/seed/reference.js";
import { createCmsClient, type CmsClient } from "../content/cms-client.js";
import { createUser } from "../commands/users.js";
import { createContentService, type ContentService } from "../content/content-service.js";
import { startPortal, type Portal } from "../index.js";
import { smtpSink } from "./smtp.js";

export type DbKind = "sqlite" | "postgres";

/** Every storage test runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: DbKind[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export { freePort, freshPostgres };

export function testConfig(env: Record<string, string>): Config {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "soskes-web-"));
  return loadConfig({
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DEMO_PASSWORD: "Testi-salasana-42",
      HOST: "127.0.0.1",
      ...env,
      DATA_DIR: dataDir,
    },
    dotenv: false,
  });
}

export type SentMail = { to: string; subject: string; text: string };
export type TestPortal = Portal & {
  config: Config;
  drop: () => Promise<void>;
  /** Mail the portal sent, newest last (an in-memory transport behind the real outbox). */
  mailbox: SentMail[];
  /** Waits for the next mail to `to` and returns the first link in it. */
  linkFor: (to: string, pathPrefix: string) => Promise<string>;
};

export async function startTestPortal(
  kind: DbKind,
  options: {
    env?: Record<string, string>;
    content?: ContentService;
    port?: number;
    /** Send mail through a real SMTP server (smtp-server) instead of the in-memory transport. */
    smtp?: boolean;
    /** The portal's logger (default: silent, or TEST_LOG_LEVEL). */
    logger?: Logger;
  } = {},
): Promise<TestPortal> {
  const pgDb = kind === "postgres" ? await freshPostgres("soskes_web") : undefined;
  const sink = options.smtp ? smtpSink() : undefined;
  await sink?.listen();
  const config = testConfig({
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...(sink ? { SMTP_URL: `smtp://127.0.0.1:${sink.port()}` } : {}),
    ...options.env,
  });
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const content =
    options.content ??
    createContentService({
      cms: createCmsClient({ url: config.cms.url, token: config.cms.apiToken, timeoutMs: 2000 }),
      logger,
    });
  const mailbox: SentMail[] = sink ? sink.received : [];
  const portal = await startPortal({
    config,
    logger,
    content,
    port: options.port ?? 0,
    mailPollMs: 50,
    mailTransport: sink
      ? undefined
      : {
          send: (m) => {
            mailbox.push({ to: m.to as string, subject: m.subject ?? "", text: m.text as string });
            return Promise.resolve();
          },
        },
  });
  const linkFor = async (to: string, pathPrefix: string) => {
    for (let i = 0; i < 100; i++) {
      const mail = [...mailbox].reverse().find((m) => m.to === to && m.text.includes(pathPrefix));
      const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
      if (link) return link;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no mail with ${pathPrefix} to ${to}`);
  };
  return {
    ...portal,
    config,
    mailbox,
    linkFor,
    drop: async () => {
      await portal.close();
      await sink?.close();
      await pgDb?.drop();
    },
  };
}

const COOKIE = /soskes\.csrf=([^;]+)/;

/**
 * A browser-like client: keeps cookies and echoes the CSRF cookie in X-CSRF-Token on
 * state-changing requests, as the web client does.
 */
export function browser(portal: Portal) {
  const agent = supertest.agent(portal.server);
  let csrf: string | undefined;
  const remember = (res: supertest.Response) => {
    const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
    for (const c of cookies) {
      const m = COOKIE.exec(c);
      if (m) csrf = m[1];
    }
    return res;
  };
  const ensureToken = async () => {
    if (!csrf) remember(await agent.get("/api/me"));
  };
  const send = async (method: "post" | "patch" | "put" | "delete", url: string, body?: object) => {
    await ensureToken();
    return remember(
      await agent[method](url)
        .set("X-CSRF-Token", csrf ?? "")
        .send(body),
    );
  };
  return {
    agent,
    get: async (url: string) => remember(await agent.get(url)),
    post: (url: string, body?: object) => send("post", url, body),
    patch: (url: string, body?: object) => send("patch", url, body),
    put: (url: string, body?: object) => send("put", url, body),
    delete: (url: string, body?: object) => send("delete", url, body),
    /** Any JSON value (or raw text) as the body, with this browser's session and CSRF token. */
    raw: async (method: "post" | "patch" | "put" | "delete", url: string, body: string) => {
      await ensureToken();
      return remember(
        await agent[method](url)
          .set("X-CSRF-Token", csrf ?? "")
          .set("Content-Type", "application/json")
          .send(body),
      );
    },
    login: async (email: string, password = "Testi-salasana-42") => {
      await ensureToken();
      return remember(
        await agent
          .post("/api/auth/login")
          .set("X-CSRF-Token", csrf ?? "")
          .send({ email, password }),
      );
    },
    sessionCookie: () =>
      agent.jar.getCookie("soskes.sid", { domain: "127.0.0.1", path: "/", secure: false, script: false })
        ?.value,
  };
}

/** Polls `read` until `done` says so (about four seconds at most): for writes that land a little later. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 40 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Strapi as far as an API-level suite needs it: the given collections' records, nothing else. */
export function stubContent(collections: Record<string, unknown[]>): ContentService {
  return createContentService({
    logger: pino({ level: "silent" }),
    cms: {
      all: <T>(collection: string) => Promise.resolve((collections[collection] ?? []) as T[]),
    } as unknown as CmsClient,
  });
}

/** Strapi as far as API-level suites need it: the law from the CMS's own seed, nothing else. */
export const lawOnlyContent = (): ContentService =>
  stubContent({ statutes: STATUTES.map((s) => ({ ...s, aliases: s.aliases.join(", "), serviceAreas: [] })) });

/** A directory unit with every field the content service and the indexer read, empty but for `values`. */
export const stubUnit = (values: { documentId: string; name: string } & Record<string, unknown>) => ({
  nameSv: null,
  description: null,
  website: null,
  alwaysOpen: false,
  openingNote: null,
  verifiedAt: null,
  municipality: null,
  municipalities: [],
  serviceAreas: [],
  parent: null,
  phones: [],
  emails: [],
  visitingAddress: null,
  postalAddress: null,
  openingHours: [],
  openingExceptions: [],
  languages: [],
  contactPersons: [],
  ...values,
});

/** A new account of the given role, signed in through the login route, in a browser-like client. */
export async function signedIn(
  portal: Portal,
  email: string,
  role: "member" | "expert" | "moderator" | "admin" = "member",
  password = "Testi-salasana-42",
): Promise<{ id: number; email: string; web: ReturnType<typeof browser> }> {
  const user = await createUser(portal.database.db, {
    email,
    name: `Testi ${email.split("@")[0]}`,
    password,
    role,
    emailVerified: true,
  });
  const web = browser(portal);
  const res = await web.login(email, password);
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status}`);
  return { id: user.id, email, web };
}

/**
 * A digest of everything the portal has stored, but for what every request may touch
 * (sessions) and what records refusals on purpose (the audit log, the usage counts):
 * a refused request must leave it unchanged.
 */
export async function storedState(portal: Portal): Promise<string> {
  // What earlier requests set off (queued mail, index writes) has landed before the digest.
  await portal.services.events.settled();
  const db = portal.database.db;
  // Event processors' positions and leases move on their own; the events themselves count (a
  // refused request records none).
  const skip = new Set([
    "sessions",
    "audit_log",
    "activity_days",
    "search_misses",
    "content_views",
    "event_processors",
    "leases",
  ]);
  const tables = (
    await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((name) => !skip.has(name) && !name.startsWith("sqlite_") && !name.includes("_fts"));
  const hash = createHash("sha256");
  for (const table of tables) {
    // The mail worker marks messages sent in the background: what was queued is what counts.
    const rows =
      table === "outbox"
        ? await sql`select id, to_address, template, data from outbox`.execute(db)
        : await sql`select * from ${sql.table(table)}`.execute(db);
    hash.update(table).update(JSON.stringify(rows.rows));
  }
  return hash.digest("hex");
}
