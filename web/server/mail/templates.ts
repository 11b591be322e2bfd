import type { Lang } from "../i18n.js";

export type MailContent = { subject: string; text: string; html: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Parts = {
  subject: string;
  greeting: string;
  lines: string[];
  action?: { label: string; url: string };
  footer: string;
};

function render(parts: Parts): MailContent {
  const text = [
    parts.greeting,
    "",
    ...parts.lines,
    ...(parts.action ? ["", `${parts.action.label}:`, parts.action.url] : []),
    "",
    "—",
    parts.footer,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#1b1f24">
<p>${escape(parts.greeting)}</p>
${parts.lines.map((l) => `<p>${escape(l)}</p>`).join("\n")}
${parts.action ? `<p><a href="${escape(parts.action.url)}" style="display:inline-block;padding:10px 16px;background:#0b5c8c;color:#fff;text-decoration:none;border-radius:6px">${escape(parts.action.label)}</a></p><p style="font-size:13px;color:#4a5360">${escape(parts.action.url)}</p>` : ""}
<hr><p style="font-size:13px;color:#4a5360">${escape(parts.footer)}</p>
</body></html>`;
  return { subject: parts.subject, text, html };
}

const FOOTER: Record<Lang, string> = {
  fi: "SosKes – Keski-Suomen sosiaalialan ammattilaisten portaali. Tähän viestiin ei voi vastata.",
  sv: "SosKes – portalen för yrkesverksamma inom socialvården i Mellersta Finland. Det går inte att svara på detta meddelande.",
  en: "SosKes – the portal for social-welfare professionals in Central Finland. Please do not reply to this message.",
};

type Data = Record<string, string>;
type Texts = Record<Lang, string>;

const OPEN_GROUP: Texts = { fi: "Avaa ryhmä", sv: "Öppna gruppen", en: "Open the group" };
const OPEN_REQUEST: Texts = { fi: "Avaa pyyntö", sv: "Öppna begäran", en: "Open the request" };

/** A notice to a member by name, with its texts in every language and one link (`d.url`). */
function notice(
  lang: Lang,
  d: Data,
  parts: { subject: Texts; lines: Texts[]; extra?: string[]; action: Texts },
): MailContent {
  return render({
    subject: parts.subject[lang],
    greeting: { fi: `Hei ${d.name},`, sv: `Hej ${d.name},`, en: `Hello ${d.name},` }[lang],
    lines: [...parts.lines.map((line) => line[lang]), ...(parts.extra ?? [])],
    action: { label: parts.action[lang], url: d.url ?? "" },
    footer: FOOTER[lang],
  });
}

/**
 * Mail templates in Finnish, Swedish and English. Messages carry links, never content from
 * conversations or consultations.
 */
export const TEMPLATES: Record<string, (lang: Lang, d: Data) => MailContent> = {
  "verify-email": (lang, d) =>
    render({
      subject: {
        fi: "Vahvista sähköpostiosoitteesi",
        sv: "Bekräfta din e-postadress",
        en: "Confirm your e-mail address",
      }[lang],
      greeting: { fi: `Hei ${d.name},`, sv: `Hej ${d.name},`, en: `Hello ${d.name},` }[lang],
      lines: [
        {
          fi: "Vahvista sähköpostiosoitteesi, niin SosKes-tunnuksesi otetaan käyttöön. Linkki on voimassa 24 tuntia.",
          sv: "Bekräfta din e-postadress så tas ditt SosKes-konto i bruk. Länken gäller i 24 timmar.",
          en: "Confirm your e-mail address to activate your SosKes account. The link is valid for 24 hours.",
        }[lang],
      ],
      action: {
        label: { fi: "Vahvista osoite", sv: "Bekräfta adressen", en: "Confirm address" }[lang],
        url: d.url ?? "",
      },
      footer: FOOTER[lang],
    }),
  "already-registered": (lang, d) =>
    render({
      subject: { fi: "SosKes-tunnuksesi", sv: "Ditt SosKes-konto", en: "Your SosKes account" }[lang],
      greeting: { fi: "Hei,", sv: "Hej,", en: "Hello," }[lang],
      lines: [
        {
          fi: "Osoitteellesi yritettiin rekisteröidä SosKes-tunnus, mutta sinulla on jo tunnus. Jos unohdit salasanasi, voit vaihtaa sen.",
          sv: "Någon försökte registrera ett SosKes-konto med din adress, men du har redan ett konto. Om du har glömt lösenordet kan du byta det.",
          en: "Someone tried to register a SosKes account with your address, but you already have one. If you forgot your password, you can reset it.",
        }[lang],
      ],
      action: {
        label: { fi: "Vaihda salasana", sv: "Byt lösenord", en: "Reset password" }[lang],
        url: d.url ?? "",
      },
      footer: FOOTER[lang],
    }),
  "access-requested": (lang, d) =>
    render({
      subject: {
        fi: "Käyttöoikeuspyyntösi on vastaanotettu",
        sv: "Din begäran om åtkomst har tagits emot",
        en: "Your access request has been received",
      }[lang],
      greeting: { fi: `Hei ${d.name},`, sv: `Hej ${d.name},`, en: `Hello ${d.name},` }[lang],
      lines: [
        {
          fi: "Portaalin ylläpito käsittelee pyyntösi. Saat sähköpostin, kun tunnuksesi on hyväksytty.",
          sv: "Portalens administratörer behandlar din begäran. Du får ett e-postmeddelande när kontot har godkänts.",
          en: "The portal's administrators will handle your request. You will get an e-mail when your account has been approved.",
        }[lang],
      ],
      footer: FOOTER[lang],
    }),
  "access-approved": (lang, d) =>
    render({
      subject: {
        fi: "SosKes-tunnuksesi on hyväksytty",
        sv: "Ditt SosKes-konto har godkänts",
        en: "Your SosKes account has been approved",
      }[lang],
      greeting: { fi: `Hei ${d.name},`, sv: `Hej ${d.name},`, en: `Hello ${d.name},` }[lang],
      lines: [
        {
          fi: "Voit nyt kirjautua SosKesiin.",
          sv: "Du kan nu logga in i SosKes.",
          en: "You can now log in to SosKes.",
        }[lang],
      ],
      action: { label: { fi: "Kirjaudu", sv: "Logga in", en: "Log in" }[lang], url: d.url ?? "" },
      footer: FOOTER[lang],
    }),
  "access-refused": (lang, d) =>
    render({
      subject: { fi: "Käyttöoikeuspyyntösi", sv: "Din begäran om åtkomst", en: "Your access request" }[lang],
      greeting: { fi: `Hei ${d.name},`, sv: `Hej ${d.name},`, en: `Hello ${d.name},` }[lang],
      lines: [
        {
          fi: "SosKes on tarkoitettu alueen sosiaalialan ammattilaisille, eikä pyyntöäsi voitu hyväksyä. Jos tämä on virhe, ota yhteyttä organisaatiosi yhteyshenkilöön.",
          sv: "SosKes är avsett för yrkesverksamma inom socialvården i området och din begäran kunde inte godkännas. Om detta är ett misstag, kontakta din organisations kontaktperson.",
          en: "SosKes is meant for the region's social-welfare professionals and your request could not be approved. If this is a mistake, please contact your organisation's contact person.",
        }[lang],
      ],
      footer: FOOTER[lang],
    }),
  invite: (lang, d) =>
    render({
      subject: { fi: "Kutsu SosKesiin", sv: "Inbjudan till SosKes", en: "Invitation to SosKes" }[lang],
      greeting: { fi: "Hei,", sv: "Hej,", en: "Hello," }[lang],
      lines: [
        {
          fi: `${d.inviter} kutsui sinut SosKesiin, Keski-Suomen sosiaalialan ammattilaisten portaaliin. Kutsu on voimassa 7 päivää.`,
          sv: `${d.inviter} bjöd in dig till SosKes, portalen för yrkesverksamma inom socialvården i Mellersta Finland. Inbjudan gäller i 7 dagar.`,
          en: `${d.inviter} invited you to SosKes, the portal for social-welfare professionals in Central Finland. The invitation is valid for 7 days.`,
        }[lang],
      ],
      action: {
        label: { fi: "Ota tunnus käyttöön", sv: "Ta kontot i bruk", en: "Activate your account" }[lang],
        url: d.url ?? "",
      },
      footer: FOOTER[lang],
    }),
  "password-reset": (lang, d) =>
    render({
      subject: { fi: "Salasanan vaihtaminen", sv: "Byte av lösenord", en: "Resetting your password" }[lang],
      greeting: { fi: `Hei ${d.name},`, sv: `Hej ${d.name},`, en: `Hello ${d.name},` }[lang],
      lines: [
        {
          fi: "Voit vaihtaa salasanasi alla olevasta linkistä. Linkki toimii kerran ja on voimassa tunnin. Jos et pyytänyt vaihtoa, voit jättää viestin huomiotta.",
          sv: "Du kan byta lösenord via länken nedan. Länken fungerar en gång och gäller i en timme. Om du inte bad om bytet kan du ignorera meddelandet.",
          en: "You can reset your password with the link below. It works once and is valid for an hour. If you did not ask for this, you can ignore this message.",
        }[lang],
      ],
      action: {
        label: { fi: "Vaihda salasana", sv: "Byt lösenord", en: "Reset password" }[lang],
        url: d.url ?? "",
      },
      footer: FOOTER[lang],
    }),
  // eKollega: the group's name and a link, never a word of the conversation.
  "group-activity": (lang, d) =>
    notice(lang, d, {
      subject: {
        fi: "Uusia viestejä eKollega-ryhmässäsi",
        sv: "Nya meddelanden i din eKollega-grupp",
        en: "New messages in your eKollega group",
      },
      lines: [
        {
          fi: `eKollega-ryhmässä ${d.group} on uusia viestejä. Viestien sisältöä ei lähetetä sähköpostilla: lue ne SosKesissa.`,
          sv: `Det finns nya meddelanden i eKollega-gruppen ${d.group}. Innehållet skickas inte per e-post: läs dem i SosKes.`,
          en: `There are new messages in the eKollega group ${d.group}. Their content is never sent by e-mail: read them in SosKes.`,
        },
        {
          fi: "Seuraava ilmoitus tulee vasta, kun olet lukenut ryhmän. Voit muuttaa ilmoitusasetuksia ryhmän sivulla.",
          sv: "Nästa avisering kommer först när du har läst gruppen. Du kan ändra aviseringarna på gruppens sida.",
          en: "The next notice comes only after you have read the group. You can change notifications on the group's page.",
        },
      ],
      action: OPEN_GROUP,
    }),
  "group-invite": (lang, d) =>
    notice(lang, d, {
      subject: {
        fi: "Kutsu eKollega-ryhmään",
        sv: "Inbjudan till en eKollega-grupp",
        en: "Invitation to an eKollega group",
      },
      lines: [
        {
          fi: `${d.inviter} kutsui sinut suljettuun eKollega-ryhmään ${d.group}. Liity ryhmään sen sivulla.`,
          sv: `${d.inviter} bjöd in dig till den slutna eKollega-gruppen ${d.group}. Gå med på gruppens sida.`,
          en: `${d.inviter} invited you to the closed eKollega group ${d.group}. Join it on the group's page.`,
        },
      ],
      action: OPEN_GROUP,
    }),
  "group-digest": (lang, d) =>
    notice(lang, d, {
      subject: {
        fi: "Lukemattomat eKollega-viestisi",
        sv: "Dina olästa eKollega-meddelanden",
        en: "Your unread eKollega messages",
      },
      lines: [
        {
          fi: "Ryhmissäsi on lukemattomia viestejä (ryhmä: määrä):",
          sv: "Det finns olästa meddelanden i dina grupper (grupp: antal):",
          en: "Your groups have unread messages (group: count):",
        },
      ],
      extra: (d.groups ?? "").split("\n").map((line) => line.replace("\t", " – ")),
      action: { fi: "Avaa ryhmät", sv: "Öppna grupperna", en: "Open your groups" },
    }),
  // eKonsultaatio: the panel's name, the target date and a link — never the question.
  "consult-new": (lang, d) =>
    notice(lang, d, {
      subject: {
        fi: "Uusi konsultaatiopyyntö paneelillesi",
        sv: "Ny konsultationsbegäran till din panel",
        en: "New consultation request for your panel",
      },
      lines: [
        {
          fi: `Paneelille ${d.panel} on tullut uusi konsultaatiopyyntö. Tavoitevastausaika on ${d.due}. Kysymystä ei lähetetä sähköpostilla: lue ja ota se SosKesissa.`,
          sv: `Panelen ${d.panel} har fått en ny konsultationsbegäran. Målet är ett svar senast ${d.due}. Frågan skickas inte per e-post: läs och ta den i SosKes.`,
          en: `The panel ${d.panel} has a new consultation request, to be answered by ${d.due}. The question is never sent by e-mail: read and take it in SosKes.`,
        },
      ],
      action: OPEN_REQUEST,
    }),
  "consult-reminder": (lang, d) =>
    notice(lang, d, {
      subject: {
        fi: `Muistutus: konsultaation tavoiteaika ${d.due}`,
        sv: `Påminnelse: konsultationens måldatum ${d.due}`,
        en: `Reminder: consultation due ${d.due}`,
      },
      lines: [
        {
          fi: `Ottamasi konsultaatiopyynnön (${d.panel}) tavoitevastausaika on ${d.due}.`,
          sv: `Konsultationsbegäran du tog (${d.panel}) ska besvaras senast ${d.due}.`,
          en: `The consultation request you took (${d.panel}) is due on ${d.due}.`,
        },
      ],
      action: OPEN_REQUEST,
    }),
  "consult-escalation": (lang, d) =>
    notice(lang, d, {
      subject: {
        fi: "Myöhässä oleva konsultaatio",
        sv: "Försenad konsultation",
        en: "Overdue consultation",
      },
      lines: [
        {
          fi: `Paneelin ${d.panel} konsultaatiopyynnön tavoiteaika ${d.due} on ohitettu. Paneelin vetäjänä voit siirtää pyynnön toiselle asiantuntijalle.`,
          sv: `Måldatumet ${d.due} för en begäran till panelen ${d.panel} har passerat. Som panelens ledare kan du ge begäran till en annan expert.`,
          en: `A request to the panel ${d.panel} has passed its target date ${d.due}. As the panel's lead you can give it to another expert.`,
        },
      ],
      action: OPEN_REQUEST,
    }),
  "consult-answered": (lang, d) =>
    notice(lang, d, {
      subject: {
        fi: "Konsultaatiopyyntöösi on vastattu",
        sv: "Din konsultationsbegäran har besvarats",
        en: "Your consultation request has been answered",
      },
      lines: [
        {
          fi: `Paneelin ${d.panel} asiantuntija on vastannut konsultaatiopyyntöösi. Vastausta ei lähetetä sähköpostilla: lue se SosKesissa.`,
          sv: `En expert i panelen ${d.panel} har svarat på din konsultationsbegäran. Svaret skickas inte per e-post: läs det i SosKes.`,
          en: `An expert of the panel ${d.panel} has answered your consultation request. The answer is never sent by e-mail: read it in SosKes.`,
        },
      ],
      action: OPEN_REQUEST,
    }),
  "consult-assigned": (lang, d) =>
    notice(lang, d, {
      subject: {
        fi: "Sinulle annettiin konsultaatiopyyntö",
        sv: "Du fick en konsultationsbegäran",
        en: "A consultation request was given to you",
      },
      lines: [
        {
          fi: `Paneelin ${d.panel} vetäjä antoi sinulle konsultaatiopyynnön. Tavoitevastausaika on ${d.due}.`,
          sv: `Ledaren för panelen ${d.panel} gav dig en konsultationsbegäran. Målet är ett svar senast ${d.due}.`,
          en: `The lead of the panel ${d.panel} gave you a consultation request, to be answered by ${d.due}.`,
        },
      ],
      action: OPEN_REQUEST,
    }),
  // The admin's own answer to the sender's feedback, with what they wrote quoted for context.
  "feedback-answer": (lang, d) =>
    render({
      subject: {
        fi: "Vastaus palautteeseesi",
        sv: "Svar på din respons",
        en: "An answer to your feedback",
      }[lang],
      greeting: d.name
        ? { fi: `Hei ${d.name},`, sv: `Hej ${d.name},`, en: `Hello ${d.name},` }[lang]
        : { fi: "Hei,", sv: "Hej,", en: "Hello," }[lang],
      lines: [
        {
          fi: "Kiitos palautteestasi SosKesista. Vastauksemme:",
          sv: "Tack för din respons om SosKes. Vårt svar:",
          en: "Thank you for your feedback on SosKes. Our answer:",
        }[lang],
        d.answer ?? "",
        { fi: "Palautteesi:", sv: "Din respons:", en: "Your feedback:" }[lang],
        `> ${(d.original ?? "").replace(/\n/g, "\n> ")}`,
      ],
      action: { label: { fi: "Avaa SosKes", sv: "Öppna SosKes", en: "Open SosKes" }[lang], url: d.url ?? "" },
      footer: FOOTER[lang],
    }),
  // Freshness: the records an owner keeps, each with its own one-click "still valid" link.
  "freshness-reminder": (lang, d) =>
    render({
      subject: {
        fi: `Tarkista ylläpitämäsi tiedot (${d.count})`,
        sv: `Granska uppgifterna du ansvarar för (${d.count})`,
        en: `Please check the records you keep (${d.count})`,
      }[lang],
      greeting: { fi: "Hei,", sv: "Hej,", en: "Hello," }[lang],
      lines: [
        {
          fi: "Seuraavien SosKes-tietojen tarkistus erääntyy pian tai on jo myöhässä. Jos tieto on edelleen ajan tasalla, vahvista se linkistä – kirjautumista ei tarvita. Jos jotain on muuttunut, päivitä tieto Strapissa.",
          sv: "Granskningen av följande SosKes-uppgifter förfaller snart eller är redan försenad. Om uppgiften fortfarande stämmer, bekräfta det via länken – ingen inloggning behövs. Om något har ändrats, uppdatera uppgiften i Strapi.",
          en: "The check of the following SosKes records falls due soon or is overdue. If a record is still correct, confirm it with its link — no login needed. If something has changed, update it in Strapi.",
        }[lang],
        ...(d.items ?? "").split("\n"),
        {
          fi: "Linkit ovat voimassa 30 päivää, ja kutakin voi käyttää kerran.",
          sv: "Länkarna gäller i 30 dagar och var och en kan användas en gång.",
          en: "The links work for 30 days, each once.",
        }[lang],
      ],
      action: { label: { fi: "Avaa SosKes", sv: "Öppna SosKes", en: "Open SosKes" }[lang], url: d.url ?? "" },
      footer: FOOTER[lang],
    }),
  // A statute section changed: the pages and answers citing it, each with its link.
  "review-flag": (lang, d) =>
    render({
      subject: {
        fi: `Lakimuutos: tarkista ${d.count} ylläpitämääsi sisältöä`,
        sv: `Lagändring: granska ${d.count} innehåll du ansvarar för`,
        en: `Statute amended: please review ${d.count} of your items`,
      }[lang],
      greeting: { fi: "Hei,", sv: "Hej,", en: "Hello," }[lang],
      lines: [
        {
          fi: "Pykälä, johon seuraavat sisällöt viittaavat, on muuttunut. Ne on merkitty SosKesissa tarkistettaviksi, kunnes tarkistat ne.",
          sv: "En paragraf som följande innehåll hänvisar till har ändrats. De är markerade för granskning i SosKes tills du har granskat dem.",
          en: "A section the following items cite has been amended. They are marked for review in SosKes until you check them.",
        }[lang],
        ...(d.items ?? "").split("\n"),
      ],
      action: { label: { fi: "Avaa SosKes", sv: "Öppna SosKes", en: "Open SosKes" }[lang], url: d.url ?? "" },
      footer: FOOTER[lang],
    }),
};
