import { AppError, commonErrors } from "@soskes/domain";

export const chatErrors = {
  ...commonErrors,
  rateLimited: (retryAfterSeconds: number) =>
    commonErrors.rateLimited(retryAfterSeconds, {
      fi: "Lähetät viestejä liian tiheään. Odota hetki.",
      sv: "Du skickar meddelanden för tätt. Vänta en stund.",
      en: "You are sending too fast. Please wait a moment.",
    }),
  /** Also the answer for what exists but may not be seen: the two are indistinguishable. */
  notFound: () =>
    new AppError(404, "not_found", {
      fi: "Ryhmää tai viestiä ei löytynyt.",
      sv: "Gruppen eller meddelandet hittades inte.",
      en: "The group or message was not found.",
    }),
  /** `field`: where the code is (a dotted path into the body), when known. */
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
  nameTaken: () =>
    new AppError(409, "name_taken", {
      fi: "Samanniminen ryhmä on jo olemassa.",
      sv: "Det finns redan en grupp med samma namn.",
      en: "A group with this name already exists.",
    }),
};
