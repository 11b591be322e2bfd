import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseDotenv } from "dotenv";
import { EnvSchema, SECRET_NAMES, type ContentKind, type SecretName } from "./schema";
import { ensureSecretsFile } from "./secrets";

export type DatabaseConfig =
  { client: "sqlite"; filename: string } | { client: "postgres"; connectionString: string };

export type Config = {
  root: string;
  env: "development" | "production" | "test";
  isProduction: boolean;
  logLevel: string;
  dataDir: string;
  secretsFile: string | undefined;
  portal: {
    host: string;
    port: number;
    publicUrl: string;
    database: DatabaseConfig;
    /** Sessions live in Redis when set (several portal nodes), else in the portal database. */
    redisUrl: string | undefined;
    /** Browser origins besides PUBLIC_URL's that may open a realtime connection. */
    allowedOrigins: string[];
    /** Sessions end after this much inactivity, and in any case after the absolute limit. */
    session: { idleMs: number; absoluteMs: number };
    /** Realtime connections one member may hold open on one node at a time. */
    socketsPerMember: number;
    /** Ports the portal may reach at addresses members and maintainers supply (the link check). */
    outboundPorts: number[];
  };
  cms: {
    host: string;
    port: number;
    /** Where the portal server reaches Strapi. */
    url: string;
    /** Where a maintainer's browser reaches the Strapi admin. */
    publicUrl: string;
    database: DatabaseConfig;
    webhookUrl: string;
    webhookSecret: string;
    apiToken: string;
    appKeys: string[];
    apiTokenSalt: string;
    adminJwtSecret: string;
    transferTokenSalt: string;
    encryptionKey: string;
  };
  session: { secret: string };
  mail: {
    /** SMTP when set; otherwise messages are written as .eml files under DATA_DIR/mail. */
    smtpUrl: string | undefined;
    from: string;
    dir: string;
  };
  /**
   * Search: the embedded engine's index under DATA_DIR/search, or Meilisearch when MEILI_URL
   * is set (for several portal nodes sharing one index).
   */
  search: {
    dir: string;
    /** Worker threads answering searches of the embedded index; 0 = the main thread. */
    workers: number | undefined;
    meili: { url: string; apiKey: string | undefined; indexPrefix: string } | undefined;
  };
  /** Content visitors may read without logging in; everything else is for members only. */
  publicContent: ContentKind[];
  /** eKonsultaatio: answered requests close by themselves after this many days. */
  consult: { autoCloseDays: number };
  /** Single sign-on with the organisation's OpenID Connect provider, when configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | undefined;
  /** Addresses at these domains may register themselves (with e-mail verification). */
  orgEmailDomains: string[];
  demo: { enabled: boolean; password: string; passwordIsDefault: boolean };
  /** Seed reference data (and demo data when enabled) on the first start of an empty CMS. */
  autoSeed: boolean;
};

export type ConfigProblem = { key: string; message: string };

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export const DEFAULT_DEMO_PASSWORD = "Demo-salasana-2026";

/** The repository root: config/dist/load.js lives two levels below it. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

export function formatProblems(problems: ConfigProblem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return [
    `SosKes cannot start: the configuration has ${count}.`,
    ...problems.map((p) => `  - ${p.key}: ${p.message}`),
    "Set these in the environment or in .env at the project root; the README's configuration table lists every setting.",
  ].join("\n");
}

export type LoadOptions = {
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Project root used for .env and relative DATA_DIR; defaults to the repository root. */
  root?: string;
  /** Read <root>/.env when present (default true). */
  dotenv?: boolean;
};

function readDotenv(root: string): Record<string, string> {
  const file = path.join(root, ".env");
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {};
}

const SECRET_SET = new Set<string>(SECRET_NAMES);

/**
 * Reads and checks every setting. Throws ConfigError listing every problem at once;
 * outside production it creates the missing secrets in DATA_DIR/secrets.json.
 */
export function loadConfig(options: LoadOptions = {}): Config {
  const root = options.root ?? PROJECT_ROOT;
  const raw = {
    ...(options.dotenv === false ? {} : readDotenv(root)),
    ...(options.env ?? process.env),
  };
  const result = EnvSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path.map(String).join(".") || "(environment)";
        const value = raw[key];
        const shown =
          value !== undefined && !SECRET_SET.has(key) && value.length <= 80 ? ` (got "${value}")` : "";
        return { key, message: issue.message + shown };
      }),
    );
  }
  const env = result.data;
  const isProduction = env.NODE_ENV === "production";
  const dataDir = path.resolve(root, env.DATA_DIR);
  const given: Partial<Record<SecretName, string>> = {};
  for (const name of SECRET_NAMES) {
    const value = env[name];
    if (value) given[name] = value;
  }

  const problems: ConfigProblem[] = [];
  let secretsFile: string | undefined;
  let secrets: Record<SecretName, string>;
  if (isProduction) {
    for (const name of SECRET_NAMES) {
      if (!given[name]) {
        problems.push({ key: name, message: "is required when NODE_ENV=production" });
      }
    }
    secrets = given as Record<SecretName, string>;
  } else {
    try {
      const ensured = ensureSecretsFile(dataDir, given);
      secrets = ensured.secrets;
      secretsFile = ensured.file;
    } catch (err) {
      throw new ConfigError([
        {
          key: "DATA_DIR",
          message: `cannot read or create ${path.join(dataDir, "secrets.json")}: ${(err as Error).message}`,
        },
      ]);
    }
  }
  const demoEnabled = env.DEMO_DATA ?? !isProduction;
  if (isProduction && demoEnabled && !env.DEMO_PASSWORD) {
    problems.push({
      key: "DEMO_PASSWORD",
      message: "is required when DEMO_DATA=true and NODE_ENV=production",
    });
  }
  const oidcParts = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    for (const [key, value] of [
      ["OIDC_ISSUER", env.OIDC_ISSUER],
      ["OIDC_CLIENT_ID", env.OIDC_CLIENT_ID],
      ["OIDC_CLIENT_SECRET", env.OIDC_CLIENT_SECRET],
    ] as const) {
      if (!value) problems.push({ key, message: "is required with the other OIDC_ settings" });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const cmsUrl = env.CMS_URL ?? `http://127.0.0.1:${env.CMS_PORT}`;
  return {
    root,
    env: env.NODE_ENV,
    isProduction,
    logLevel: env.LOG_LEVEL,
    dataDir,
    secretsFile,
    portal: {
      host: env.HOST,
      port: env.PORT,
      publicUrl,
      database: env.DATABASE_URL
        ? { client: "postgres", connectionString: env.DATABASE_URL }
        : { client: "sqlite", filename: path.join(dataDir, "portal.db") },
      redisUrl: env.REDIS_URL,
      allowedOrigins: (env.ALLOWED_ORIGINS ?? "")
        .split(",")
        .map((o) => o.trim().replace(/\/+$/, ""))
        .filter(Boolean),
      session: {
        idleMs: env.SESSION_IDLE_MINUTES * 60_000,
        absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
      },
      socketsPerMember: env.SOCKETS_PER_MEMBER,
      outboundPorts: env.OUTBOUND_PORTS.split(",").map((p) => Number(p.trim())),
    },
    cms: {
      host: env.HOST,
      port: env.CMS_PORT,
      url: cmsUrl,
      publicUrl: env.CMS_PUBLIC_URL ?? `http://localhost:${env.CMS_PORT}`,
      database: env.CMS_DATABASE_URL
        ? { client: "postgres", connectionString: env.CMS_DATABASE_URL }
        : { client: "sqlite", filename: path.join(dataDir, "cms.db") },
      webhookUrl: env.CMS_WEBHOOK_URL ?? `http://127.0.0.1:${env.PORT}/api/cms/webhook`,
      webhookSecret: secrets.WEBHOOK_SECRET,
      apiToken: secrets.CMS_API_TOKEN,
      appKeys: secrets.APP_KEYS.split(",").map((k) => k.trim()),
      apiTokenSalt: secrets.API_TOKEN_SALT,
      adminJwtSecret: secrets.ADMIN_JWT_SECRET,
      transferTokenSalt: secrets.TRANSFER_TOKEN_SALT,
      encryptionKey: secrets.ENCRYPTION_KEY,
    },
    session: { secret: secrets.SESSION_SECRET },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, dir: path.join(dataDir, "mail") },
    search: {
      dir: path.join(dataDir, "search"),
      workers: env.SEARCH_WORKERS,
      meili: env.MEILI_URL
        ? { url: env.MEILI_URL, apiKey: env.MEILI_API_KEY, indexPrefix: env.MEILI_INDEX_PREFIX ?? "soskes_" }
        : undefined,
    },
    consult: { autoCloseDays: env.CONSULT_AUTO_CLOSE_DAYS },
    publicContent: (env.PUBLIC_CONTENT ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean) as Config["publicContent"],
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            name: env.OIDC_NAME ?? "Organisaation tunnus",
          }
        : undefined,
    orgEmailDomains: (env.ORG_EMAIL_DOMAINS ?? (demoEnabled ? "demo.soskes.example" : ""))
      .split(",")
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
    demo: {
      enabled: demoEnabled,
      password: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
      passwordIsDefault: !env.DEMO_PASSWORD,
    },
    autoSeed: env.AUTO_SEED,
  };
}

/** For process entry points: load, or print the readable message and exit non-zero. */
export function loadConfigOrExit(options: LoadOptions = {}): Config {
  try {
    return loadConfig(options);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + "\n");
      process.exit(1);
    }
    throw err;
  }
}
