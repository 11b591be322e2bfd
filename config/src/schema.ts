import { z } from "zod";

/** Names of the secrets SosKes needs; generated on first start outside production. */
export const SECRET_NAMES = [
  "APP_KEYS",
  "API_TOKEN_SALT",
  "ADMIN_JWT_SECRET",
  "TRANSFER_TOKEN_SALT",
  "ENCRYPTION_KEY",
  "SESSION_SECRET",
  "WEBHOOK_SECRET",
  "CMS_API_TOKEN",
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Kinds of content; PUBLIC_CONTENT may open any of them to visitors. */
export const CONTENT_KINDS = ["directory", "statutes", "service-areas", "events", "news", "links"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

const port = (fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be a port number from 1 to 65535")
    .max(65535, "must be a port number from 1 to 65535")
    .default(fallback);

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), {
    error: "must be an http(s) URL such as http://localhost:3000",
  })
  .transform((v) => v.replace(/\/+$/, ""));

const optionalHttpUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(httpUrl.optional())
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    error: "must be a PostgreSQL URL such as postgres://user:pass@localhost:5432/soskes",
  })
  .optional();

const secret = (minLength: number) =>
  z.string().trim().min(minLength, `must be at least ${minLength} characters long`).optional();

/**
 * Every setting SosKes reads from the environment. Defaults give the embedded
 * single-machine mode; the README's configuration table mirrors this schema.
 */
export const EnvSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], {
      error: "must be development, production or test",
    })
    .default("development"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  DATA_DIR: z.string().trim().min(1, "must not be empty").default("./data"),
  HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
  PORT: port(3000),
  CMS_PORT: port(1337),
  PUBLIC_URL: optionalHttpUrl,
  CMS_URL: optionalHttpUrl,
  CMS_PUBLIC_URL: optionalHttpUrl,
  CMS_DATABASE_URL: postgresUrl,
  DATABASE_URL: postgresUrl,
  PUBLIC_CONTENT: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || v.split(",").every((k) => (CONTENT_KINDS as readonly string[]).includes(k.trim())), {
      error: `must be a comma-separated list of: ${CONTENT_KINDS.join(", ")}`,
    }),
  SEARCH_WORKERS: z.coerce
    .number({ error: "must be a whole number from 0 to 16" })
    .int("must be a whole number from 0 to 16")
    .min(0, "must be a whole number from 0 to 16")
    .max(16, "must be a whole number from 0 to 16")
    .optional(),
  MEILI_URL: optionalHttpUrl,
  MEILI_API_KEY: z.string().trim().max(500).optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{0,40}$/, "may hold only a-z, 0-9, _ and - (at most 40)")
    .optional(),
  CONSULT_AUTO_CLOSE_DAYS: z.coerce
    .number({ error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(365, "must be at most 365 days")
    .default(14),
  ALLOWED_ORIGINS: z
    .string()
    .trim()
    .optional()
    .refine(
      (v) =>
        !v || v.split(",").every((o) => /^https?:\/\/[^\s/]+\/?$/.test(o.trim()) && URL.canParse(o.trim())),
      {
        error: "must be a comma-separated list of origins such as https://soskes.example.fi",
      },
    ),
  OIDC_ISSUER: optionalHttpUrl,
  OIDC_CLIENT_ID: z.string().trim().max(200).optional(),
  OIDC_CLIENT_SECRET: z.string().trim().max(500).optional(),
  OIDC_NAME: z.string().trim().max(80).optional(),
  REDIS_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || (/^rediss?:\/\//.test(v) && URL.canParse(v)), {
      error: "must be a Redis URL such as redis://localhost:6379",
    })
    .optional(),
  SMTP_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || (/^smtps?:\/\//.test(v) && URL.canParse(v)), {
      error: "must be an SMTP URL such as smtp://user:pass@mail.example.org:587",
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .min(3, "must be an address such as SosKes <no-reply@soskes.example>")
    .default("SosKes <no-reply@soskes.example>"),
  ORG_EMAIL_DOMAINS: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || v.split(",").every((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(d.trim())), {
      error: "must be a comma-separated list of e-mail domains such as hyvaks.fi,jyvaskyla.fi",
    }),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(5, "must be at least 5 minutes")
    .max(24 * 60, "must be at most 1440 minutes")
    .default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number({ error: "must be a whole number of hours" })
    .int("must be a whole number of hours")
    .min(1, "must be at least 1 hour")
    .max(24 * 14, "must be at most 336 hours")
    .default(12),
  SOCKETS_PER_MEMBER: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(500, "must be at most 500")
    .default(20),
  OUTBOUND_PORTS: z
    .string()
    .trim()
    .default("80,443")
    .refine(
      (v) => v.split(",").every((p) => /^\d{1,5}$/.test(p.trim()) && Number(p) >= 1 && Number(p) <= 65535),
      { error: "must be a comma-separated list of port numbers such as 80,443" },
    ),
  CMS_WEBHOOK_URL: optionalHttpUrl,
  DEMO_DATA: z
    .enum(["true", "false", "1", "0", "yes", "no", ""], { error: "must be true or false" })
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : ["true", "1", "yes"].includes(v))),
  AUTO_SEED: z
    .enum(["true", "false", "1", "0", "yes", "no", ""], { error: "must be true or false" })
    .optional()
    .transform((v) => v === undefined || v === "" || ["true", "1", "yes"].includes(v)),
  DEMO_PASSWORD: z
    .string()
    .optional()
    .refine(
      (v) =>
        v === undefined || v === "" || (v.length >= 8 && /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v)),
      { error: "must be at least 8 characters with a lower-case letter, a capital and a digit" },
    ),
  APP_KEYS: secret(16).refine((v) => v === undefined || v.split(",").every((k) => k.trim().length >= 16), {
    error: "must be a comma-separated list of keys, each at least 16 characters long",
  }),
  API_TOKEN_SALT: secret(16),
  ADMIN_JWT_SECRET: secret(16),
  TRANSFER_TOKEN_SALT: secret(16),
  ENCRYPTION_KEY: secret(16),
  SESSION_SECRET: secret(32),
  WEBHOOK_SECRET: secret(32),
  CMS_API_TOKEN: secret(32),
});
export type Env = z.infer<typeof EnvSchema>;
