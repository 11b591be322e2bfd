import { HETU_MESSAGE } from "./hetu.js";

export type Lang = "fi" | "sv" | "en";
export type Messages = Record<Lang, string>;

/**
 * Every refusal, over HTTP and over a socket alike: an HTTP status, a stable snake_case code, a
 * message in each language, details for the form (`fields`) and headers (Retry-After). REST
 * answers `{data: null, error: {status, name, message, details}}`; socket acks carry the same
 * error object.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Messages,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(messages.en);
  }

  /** The error as it leaves the server, in the reader's language. */
  toWire(lang: Lang) {
    return { status: this.status, name: this.code, message: this.messages[lang], details: this.details };
  }
}

/**
 * The refusals every part of the server gives alike (REST routes, socket events, services): one
 * code and one wording each. Parts add their own (`errors` of the portal, `chatErrors`).
 */
export const commonErrors = {
  unauthorized: () =>
    new AppError(401, "unauthorized", {
      fi: "Kirjaudu sisään jatkaaksesi.",
      sv: "Logga in för att fortsätta.",
      en: "Please log in to continue.",
    }),
  forbidden: () =>
    new AppError(403, "forbidden", {
      fi: "Sinulla ei ole oikeutta tähän.",
      sv: "Du har inte behörighet till detta.",
      en: "You are not allowed to do this.",
    }),
  notFound: () =>
    new AppError(404, "not_found", {
      fi: "Hakemaasi tietoa ei löytynyt.",
      sv: "Det du sökte hittades inte.",
      en: "Not found.",
    }),
  /** `details.fields`: what is wrong in which field, for the form to show beside it. */
  invalidInput: (details: Record<string, unknown>) =>
    new AppError(
      400,
      "invalid_input",
      { fi: "Tarkista tiedot.", sv: "Kontrollera uppgifterna.", en: "Please check the input." },
      details,
    ),
  /** Too many requests of one kind; `messages` says which in the user's words. */
  rateLimited: (retryAfterSeconds: number, messages?: Messages) =>
    new AppError(
      429,
      "rate_limited",
      messages ?? {
        fi: `Liian monta yritystä. Yritä uudelleen ${Math.ceil(retryAfterSeconds / 60)} minuutin kuluttua.`,
        sv: `För många försök. Försök igen om ${Math.ceil(retryAfterSeconds / 60)} minuter.`,
        en: `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      },
      { retryAfterSeconds },
      { "Retry-After": String(retryAfterSeconds) },
    ),
  /** A henkilötunnus in what was written. `field`: where (a dotted path into the body), when known. */
  hetuDetected: (field?: string) =>
    new AppError(
      422,
      "hetu_detected",
      { ...HETU_MESSAGE },
      field ? { fields: { [field]: "hetu_detected" } } : {},
    ),
  /** A store (database, Redis) restarting or out of reach: the same request works in a moment. */
  unavailable: () =>
    new AppError(
      503,
      "service_unavailable",
      {
        fi: "Palvelu on hetken tavoittamattomissa. Yritä uudelleen parin sekunnin kuluttua.",
        sv: "Tjänsten är tillfälligt otillgänglig. Försök igen om ett par sekunder.",
        en: "The service is briefly unavailable. Try again in a few seconds.",
      },
      { retryAfterSeconds: 5 },
    ),
};

// Connection-level failures of PostgreSQL (SQLSTATE class 08, shutdown and start-up 57P0x, too
// many connections 53300), of sockets and of the Redis clients.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const UNAVAILABLE_MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|client has encountered a connection error|the client is closed|socket closed unexpectedly|connection is closed/i;

/**
 * Whether an error means a store is restarting or out of reach (rather than a bug): such a
 * request is answered 503 with Retry-After, and the client tries again.
 */
export function isUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    if (name === "ClientClosedError" || name === "SocketClosedUnexpectedlyError") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
