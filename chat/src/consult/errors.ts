import { AppError, commonErrors } from "@soskes/domain";
import type { AnonymisationFlag } from "./anonymise.js";

/** eKonsultaatio's refusals: stable codes, messages in the member's language. */
export const consultErrors = {
  /** The same answer for a request that does not exist and one the actor may not see. */
  notFound: () =>
    new AppError(404, "not_found", {
      fi: "Pyyntöä tai paneelia ei löytynyt.",
      sv: "Begäran eller panelen hittades inte.",
      en: "The request or panel was not found.",
    }),
  conflictOfInterest: () =>
    new AppError(403, "conflict_of_interest", {
      fi: "Et voi ottaa tätä pyyntöä: kysyjä on samasta yksiköstä kuin sinä.",
      sv: "Du kan inte ta denna begäran: frågeställaren är från samma enhet som du.",
      en: "You cannot take this request: the requester works in your own unit.",
    }),
  alreadyClaimed: () =>
    new AppError(409, "already_claimed", {
      fi: "Toinen asiantuntija on jo ottanut pyynnön.",
      sv: "En annan expert har redan tagit begäran.",
      en: "Another expert has already taken this request.",
    }),
  noPanel: () =>
    new AppError(422, "no_panel", {
      fi: "Tälle palvelualueelle ei ole vielä asiantuntijapaneelia.",
      sv: "Det finns ännu ingen expertpanel för detta serviceområde.",
      en: "There is no expert panel for this service area yet.",
    }),
  flagged: (flags: AnonymisationFlag[]) =>
    new AppError(
      422,
      "anonymisation_flags",
      {
        fi: "Tekstissä voi olla asiakkaan tunnistetietoja (nimi, osoite tai syntymäaika). Poista ne tai vahvista, ettei merkitty kohta koske asiakasta.",
        sv: "Texten kan innehålla uppgifter som identifierar klienten (namn, adress eller födelsedatum). Ta bort dem eller bekräfta att det markerade inte gäller klienten.",
        en: "The text may identify a client (a name, an address or a birth date). Remove them, or confirm that what is marked is not about the client.",
      },
      { flags },
    ),
  wrongState: () =>
    new AppError(409, "wrong_state", {
      fi: "Pyynnön tila ei salli tätä juuri nyt.",
      sv: "Begärans status tillåter inte detta just nu.",
      en: "The request's status does not allow this now.",
    }),
  panelTaken: () =>
    new AppError(409, "panel_exists", {
      fi: "Palvelualueella on jo paneeli.",
      sv: "Serviceområdet har redan en panel.",
      en: "The service area already has a panel.",
    }),

  noConsent: () =>
    new AppError(409, "no_consent", {
      fi: "Vastausta ei voi julkaista: kysyjä ei ole antanut siihen suostumusta, tai pyyntö on vielä auki.",
      sv: "Svaret kan inte publiceras: frågeställaren har inte gett sitt samtycke, eller begäran är ännu öppen.",
      en: "The answer cannot be published: the requester has not consented, or the request is still open.",
    }),
  published: () =>
    new AppError(409, "answer_published", {
      fi: "Vastaus on jo julkaistu. Paneelin vetäjä voi vetää sen takaisin muokattavaksi.",
      sv: "Svaret är redan publicerat. Panelens ledare kan dra tillbaka det för redigering.",
      en: "The answer is already published. The panel lead can withdraw it for editing.",
    }),
  reviewDate: () => commonErrors.invalidInput({ fields: { reviewOn: "review_date" } }),
};
