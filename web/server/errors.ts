import { AppError, commonErrors } from "@soskes/domain";

export const errors = {
  ...commonErrors,
  invalidCredentials: () =>
    new AppError(401, "invalid_credentials", {
      fi: "Sähköpostiosoite tai salasana on väärin.",
      sv: "Fel e-postadress eller lösenord.",
      en: "The e-mail address or password is wrong.",
    }),
  csrf: () =>
    new AppError(403, "csrf_failed", {
      fi: "Istunnon suojaus ei täsmää. Päivitä sivu ja yritä uudelleen.",
      sv: "Sessionens skydd stämmer inte. Uppdatera sidan och försök igen.",
      en: "The session check failed. Reload the page and try again.",
    }),
  unknownRoute: () =>
    new AppError(404, "unknown_route", {
      fi: "Tätä rajapinnan osoitetta ei ole.",
      sv: "Denna API-adress finns inte.",
      en: "There is no such API address.",
    }),
  accountUnavailable: () =>
    new AppError(403, "account_unavailable", {
      fi: "Tunnus ei ole käytössä. Ota yhteyttä portaalin ylläpitoon.",
      sv: "Kontot är inte i bruk. Kontakta portalens administratörer.",
      en: "This account is not in use. Please contact the portal's administrators.",
    }),
  invalidToken: () =>
    new AppError(400, "invalid_token", {
      fi: "Linkki on vanhentunut tai jo käytetty. Pyydä uusi linkki.",
      sv: "Länken har gått ut eller redan använts. Be om en ny länk.",
      en: "The link has expired or has already been used. Please ask for a new one.",
    }),
  wrongPassword: () =>
    new AppError(400, "wrong_password", {
      fi: "Nykyinen salasana on väärin.",
      sv: "Det nuvarande lösenordet är fel.",
      en: "The current password is wrong.",
    }),
  alreadyMember: () =>
    new AppError(409, "already_member", {
      fi: "Osoitteella on jo tunnus.",
      sv: "Adressen har redan ett konto.",
      en: "This address already has an account.",
    }),
  cmsUnavailable: () =>
    new AppError(503, "cms_unavailable", {
      fi: "Sisältöpalvelu ei juuri nyt vastaa. Yritä hetken kuluttua uudelleen.",
      sv: "Innehållstjänsten svarar inte just nu. Försök igen om en stund.",
      en: "The content service is not answering right now. Please try again shortly.",
    }),
};
