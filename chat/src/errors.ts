import { AppError, HETU_MESSAGE } from "@soskes/domain";

export const chatErrors = {
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
  /** Also the answer for what exists but may not be seen: the two are indistinguishable. */
  notFound: () =>
    new AppError(404, "not_found", {
      fi: "Ryhmää tai viestiä ei löytynyt.",
      sv: "Gruppen eller meddelandet hittades inte.",
      en: "The group or message was not found.",
    }),
  invalidInput: (fields: Record<string, string>) =>
    new AppError(
      400,
      "invalid_input",
      { fi: "Tarkista tiedot.", sv: "Kontrollera uppgifterna.", en: "Please check the input." },
      { fields },
    ),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(
      429,
      "rate_limited",
      {
        fi: "Lähetät viestejä liian tiheään. Odota hetki.",
        sv: "Du skickar meddelanden för tätt. Vänta en stund.",
        en: "You are sending too fast. Please wait a moment.",
      },
      { retryAfterSeconds },
    ),
  /** `field`: where the code is (a dotted path into the body), when known. */
  hetuDetected: (field?: string) =>
    new AppError(
      422,
      "hetu_detected",
      { ...HETU_MESSAGE },
      field ? { fields: { [field]: "hetu_detected" } } : {},
    ),
  tooManyConnections: (limit: number) =>
    new AppError(
      429,
      "too_many_connections",
      {
        fi: `Sinulla on jo ${limit} avointa yhteyttä SosKesiin. Sulje ylimääräisiä välilehtiä ja yritä uudelleen.`,
        sv: `Du har redan ${limit} öppna anslutningar till SosKes. Stäng några flikar och försök igen.`,
        en: `You already have ${limit} open connections to SosKes. Close some tabs and try again.`,
      },
      { limit },
    ),
  archived: () =>
    new AppError(409, "group_archived", {
      fi: "Ryhmä on arkistoitu: siihen ei voi enää kirjoittaa.",
      sv: "Gruppen är arkiverad: det går inte längre att skriva i den.",
      en: "The group is archived: nothing can be written in it any more.",
    }),
  notActive: () =>
    new AppError(409, "group_not_active", {
      fi: "Ryhmä odottaa moderaattorin hyväksyntää.",
      sv: "Gruppen väntar på en moderators godkännande.",
      en: "The group is waiting for a moderator's approval.",
    }),
  banned: () =>
    new AppError(403, "banned", {
      fi: "Sinut on estetty tästä ryhmästä.",
      sv: "Du har spärrats från den här gruppen.",
      en: "You have been banned from this group.",
    }),
  lastModerator: () =>
    new AppError(409, "last_moderator", {
      fi: "Ryhmän ainoa moderaattori ei voi poistua. Nimeä ensin toinen moderaattori.",
      sv: "Gruppens enda moderator kan inte lämna den. Utse först en annan moderator.",
      en: "The group's only moderator cannot leave. Appoint another moderator first.",
    }),
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
  nameTaken: () =>
    new AppError(409, "name_taken", {
      fi: "Samanniminen ryhmä on jo olemassa.",
      sv: "Det finns redan en grupp med samma namn.",
      en: "A group with this name already exists.",
    }),
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
