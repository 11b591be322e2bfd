import type { Core } from "@strapi/strapi";

/**
 * Finnish labels and help texts in the Content Manager's edit and list views. Many
 * maintainers are not confident with IT; field names such as `nameSv` must not be what
 * they see. Applied at every start; layouts and other view settings are left alone.
 */
type Label = string | { label: string; description?: string };

const COMMON: Record<string, Label> = {
  name: "Nimi",
  nameSv: "Nimi ruotsiksi",
  title: "Otsikko",
  titleSv: "Otsikko ruotsiksi",
  description: "Kuvaus",
  summary: { label: "Tiivistelmä", description: "Lyhyt kuvaus, joka näkyy hakutuloksissa ja listoissa." },
  slug: { label: "Verkko-osoitteen tunniste", description: "Muodostuu nimestä; muuta vain tarvittaessa." },
  website: "Verkkosivu",
  region: "Hyvinvointialue",
  municipality: {
    label: "Kunta (ylläpitovastuu)",
    description:
      "Kunta, jonka ylläpitäjä pitää tämän tiedon ajan tasalla. Tyhjä = koko alueen yhteinen tieto, jota ylläpitää alueen päätoimittaja.",
  },
  municipalities: "Palvelee kuntia",
  serviceAreas: "Palvelualueet",
  phones: "Puhelinnumerot",
  emails: "Sähköpostiosoitteet",
  email: "Sähköposti",
  languages: "Asiointikielet",
  owner: {
    label: "Vastuuhenkilö (sähköposti)",
    description: "Kuka vastaa tiedon ajantasaisuudesta. Hänelle lähetetään tarkistusmuistutukset.",
  },
  verifiedAt: { label: "Tarkistettu", description: "Milloin tiedot on viimeksi todettu ajantasaisiksi." },
  reviewIntervalMonths: {
    label: "Tarkistusväli (kuukautta)",
    description: "Kuinka usein tiedot tarkistetaan.",
  },
  sourceId: {
    label: "Lähdetunniste",
    description: "Tuontitiedoston tunniste. Älä muuta: tuonti päivittää tietuetta tämän avulla.",
  },
  code: "Koodi",
  kind: "Tyyppi",
  order: "Järjestys",
  body: "Sisältö",
  links: "Linkit",
  note: "Huomautus",
  date: "Päivämäärä",
  url: "Osoite",
  label: "Selite",
  number: "Numero",
};

const BY_TYPE: Record<string, Record<string, Label>> = {
  "api::municipality.municipality": {
    code: { label: "Kuntanumero", description: "Tilastokeskuksen kolminumeroinen kuntanumero, esim. 410." },
    switchboardPhone: "Vaihteen puhelinnumero",
  },
  "api::region.region": { code: "Maakuntakoodi", municipalities: "Kunnat" },
  "api::search-synonym.search-synonym": {
    terms: {
      label: "Samaa tarkoittavat hakusanat",
      description:
        "Pilkuilla erotettuina, esim. vanhuspalvelut, ikääntyneiden palvelut, ikäihmisten palvelut. Haku löytää minkä tahansa niistä, kun hakee yhdellä. Muutos tulee voimaan heti.",
    },
    note: "Huomautus (näkyy vain ylläpidossa)",
  },
  "api::service-area.service-area": {
    kind: { label: "Tyyppi", description: "Palvelu vai tukiosio (esim. koulutus ja tapahtumat)." },
  },
  "api::service-unit.service-unit": {
    parent: { label: "Yläyksikkö", description: "Mihin organisaation osaan toimipiste kuuluu." },
    children: "Alayksiköt",
    visitingAddress: "Käyntiosoite",
    postalAddress: "Postiosoite",
    alwaysOpen: {
      label: "Avoinna aina (24/7)",
      description: "Esimerkiksi sosiaalipäivystys. Aukioloaikoja ei silloin tarvita.",
    },
    openingHours: "Aukioloajat",
    openingExceptions: {
      label: "Poikkeusaukiolot",
      description: "Pyhät, lomat ja muut poikkeukset säännöllisiin aukioloihin.",
    },
    openingNote: {
      label: "Aukiolon lisätieto",
      description: "Esimerkiksi puhelinaika: ”Puhelinaika ma–to klo 9–11.”",
    },
    oid: {
      label: "OID-tunnus",
      description: "Sote-organisaatiorekisterin tunniste, jos toimipisteellä on sellainen.",
    },
    contactPersons: "Yhteyshenkilöt",
  },
  "api::contact-person.contact-person": {
    title: "Tehtävänimike",
    titleSv: "Tehtävänimike ruotsiksi",
    unit: "Toimipiste",
    responsibilities: "Vastuualueet",
    visibility: {
      label: "Näkyvyys",
      description: "members = kaikki portaalin jäsenet; maintainers = vain ylläpitäjät.",
    },
  },
  "api::statute.statute": {
    number: { label: "Säädösnumero", description: "Muodossa numero/vuosi, esim. 1301/2014." },
    shortName: { label: "Lyhenne", description: "Esim. SHL tai LSL." },
    aliases: {
      label: "Muut nimet",
      description:
        "Nimet ja lyhenteet, joilla ammattilaiset säädöksen tuntevat – yksi riville. Haku käyttää näitä.",
    },
    finlexUrl: "Finlex-linkki",
    inForceFrom: "Voimassa alkaen",
    sections: "Keskeiset pykälät",
  },
  "api::page.page": {
    attachments: "Liitteet",
    statuteReferences: {
      label: "Pykäläviittaukset",
      description: "Säädösten pykälät, joihin sivu perustuu.",
    },
  },
  "api::event.event": {
    startsAt: "Alkaa",
    endsAt: "Päättyy",
    location: "Paikka",
    onlineUrl: "Etäosallistumisen osoite",
    organizer: "Järjestäjä",
    registrationUrl: "Ilmoittautumisen osoite",
    registrationDeadline: "Ilmoittautuminen päättyy",
  },
  "api::maintainer-assignment.maintainer-assignment": {
    email: {
      label: "Ylläpitäjän sähköposti",
      description:
        "Osoite, jolla ylläpitäjän Strapi-tunnus luodaan. Määritys sidotaan tunnukseen, kun tunnus luodaan tai kun tallennat tämän määrityksen; ylläpitäjän myöhempi osoitteenmuutos ei muuta sitä.",
    },
    adminUserId: {
      label: "Sidottu tunnus (numero)",
      description: "Täyttyy itsestään. Tyhjä: tunnusta ei ole vielä luotu.",
    },
    boundTo: {
      label: "Sidottu tunnukseen",
      description: "Täyttyy itsestään: kenen tunnukseen määritys sidottiin.",
    },
    municipalities: "Kunnat, joita hän ylläpitää",
  },
  "directory.address": {
    street: "Katuosoite",
    streetSv: "Katuosoite ruotsiksi",
    postalCode: "Postinumero",
    postOffice: "Postitoimipaikka",
    postOfficeSv: "Postitoimipaikka ruotsiksi",
    poBox: "Postilokero",
  },
  "directory.phone": {
    kind: "Numeron tyyppi",
    number: "Puhelinnumero",
    chargeNote: {
      label: "Puhelun hinta",
      description: "Esim. ”Puhelun hinta: paikallisverkko- tai matkapuhelinmaksu”.",
    },
  },
  "directory.email": {
    address: "Sähköpostiosoite",
    secure: { label: "Suojattu sähköposti", description: "Osoitteeseen voi lähettää asiakastietoja." },
  },
  "directory.opening-hours": {
    fromDay: "Ensimmäinen päivä",
    toDay: "Viimeinen päivä",
    opens: "Avautuu",
    closes: "Sulkeutuu",
  },
  "directory.opening-exception": {
    startDate: "Alkaa",
    endDate: "Päättyy",
    closed: "Suljettu",
    opens: "Avautuu",
    closes: "Sulkeutuu",
    reason: "Syy",
  },
  "directory.language": { code: "Kieli" },
  "law.section": {
    number: "Pykälä",
    amendedOn: {
      label: "Muutettu viimeksi",
      description: "Kun päivämäärä muuttuu, pykälään viittaavat sivut merkitään tarkistettaviksi.",
    },
  },
  "law.section-reference": { statute: "Säädös", section: "Pykälä" },
  "content.link": { url: "Osoite" },
};

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = { metadatas?: Record<string, Metadata> };
type ConfigService = {
  findConfiguration(target: { uid: string }): Promise<Configuration>;
  updateConfiguration(target: { uid: string }, configuration: Configuration): Promise<unknown>;
};

function labelled(
  uid: string,
  configuration: Configuration,
): { changed: boolean; configuration: Configuration } {
  const metadatas = { ...(configuration.metadatas ?? {}) };
  let changed = false;
  for (const [field, meta] of Object.entries(metadatas)) {
    const wanted = BY_TYPE[uid]?.[field] ?? COMMON[field];
    if (!wanted) continue;
    const { label, description } =
      typeof wanted === "string" ? { label: wanted, description: undefined } : wanted;
    const edit = { ...meta.edit, label, ...(description ? { description } : {}) };
    const list = { ...meta.list, label };
    if (
      JSON.stringify(edit) !== JSON.stringify(meta.edit) ||
      JSON.stringify(list) !== JSON.stringify(meta.list)
    ) {
      metadatas[field] = { ...meta, edit, list };
      changed = true;
    }
  }
  return { changed, configuration: { ...configuration, metadatas } };
}

export async function ensureAdminLabels(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin("content-manager");
  const targets: Array<[ConfigService, string]> = [
    ...Object.keys(strapi.contentTypes)
      .filter((uid) => uid.startsWith("api::"))
      .map((uid): [ConfigService, string] => [cm.service<ConfigService>("content-types"), uid]),
    ...Object.keys(strapi.components).map((uid): [ConfigService, string] => [
      cm.service<ConfigService>("components"),
      uid,
    ]),
  ];
  for (const [service, uid] of targets) {
    const { metadatas, ...rest } = await service.findConfiguration({ uid });
    const { changed, configuration } = labelled(uid, { metadatas });
    const {
      uid: _uid,
      category: _category,
      ...settings
    } = rest as Configuration & { uid?: string; category?: string };
    if (changed) await service.updateConfiguration({ uid }, { ...settings, ...configuration });
  }
}
