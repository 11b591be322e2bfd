// Synthetic Finnish-like documents and queries for bench:search (deterministic).
// Deterministic pseudo-random numbers, so every run indexes and asks the same things.
let seed = 20261122;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(rand() * list.length)];

const FIRST =
  "Aino Eero Helmi Ilmari Kaisa Lauri Minna Niko Outi Pasi Riikka Sami Tiina Ville Aila Jari Kirsi Matti Noora Olli".split(
    " ",
  );
const LAST =
  "Esimerkki Malli Kokeilu Testinen Luonnos Harjoitus Demola Keksitty Kuvitteellinen Mallinen Tapaus Esikuva".split(
    " ",
  );
export const PARTS =
  `lasten suojelu perhe palvelu sosiaali työ aikuis vammais ikääntyneiden koti hoito omais tuki
asumis mielenterveys päihde asiakas suunnitelma arviointi tarve toimeentulo ohjaus ilmoitus selvitys sijais
jälki avo huosta sijoitus kasvatus neuvola koulu terveys hyvinvointi kunta ammatti henkilö tieto lausunto
päätös hakemus kriisi väkivalta lähisuhde turva kuntoutus vastuu toiminta kyky vertais ryhmä kokous verkosto
talous velka edunvalvonta kotoutuminen nuoriso opiskelu työllisyys toimeentulo etuus asunto tulkkaus`.split(
    /\s+/,
  );
const WORDS =
  `arvioida järjestää tukea ohjata selvittää kirjata päättää neuvoa auttaa sopia tavata seurata kiireellinen
viipymättä asiakkaan lapsen perheen yhteistyössä tarvittaessa ensisijaisesti erityistä tukea tarvitseva
yhteydenotto palvelutarve omatyöntekijä vastuutyöntekijä kotikäynti verkostopalaveri asiakassuunnitelma
päätöksenteko oikaisuvaatimus muutoksenhaku salassapito tietosuoja kirjaaminen ilmoitusvelvollisuus`.split(
    /\s+/,
  );
const SUFFIX = ["", "", "n", "ssa", "sta", "lle", "lla", "ksi", "a", "t", "jen"];
const MUNICIPALITIES =
  "077 172 179 182 216 226 249 256 265 275 312 410 435 495 500 592 601 729 850 892 931 992".split(" ");
const AREAS = [
  "lastensuojelu",
  "aikuissosiaalityo",
  "ikaantyneiden-palvelut",
  "vammaispalvelut",
  "sosiaalipaivystys",
];

// A Finnish-like vocabulary: syllable-built words and compounds of the domain parts, used with
// Zipf-like frequencies (a few words are everywhere, most are rare), as in real text.
const SYLLABLES =
  "ka ta la sa ma na va ra pa ha ko to lo so mo no vo ro po ho ki ti li si mi ni vi ri pi hi ku tu lu su mu nu vu ru pu hu kä tä lä sä mä nä vä rä pä hä ke te le se me ne ve re pe he".split(
    " ",
  );
const ENDINGS = ["", "nen", "inen", "us", "ys", "o", "ö", "a", "ä", "i", "nto", "ja", "jä", "la", "lä"];
const VOCABULARY = [];
for (let i = 0; i < 30_000; i++) {
  if (i % 3 === 0) VOCABULARY.push(pick(PARTS) + pick(PARTS));
  else if (i % 7 === 0) VOCABULARY.push(pick(WORDS));
  else
    VOCABULARY.push(
      Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join("") + pick(ENDINGS),
    );
}
const zipf = () =>
  VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(rand() * Math.log(VOCABULARY.length))) - 1)];
const compound = () => pick(PARTS) + pick(PARTS);
const word = () => {
  const base = zipf();
  return /[aeiouyäö]$/.test(base) && rand() < 0.5 ? base + pick(SUFFIX) : base;
};
const sentence = (n) => Array.from({ length: n }, word).join(" ");

export function syntheticRows(count) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      id: `bench${i}`,
      name: `${pick(FIRST)} ${pick(LAST)}${i % 97}`,
      title: `${compound()}${pick(["ohjaaja", "työntekijä", "koordinaattori", "asiantuntija"])}`,
      text: `${sentence(18)}. ${sentence(12)}.`,
      municipality: pick(MUNICIPALITIES),
      area: pick(AREAS),
    });
  }
  return rows;
}

export const CITATIONS = [
  "SHL 36 §",
  "LSL 40",
  "417/2007",
  "1301/2014 36",
  "lastensuojelulain 25 §",
  "vanhuspalvelulaki",
  "sosiaalihuoltolain 29 §",
];

/** 1,000 queries by default: whole words, prefixes being typed, one-swap typos and citations. */
export function makeQueries(rows, count) {
  const typo = (w) => {
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };
  const queries = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    const r = pick(rows);
    const words = r.text.split(/[ .]+/).filter((w) => w.length >= 6);
    if (words.length === 0) continue;
    if (kind === 0 || kind === 1) queries.push({ q: pick(words), partial: false });
    else if (kind === 2) queries.push({ q: pick(words).slice(0, 3 + Math.floor(rand() * 4)), partial: true });
    else if (kind === 3) queries.push({ q: typo(pick(words)), partial: false });
    else queries.push({ q: pick(CITATIONS), partial: false });
  }
  return queries;
}
