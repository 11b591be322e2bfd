/**
 * Fictional demo content for Central Finland. People, street addresses, phone numbers
 * (subscriber part 0000, which is not in use) and e-mail addresses (example domain) are
 * invented; municipality codes, postal codes and statute numbers are real.
 */
import { MUNICIPALITIES, type MunicipalitySeed } from "./reference";

export const DEMO_DOMAIN = "demo.soskes.example";

export const DEMO_ADMIN_USERS = [
  { email: `admin@${DEMO_DOMAIN}`, firstname: "Aino", lastname: "Ylläpito", role: "super-admin" as const },
  {
    email: `paatoimittaja@${DEMO_DOMAIN}`,
    firstname: "Pekka",
    lastname: "Päätoimittaja",
    role: "editor" as const,
  },
  {
    email: `yllapitaja.laukaa@${DEMO_DOMAIN}`,
    firstname: "Liisa",
    lastname: "Laukkanen",
    role: "maintainer" as const,
    municipalities: ["410"],
  },
  {
    email: `yllapitaja.jyvaskyla@${DEMO_DOMAIN}`,
    firstname: "Jukka",
    lastname: "Jyrkinen",
    role: "maintainer" as const,
    municipalities: ["179"],
  },
];

export const EDITOR_EMAIL = `paatoimittaja@${DEMO_DOMAIN}`;
export const ownerFor = (code: string | null): string =>
  DEMO_ADMIN_USERS.find((u) => u.municipalities?.includes(code ?? ""))?.email ?? EDITOR_EMAIL;

type Phone = { kind: string; number: string; label?: string; chargeNote?: string };
type OpeningHours = { fromDay: string; toDay: string; opens: string; closes: string; label?: string };

export type UnitSeed = {
  sourceId: string;
  name: string;
  nameSv?: string;
  description: string;
  parent?: string;
  municipality: string | null;
  municipalities: string[];
  serviceAreas: string[];
  visitingAddress?: { street: string; postalCode: string; postOffice: string };
  postalAddress?: { street?: string; poBox?: string; postalCode: string; postOffice: string };
  phones: Phone[];
  emails: Array<{ address: string; label?: string; secure?: boolean }>;
  alwaysOpen: boolean;
  openingHours: OpeningHours[];
  openingExceptions: Array<{ startDate: string; endDate?: string; closed: boolean; reason: string }>;
  openingNote?: string;
  languages: string[];
};

export type PersonSeed = {
  sourceId: string;
  name: string;
  title: string;
  unit: string;
  municipality: string | null;
  phones: Phone[];
  email: string;
  responsibilities: string;
  languages: string[];
};

const FIRST = [
  "Anna",
  "Mikko",
  "Sanna",
  "Juha",
  "Kaisa",
  "Timo",
  "Heidi",
  "Ville",
  "Maria",
  "Antti",
  "Laura",
  "Jari",
  "Elina",
  "Petri",
  "Riikka",
  "Tuomas",
  "Hanna",
  "Markku",
  "Noora",
  "Olli",
  "Satu",
  "Kari",
];
const LAST = [
  "Esimerkki",
  "Malli",
  "Kuvitteellinen",
  "Testinen",
  "Demola",
  "Harjoitus",
  "Keksitty",
  "Mallinen",
  "Kokeilu",
  "Luonnos",
  "Esikuva",
  "Tapaus",
];

const ascii = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ä/g, "a")
    .replace(/ö/g, "o")
    .replace(/å/g, "a")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const genitive: Record<string, string> = {
  "077": "Hankasalmen",
  "172": "Joutsan",
  "179": "Jyväskylän",
  "182": "Jämsän",
  "216": "Kannonkosken",
  "226": "Karstulan",
  "249": "Keuruun",
  "256": "Kinnulan",
  "265": "Kivijärven",
  "275": "Konneveden",
  "312": "Kyyjärven",
  "410": "Laukaan",
  "435": "Luhangan",
  "495": "Multian",
  "500": "Muuramen",
  "592": "Petäjäveden",
  "601": "Pihtiputaan",
  "729": "Saarijärven",
  "850": "Toivakan",
  "892": "Uuraisten",
  "931": "Viitasaaren",
  "992": "Äänekosken",
};
export const municipalityGenitive = (code: string): string => genitive[code] ?? code;

const OFFICE_HOURS: OpeningHours[] = [
  { fromDay: "mon", toDay: "fri", opens: "08:00:00.000", closes: "15:30:00.000" },
];
const PHONE_HOURS_NOTE =
  "Puhelinaika ma–to klo 9–11. Kiireellisissä asioissa virka-ajan ulkopuolella: sosiaalipäivystys.";
const HOLIDAYS_2026 = [
  { startDate: "2026-12-24", endDate: "2026-12-26", closed: true, reason: "Joulu" },
  { startDate: "2027-01-01", closed: true, reason: "Uudenvuodenpäivä" },
  { startDate: "2027-01-06", closed: true, reason: "Loppiainen" },
];

const phone = (n: number): string => `014 0000 ${String(n).padStart(3, "0")}`;
const mobile = (n: number): string => `040 0000 ${String(n).padStart(3, "0")}`;

type AreaPlan = {
  slug: string;
  label: string;
  unitName: (m: MunicipalitySeed) => string;
  title: string;
  duties: string;
};

const AREA_PLANS: AreaPlan[] = [
  {
    slug: "lastensuojelu",
    label: "Lastensuojelu",
    unitName: (m) => `${municipalityGenitive(m.code)} lastensuojelu`,
    title: "Johtava sosiaalityöntekijä",
    duties:
      "Lastensuojeluilmoitusten vastaanotto ja arviointi, lastensuojelutarpeen selvitykset, avohuollon asiakkuudet.",
  },
  {
    slug: "aikuissosiaalityo",
    label: "Aikuissosiaalityö",
    unitName: (m) => `${municipalityGenitive(m.code)} aikuissosiaalityö`,
    title: "Sosiaalityöntekijä",
    duties: "Työikäisten palvelutarpeen arvioinnit, asumisen ja talouden tuki, täydentävä toimeentulotuki.",
  },
  {
    slug: "ikaantyneiden-palvelut",
    label: "Ikääntyneiden palvelut",
    unitName: (m) => `${municipalityGenitive(m.code)} ikääntyneiden palveluohjaus`,
    title: "Palveluohjaaja",
    duties:
      "Ilmoitukset iäkkään henkilön palvelutarpeesta, palvelutarpeen arvioinnit, omaishoidon tuen hakemukset.",
  },
];

/** Disability services are organised in four sub-regions, each unit serving several municipalities. */
const DISABILITY_AREAS: Array<{ key: string; name: string; host: string; serves: string[] }> = [
  {
    key: "jyvaskyla",
    name: "Vammaispalvelut, Jyväskylän seutu",
    host: "179",
    serves: ["179", "500", "892", "850", "592", "410"],
  },
  {
    key: "pohjoinen",
    name: "Vammaispalvelut, pohjoinen Keski-Suomi",
    host: "931",
    serves: ["931", "601", "256", "265", "216", "312", "226", "729"],
  },
  {
    key: "itainen",
    name: "Vammaispalvelut, itäinen Keski-Suomi",
    host: "992",
    serves: ["992", "275", "077"],
  },
  {
    key: "etelainen",
    name: "Vammaispalvelut, eteläinen Keski-Suomi",
    host: "182",
    serves: ["182", "172", "435", "249", "495"],
  },
];

/** The county's social services: every unit is below it. */
const ROOT_UNIT: UnitSeed = {
  sourceId: "demo:unit:root",
  name: "Keski-Suomen hyvinvointialue, sosiaalipalvelut",
  nameSv: "Mellersta Finlands välfärdsområde, socialtjänster",
  description: "Hyvinvointialueen sosiaalipalvelujen organisaatio. Palvelualueiden yksiköt ovat tämän alla.",
  municipality: null,
  municipalities: MUNICIPALITIES.map((m) => m.code),
  serviceAreas: [],
  visitingAddress: { street: "Palvelukatu 1", postalCode: "40100", postOffice: "Jyväskylä" },
  postalAddress: { poBox: "PL 0000", postalCode: "40101", postOffice: "Jyväskylä" },
  phones: [
    {
      kind: "switchboard",
      number: phone(1),
      label: "Vaihde",
      chargeNote: "Puhelun hinta: paikallisverkko- tai matkapuhelinmaksu",
    },
  ],
  emails: [{ address: `kirjaamo@${DEMO_DOMAIN}`, label: "Kirjaamo" }],
  alwaysOpen: false,
  openingHours: OFFICE_HOURS,
  openingExceptions: HOLIDAYS_2026,
  languages: ["fi", "sv", "en"],
};

/** The region-wide social and crisis emergency service, open around the clock. */
const ON_CALL_UNIT: UnitSeed = {
  sourceId: "demo:unit:sosiaalipaivystys",
  name: "Keski-Suomen sosiaali- ja kriisipäivystys",
  nameSv: "Mellersta Finlands social- och krisjour",
  description:
    "Kiireellinen sosiaalihuolto koko hyvinvointialueella ympäri vuorokauden: lastensuojelun kiireelliset tilanteet, kriisityö, väkivaltatilanteet ja äkilliset asumisen kriisit. Hätätilanteessa soita 112.",
  parent: ROOT_UNIT.sourceId,
  municipality: null,
  municipalities: MUNICIPALITIES.map((m) => m.code),
  serviceAreas: ["sosiaalipaivystys"],
  visitingAddress: { street: "Päivystäjänkatu 2", postalCode: "40620", postOffice: "Jyväskylä" },
  phones: [
    {
      kind: "emergency",
      number: phone(900),
      label: "Sosiaalipäivystys 24/7",
      chargeNote: "Puhelun hinta: paikallisverkko- tai matkapuhelinmaksu",
    },
    { kind: "service", number: phone(901), label: "Viranomaisten linja" },
  ],
  emails: [{ address: `sosiaalipaivystys@${DEMO_DOMAIN}`, label: "Ei kiireellisiin asioihin", secure: true }],
  alwaysOpen: true,
  openingHours: [],
  openingExceptions: [],
  openingNote: "Avoinna joka päivä ympäri vuorokauden, myös pyhäpäivinä.",
  languages: ["fi", "sv", "en"],
};

/** A municipality's unit of one service area, the `n`th demo unit. */
function municipalUnit(
  plan: (typeof AREA_PLANS)[number],
  m: MunicipalitySeed,
  n: number,
  parent: string,
): UnitSeed {
  return {
    sourceId: `demo:unit:${m.code}:${plan.slug}`,
    name: plan.unitName(m),
    description: `${plan.label} ${municipalityGenitive(m.code)} asukkaille. ${plan.duties}`,
    parent,
    municipality: m.code,
    municipalities: [m.code],
    serviceAreas:
      plan.slug === "aikuissosiaalityo"
        ? [plan.slug, "toimeentulotuki"]
        : plan.slug === "ikaantyneiden-palvelut"
          ? [plan.slug, "omaishoito"]
          : [plan.slug],
    visitingAddress: {
      street: `Palvelutie ${(n % 40) + 1}`,
      postalCode: m.postalCode,
      postOffice: m.name,
    },
    postalAddress: { poBox: `PL ${n}`, postalCode: m.postalCode, postOffice: m.name },
    phones: [
      {
        kind: "service",
        number: phone(n),
        label: "Neuvonta",
        chargeNote: "Puhelun hinta: paikallisverkko- tai matkapuhelinmaksu",
      },
    ],
    emails: [{ address: `${ascii(plan.unitName(m))}@${DEMO_DOMAIN}`, secure: true }],
    alwaysOpen: false,
    openingHours: OFFICE_HOURS,
    openingExceptions: HOLIDAYS_2026,
    openingNote: PHONE_HOURS_NOTE,
    languages: ["fi"],
  };
}

/** A disability services unit serving several municipalities, the `n`th demo unit. */
function disabilityUnit(area: (typeof DISABILITY_AREAS)[number], n: number, parent: string): UnitSeed {
  const host = MUNICIPALITIES.find((m) => m.code === area.host) as MunicipalitySeed;
  return {
    sourceId: `demo:unit:vammaispalvelut:${area.key}`,
    name: area.name,
    description: `Vammaispalvelulain mukaiset palvelut kunnissa: ${area.serves.map((c) => MUNICIPALITIES.find((m) => m.code === c)?.name).join(", ")}. Henkilökohtainen apu, liikkumisen tuki, asumisen tuki ja valmennus.`,
    parent,
    municipality: area.host,
    municipalities: area.serves,
    serviceAreas: ["vammaispalvelut"],
    visitingAddress: {
      street: `Palvelutie ${(n % 40) + 1}`,
      postalCode: host.postalCode,
      postOffice: host.name,
    },
    phones: [
      {
        kind: "service",
        number: phone(n),
        label: "Vammaispalvelujen neuvonta",
        chargeNote: "Puhelun hinta: paikallisverkko- tai matkapuhelinmaksu",
      },
    ],
    emails: [{ address: `vammaispalvelut.${area.key}@${DEMO_DOMAIN}`, secure: true }],
    alwaysOpen: false,
    openingHours: OFFICE_HOURS,
    openingExceptions: HOLIDAYS_2026,
    openingNote: "Puhelinaika ma–pe klo 9–11.",
    languages: area.key === "jyvaskyla" ? ["fi", "sv", "en"] : ["fi"],
  };
}

export function buildDemoDirectory(): { units: UnitSeed[]; persons: PersonSeed[] } {
  const units: UnitSeed[] = [];
  const persons: PersonSeed[] = [];
  let n = 100;
  let p = 0;
  const person = (unit: UnitSeed, title: string, responsibilities: string): void => {
    const first = FIRST[p % FIRST.length] ?? "Anna";
    const last = LAST[Math.floor(p / FIRST.length + p) % LAST.length] ?? "Esimerkki";
    p += 1;
    persons.push({
      sourceId: `demo:person:${p}`,
      name: `${first} ${last}`,
      title,
      unit: unit.sourceId,
      municipality: unit.municipality,
      phones: [{ kind: "direct", number: mobile(p), label: "Suora numero" }],
      email: `${ascii(first)}.${ascii(last)}${p}@${DEMO_DOMAIN}`,
      responsibilities,
      languages: p % 5 === 0 ? ["fi", "sv"] : ["fi"],
    });
  };

  const root = ROOT_UNIT;
  units.push(root);

  const branch = (slug: string, label: string): UnitSeed => {
    const unit: UnitSeed = {
      sourceId: `demo:unit:branch:${slug}`,
      name: `${label}, Keski-Suomen hyvinvointialue`,
      description: `Hyvinvointialueen ${label.toLowerCase()} -palvelualue. Paikalliset toimipisteet ovat tämän alla.`,
      parent: root.sourceId,
      municipality: null,
      municipalities: MUNICIPALITIES.map((m) => m.code),
      serviceAreas: [slug],
      phones: [],
      emails: [],
      alwaysOpen: false,
      openingHours: [],
      openingExceptions: [],
      languages: ["fi"],
    };
    units.push(unit);
    return unit;
  };

  units.push(ON_CALL_UNIT);

  for (const plan of AREA_PLANS) {
    const parent = branch(plan.slug, plan.label);
    for (const m of MUNICIPALITIES) {
      n += 1;
      const unit = municipalUnit(plan, m, n, parent.sourceId);
      units.push(unit);
      person(unit, plan.title, plan.duties);
    }
  }

  const disabilityBranch = branch("vammaispalvelut", "Vammaispalvelut");
  for (const area of DISABILITY_AREAS) {
    n += 1;
    const unit = disabilityUnit(area, n, disabilityBranch.sourceId);
    units.push(unit);
    person(
      unit,
      "Vammaispalvelujen sosiaalityöntekijä",
      "Palvelutarpeen arvioinnit, henkilökohtainen apu ja vammaispalvelulain mukaiset päätökset.",
    );
    person(unit, "Palveluohjaaja", "Liikkumisen tuki, asunnon muutostyöt ja apuvälineisiin liittyvä ohjaus.");
  }
  return { units, persons };
}
