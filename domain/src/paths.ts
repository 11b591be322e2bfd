/**
 * Every address of the portal's pages, for the web client's router and links and for the server's
 * e-mails and search results alike. A builder given ":id" gives the router's pattern.
 */
type Id = number | string;

export const paths = {
  directory: "/",
  /** Minulle: a member's home after login. */
  home: "/minulle",
  login: "/kirjaudu",
  register: "/rekisteroidy",
  verify: "/vahvista",
  forgotPassword: "/salasana",
  resetPassword: "/salasana/uusi",
  invitation: "/kutsu",
  unit: (id: Id) => `/toimipiste/${id}`,
  statutes: "/lait",
  statute: (slug: Id) => `/lait/${slug}`,
  serviceAreas: "/palvelualueet",
  serviceArea: (slug: Id) => `/palvelualueet/${slug}`,
  page: (slug: Id) => `/sivut/${slug}`,
  events: "/tapahtumat",
  news: "/uutiset",
  search: "/haku",
  people: "/ihmiset",
  groups: "/ryhmat",
  group: (id: Id) => `/ryhmat/${id}`,
  consultations: "/konsultaatiot",
  consultation: (id: Id) => `/konsultaatiot/${id}`,
  answers: "/vastauspankki",
  answer: (id: Id) => `/vastauspankki/${id}`,
  notices: "/ilmoitustaulu",
  notice: (id: Id) => `/ilmoitustaulu/${id}`,
  feedback: "/palaute",
  accessibility: "/saavutettavuus",
  checked: "/tarkistettu",
  survey: "/kysely",
  account: "/oma-tili",
  inbox: "/ilmoitukset",
  adminUsers: "/yllapito/kayttajat",
  adminConsultations: "/yllapito/ekonsultaatio",
  adminFeedback: "/yllapito/palaute",
  adminSurveys: "/yllapito/kyselyt",
  adminUsage: "/yllapito/kaytto",
  maintenance: "/yllapito/tuoreus",
} as const;
