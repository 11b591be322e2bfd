import type { ChatService, ConsultService } from "@soskes/chat";
import type { Db } from "./db/database.js";
import { createUser, findUserByEmail, type NewUser } from "./commands/users.js";

/** Fictional demo members; created only together with the demo content. */
export const DEMO_USERS: Array<Omit<NewUser, "password">> = [
  {
    email: "sosiaalityontekija@demo.soskes.example",
    name: "Sanna Sosiaalinen",
    title: "Sosiaalityöntekijä",
    organisation: "Keski-Suomen hyvinvointialue",
    unit: "Laukaan aikuissosiaalityö",
    municipalityCode: "410",
    phone: "040 0000 201",
    languages: ["fi"],
    visibility: {
      title: true,
      organisation: true,
      unit: true,
      municipality: true,
      phone: true,
      expertise: true,
    },
    role: "member",
  },
  {
    email: "sosiaalityontekija.saarijarvi@demo.soskes.example",
    name: "Satu Saarela",
    title: "Sosiaaliohjaaja",
    organisation: "Keski-Suomen hyvinvointialue",
    unit: "Saarijärven vammaispalvelujen sosiaalityö",
    municipalityCode: "729",
    phone: "040 0000 202",
    languages: ["fi"],
    visibility: { title: true, organisation: true, unit: true, municipality: true },
    role: "member",
  },
  {
    email: "sosiaalityontekija.keuruu@demo.soskes.example",
    name: "Kalle Koivisto",
    title: "Sosiaalityöntekijä",
    organisation: "Keski-Suomen hyvinvointialue",
    unit: "Keuruun aikuissosiaalityö",
    municipalityCode: "249",
    languages: ["fi", "sv"],
    visibility: { title: true, organisation: true, unit: true, municipality: true },
    role: "member",
  },
  {
    email: "asiantuntija@demo.soskes.example",
    name: "Aarne Asiantuntija",
    title: "Johtava sosiaalityöntekijä",
    organisation: "Keski-Suomen hyvinvointialue",
    unit: "Vammaispalvelut, Jyväskylän seutu",
    municipalityCode: "179",
    expertise: "Vammaispalvelut, henkilökohtainen apu, vammaispalvelulain soveltaminen",
    languages: ["fi", "sv"],
    visibility: { title: true, organisation: true, unit: true, municipality: true, expertise: true },
    role: "expert",
  },
  {
    email: "moderaattori@demo.soskes.example",
    name: "Maija Moderaattori",
    title: "Kehittämiskoordinaattori",
    organisation: "Keski-Suomen hyvinvointialue",
    municipalityCode: "992",
    languages: ["fi"],
    visibility: { title: true, organisation: true },
    role: "moderator",
  },
  {
    email: "yllapitaja.laukaa@demo.soskes.example",
    name: "Liisa Laukkanen",
    title: "Palvelusihteeri",
    organisation: "Keski-Suomen hyvinvointialue",
    municipalityCode: "410",
    languages: ["fi"],
    visibility: { title: true, organisation: true, municipality: true },
    maintains: ["410"],
    role: "member",
  },
  {
    email: "admin@demo.soskes.example",
    name: "Aino Ylläpito",
    title: "Portaalin pääkäyttäjä",
    organisation: "Keski-Suomen hyvinvointialue",
    languages: ["fi", "sv", "en"],
    visibility: { title: true, organisation: true },
    role: "admin",
  },
];

export async function ensureDemoUsers(db: Db, password: string): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    if (await findUserByEmail(db, user.email)) continue;
    await createUser(db, { ...user, password, emailVerified: true });
    created += 1;
  }
  return created;
}

/** Fictional demo conversations: a closed group and an open one, created once with the demo users. */
export async function ensureDemoGroups(db: Db, chat: ChatService): Promise<number> {
  const existing = await db.selectFrom("chat_groups").select("id").limit(1).execute();
  if (existing.length > 0) return 0;
  const user = async (email: string) => {
    const row = await findUserByEmail(db, email);
    if (!row) throw new Error(`demo user ${email} is missing`);
    return { id: row.id, name: row.name, role: row.role };
  };
  const moderator = await user("moderaattori@demo.soskes.example");
  const worker = await user("sosiaalityontekija@demo.soskes.example");
  const expert = await user("asiantuntija@demo.soskes.example");
  const closed = await chat.createGroup(moderator, {
    name: "Lastensuojelun kollegat",
    description: "Suljettu ryhmä Keski-Suomen lastensuojelun ja perhesosiaalityön ammattilaisille.",
    rules:
      "Älä kirjoita asiakkaan tunnistetietoja. Kuvaa tilanteet yleisellä tasolla. Kiireellisissä asioissa soita sosiaalipäivystykseen.",
    visibility: "closed",
  });
  for (const member of [worker, expert]) await chat.addMember(moderator, closed.id, { userId: member.id });
  const open = await chat.createGroup(moderator, {
    name: "Kahvihuone",
    description: "Avoin ryhmä kaikille SosKesin jäsenille: koulutusvinkit, kuulumiset ja kysymykset.",
    rules: "Ystävällinen sävy. Ei asiakastietoja.",
    visibility: "open",
  });
  const say = (actor: typeof worker, groupId: number, body: string) =>
    chat.createMessage(actor, { groupId, clientId: `demo-${groupId}-${body.length}-${actor.id}`, body });
  await say(moderator, closed.id, "Tervetuloa ryhmään! Tämä on suljettu tila lastensuojelun kysymyksille.");
  await say(
    worker,
    closed.id,
    "Miten teillä on järjestetty lastensuojeluilmoitusten vastaanotto virka-ajan ulkopuolella? Meillä pohditaan ohjeen päivittämistä.",
  );
  await say(
    expert,
    closed.id,
    "Meillä ilmoitukset ohjautuvat sosiaalipäivystykseen, ja ne käsitellään seuraavana arkipäivänä. Voin jakaa ohjeemme rungon.",
  );
  await say(moderator, open.id, "Kahvihuone on auki: kerro, mitä koulutuksia suosittelet tänä syksynä.");
  return 2;
}

/**
 * The demo expert sits on the disability services panel, as its lead; the answer bank holds one
 * fictional Q&A that went the whole way (asked, answered, closed with consent, approved).
 */
export async function ensureDemoPanels(db: Db, consult: ConsultService): Promise<number> {
  const existing = await db.selectFrom("consult_panels").select("id").limit(1).execute();
  if (existing.length > 0) return 0;
  const admin = await findUserByEmail(db, "admin@demo.soskes.example");
  const expert = await findUserByEmail(db, "asiantuntija@demo.soskes.example");
  const asker = await findUserByEmail(db, "sosiaalityontekija@demo.soskes.example");
  if (!admin || !expert || !asker) return 0;
  const actor = { id: admin.id, role: admin.role };
  const panel = await consult.createPanel(actor, {
    serviceArea: "vammaispalvelut",
    name: "Vammaispalvelujen asiantuntijapaneeli",
  });
  await consult.setPanelMember(actor, panel.id, { userId: expert.id, lead: true });

  const member = { id: asker.id, role: asker.role };
  const lead = { id: expert.id, role: expert.role };
  const request = await consult.create(member, {
    serviceArea: "vammaispalvelut",
    topic: "Henkilökohtaisen avun järjestämistavan vaihtaminen",
    question:
      "Asiakkaalle on myönnetty henkilökohtaista apua työnantajamallilla, mutta työnantajan tehtävät ovat käyneet hänelle liian raskaiksi. Miten järjestämistavan vaihtamista kannattaa arvioida?",
    urgency: "normal",
    anonymised: true,
  });
  await consult.claim(lead, request.id);
  await consult.transition(lead, request.id, "answered");
  await consult.transition(member, request.id, "closed", { consent: true });
  const nextYear = new Date();
  nextYear.setFullYear(nextYear.getFullYear() + 1);
  await consult.saveAnswer(lead, request.id, {
    title: "Henkilökohtaisen avun järjestämistapa, kun työnantajana toimiminen ei onnistu",
    question:
      "Asiakkaalle on myönnetty henkilökohtaista apua työnantajamallilla, mutta työnantajan tehtävät ovat käyneet hänelle liian raskaiksi. Miten järjestämistavan vaihtamista arvioidaan?",
    answer: [
      "Järjestämistapa valitaan asiakkaan tilanteen mukaan, ja sitä arvioidaan uudelleen, kun tilanne muuttuu. Selvitä palvelutarpeen arvioinnin yhteydessä (SHL 36 §), mitkä työnantajan tehtävät ovat raskaita ja riittäisikö tuki niihin.",
      "",
      "- käy asiakkaan kanssa läpi palveluseteli ja ostopalvelu vaihtoehtoina",
      "- kirjaa asiakkaan oma näkemys ja perustelut päätökseen",
      "- sovi seuranta-aika, jolloin järjestelyn toimivuus tarkistetaan",
    ].join("\n"),
    sections: ["1301/2014#36"],
    reviewOn: nextYear.toISOString().slice(0, 10),
  });
  await consult.submitAnswer(lead, request.id);
  await consult.reviewAnswer(lead, request.id, { approve: true });
  return 1;
}
