/** Demo editorial content: one hub page per service area, events, news and links. */

type Text = { type: "text"; text: string; bold?: boolean };
export type Block =
  | { type: "paragraph"; children: Text[] }
  | { type: "heading"; level: 2 | 3; children: Text[] }
  | {
      type: "list";
      format: "unordered" | "ordered";
      children: Array<{ type: "list-item"; children: Text[] }>;
    };

export const p = (text: string): Block => ({ type: "paragraph", children: [{ type: "text", text }] });
export const h = (text: string): Block => ({ type: "heading", level: 2, children: [{ type: "text", text }] });
export const ul = (...items: string[]): Block => ({
  type: "list",
  format: "unordered",
  children: items.map((text) => ({ type: "list-item", children: [{ type: "text", text }] })),
});

export type PageSeed = {
  slug: string;
  title: string;
  summary: string;
  serviceAreas: string[];
  body: Block[];
  references: Array<{ statute: string; section: string; note?: string }>;
  links: Array<{ label: string; url: string }>;
};

const hub = (
  slug: string,
  title: string,
  summary: string,
  firstSteps: string[],
  tips: string,
  references: PageSeed["references"] = [],
  links: PageSeed["links"] = [],
): PageSeed => ({
  slug,
  title,
  summary,
  serviceAreas: [slug],
  body: [
    p(summary),
    h("Kun asiakas tarvitsee apua"),
    ul(...firstSteps),
    h("Käytännön vinkit"),
    p(tips),
    h("Yhteystiedot"),
    p(
      "Toimipisteiden yhteystiedot löydät kuntahakemistosta: valitse kunta ja palvelualue, niin näet, kuka palvelee asiakasta.",
    ),
  ],
  references,
  links,
});

export const HUB_PAGES: PageSeed[] = [
  hub(
    "lastensuojelu",
    "Lastensuojelu",
    "Lastensuojelussa toimitaan lapsen edun mukaan: huoli lapsesta otetaan vastaan, tilanne selvitetään ja perhettä tuetaan ensisijaisesti avohuollossa.",
    [
      "Jos huomaat työssäsi huolen lapsesta, tee lastensuojeluilmoitus viipymättä – ilmoitusvelvollisuus ohittaa salassapidon.",
      "Kiireellisessä tilanteessa virka-ajan ulkopuolella ota yhteys sosiaalipäivystykseen.",
      "Kerro perheelle ilmoituksesta, ellei se vaaranna lapsen turvallisuutta.",
    ],
    "Kirjaa ilmoitukseen havaintosi mahdollisimman konkreettisesti: mitä näit tai kuulit, milloin ja keneltä. Pelkkä huoli riittää – sinun ei tarvitse olla varma.",
    [
      { statute: "417/2007", section: "25", note: "Ilmoitusvelvollisuus" },
      { statute: "417/2007", section: "26" },
      { statute: "417/2007", section: "27" },
    ],
    [{ label: "THL: Lastensuojelun käsikirja", url: "https://thl.fi/aiheet/lastensuojelu" }],
  ),
  hub(
    "lapsiperheiden-palvelut",
    "Lapsiperheiden palvelut",
    "Lapsiperheet saavat sosiaalihuoltolain mukaista tukea ilman lastensuojelun asiakkuutta: perhetyötä, kotipalvelua ja sosiaaliohjausta.",
    [
      "Ohjaa perhe hakemaan tukea tai ota yhteyttä perheen luvalla.",
      "Palvelutarpeen arviointi tehdään yhdessä perheen kanssa.",
    ],
    "Kotipalvelua voi saada esimerkiksi vanhemman sairastuessa tai perheen elämäntilanteen muuttuessa. Varhainen tuki ehkäisee raskaampia palveluja.",
    [{ statute: "1301/2014", section: "36" }],
  ),
  hub(
    "aikuissosiaalityo",
    "Aikuissosiaalityö",
    "Aikuissosiaalityö tukee työikäisiä elämänhallinnassa, asumisessa, taloudessa ja työkyvyssä.",
    [
      "Ohjaa asiakas sosiaaliohjaukseen tai tee yhteydenotto asiakkaan suostumuksella.",
      "Asunnottomuuden uhatessa ota yhteyttä heti – asumisen kriisit ovat kiireellisiä.",
    ],
    "Palvelutarpeen arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä yhteydenotosta. Sovi asiakkaan kanssa, kuka on hänen omatyöntekijänsä.",
    [
      { statute: "1301/2014", section: "35" },
      { statute: "1301/2014", section: "36" },
      { statute: "1301/2014", section: "42" },
    ],
  ),
  hub(
    "ikaantyneiden-palvelut",
    "Ikääntyneiden palvelut",
    "Ikääntyneiden palveluissa selvitetään iäkkään ihmisen tarpeet kokonaisuutena ja tuetaan kotona asumista mahdollisimman pitkään.",
    [
      "Jos iäkäs henkilö ei selviä kotona, tee ilmoitus iäkkään henkilön palvelutarpeesta.",
      "Palveluohjaus neuvoo kotihoidosta, omaishoidosta ja asumispalveluista.",
    ],
    "Ilmoituksen voi tehdä salassapidon estämättä. Kerro, mistä huolesi johtuu ja onko henkilöllä läheisiä, jotka auttavat.",
    [
      { statute: "980/2012", section: "25" },
      { statute: "980/2012", section: "15" },
    ],
  ),
  hub(
    "vammaispalvelut",
    "Vammaispalvelut",
    "Vammaispalvelut tukevat vammaisen ihmisen yhdenvertaista osallisuutta: valmennusta, henkilökohtaista apua, liikkumisen tukea ja asumisen tukea.",
    [
      "Vammaispalveluja haetaan hakemuksella tai yhteydenotolla alueen vammaispalveluihin.",
      "Selvitä ensin, riittävätkö yleislain palvelut, ja ohjaa tarvittaessa vammaispalveluihin.",
    ],
    "Vuoden 2025 alusta sovelletaan uutta vammaispalvelulakia. Tarkista päätöspohjista, että viittaukset ovat uuden lain mukaisia.",
  ),
  hub(
    "mielenterveys-ja-paihdepalvelut",
    "Mielenterveys- ja päihdepalvelut",
    "Matalan kynnyksen mielenterveys- ja päihdepalvelut, kuntoutus ja asumisen tuki.",
    [
      "Akuutissa kriisissä ohjaa sosiaalipäivystykseen tai terveydenhuollon päivystykseen.",
      "Päihdepalveluihin voi hakeutua ilman lähetettä.",
    ],
    "Yhteistyö terveydenhuollon kanssa on tässä työssä välttämätöntä: sovi asiakkaan luvalla, kuka koordinoi kokonaisuutta.",
  ),
  hub(
    "sosiaalipaivystys",
    "Sosiaalipäivystys",
    "Sosiaalipäivystys vastaa kiireelliseen sosiaalihuollon tarpeeseen ympäri vuorokauden koko hyvinvointialueella.",
    [
      "Soita sosiaalipäivystykseen, kun tilanne ei voi odottaa seuraavaan arkipäivään.",
      "Hengenvaarallisessa tilanteessa soita aina ensin hätänumeroon 112.",
    ],
    "Kerro soittaessasi, kuka olet ja mistä soitat, missä asiakas on nyt ja onko paikalla lapsia.",
    [
      { statute: "1301/2014", section: "29" },
      { statute: "417/2007", section: "38" },
    ],
  ),
  hub(
    "edunvalvonta",
    "Edunvalvonta",
    "Edunvalvonta turvaa niiden ihmisten edut, jotka eivät itse kykene hoitamaan talouttaan tai asioitaan.",
    [
      "Tee ilmoitus holhousviranomaiselle, jos asiakas ilmeisesti tarvitsee edunvalvojaa.",
      "Selvitä, onko asiakkaalla vahvistettu edunvalvontavaltuutus.",
    ],
    "Edunvalvonta rajoittaa ihmisen itsemääräämisoikeutta mahdollisimman vähän: kevyemmät keinot selvitetään ensin.",
    [{ statute: "442/1999", section: "91" }],
  ),
  hub(
    "toimeentulotuki",
    "Toimeentulotuki",
    "Perustoimeentulotuki haetaan Kelasta; hyvinvointialue myöntää täydentävää ja ehkäisevää toimeentulotukea.",
    [
      "Ohjaa asiakas hakemaan perustoimeentulotukea Kelasta ensin.",
      "Ehkäisevällä toimeentulotuella voi tukea esimerkiksi häätöuhan tai velkakierteen katkaisemisessa.",
    ],
    "Täydentävän tuen päätöksessä perustele, miksi meno on välttämätön juuri tämän asiakkaan tilanteessa.",
    [{ statute: "1412/1997", section: "2" }],
  ),
  hub(
    "omaishoito",
    "Omaishoito",
    "Omaishoidon tuki on kokonaisuus: hoitopalkkio, omaishoitajan vapaat ja hoidettavan palvelut.",
    [
      "Omaishoidon tukea haetaan hakemuksella; tarve arvioidaan kotikäynnillä.",
      "Omaishoitajalle kuuluu lakisääteinen vapaa.",
    ],
    "Kysy omaishoitajan omasta jaksamisesta jokaisella käynnillä – se on osa palvelutarpeen arviointia.",
    [{ statute: "937/2005", section: "3" }],
  ),
  hub(
    "perheoikeudelliset-palvelut",
    "Perheoikeudelliset palvelut",
    "Lastenvalvoja vahvistaa isyyden ja äitiyden sekä sopimukset lapsen huollosta, asumisesta, tapaamisista ja elatuksesta.",
    [
      "Ohjaa vanhemmat lastenvalvojalle, kun he haluavat sopia lapsen asioista.",
      "Riitatilanteissa perheasioiden sovittelu voi auttaa ennen tuomioistuinta.",
    ],
    "Lapsen mielipide selvitetään lapsen ikä ja kehitystaso huomioiden.",
  ),
  hub(
    "kasvatus-ja-perheneuvonta",
    "Kasvatus- ja perheneuvonta",
    "Kasvatus- ja perheneuvonta tukee lasten kehitystä ja perheiden vuorovaikutusta.",
    ["Perhe voi hakeutua neuvontaan itse ilman lähetettä."],
    "Ammattilaiset voivat konsultoida perheneuvolaa myös ilman perheen tunnistetietoja.",
  ),
  hub(
    "tyollisyytta-tukevat-palvelut",
    "Työllisyyttä tukevat palvelut",
    "Kuntouttava työtoiminta ja monialainen yhteispalvelu tukevat pitkään työttömänä olleita.",
    ["Selvitä asiakkaan työ- ja toimintakyky yhdessä TE-palvelujen ja Kelan kanssa."],
    "Aktivointisuunnitelma laaditaan yhdessä asiakkaan kanssa; kirjaa asiakkaan omat tavoitteet.",
  ),
  hub(
    "hallinto-ja-kehittaminen",
    "Hallinto ja kehittäminen",
    "Päätöksenteon ohjeet, lomakkeet ja alueen kehittämishankkeet yhdessä paikassa.",
    ["Tarkista ajantasaiset päätöspohjat ennen päätöksen tekemistä."],
    "Hyvä päätös on perusteltu, ymmärrettävä ja sisältää muutoksenhakuohjeen.",
    [{ statute: "434/2003", section: "45" }],
  ),
  hub(
    "koulutus-ja-tapahtumat",
    "Koulutus ja tapahtumat",
    "Alueen koulutukset, verkostotapaamiset ja täydennyskoulutus. Katso tapahtumakalenteri.",
    ["Ilmoittaudu koulutuksiin tapahtuman sivulta."],
    "Täydennyskoulutus on työnantajan järjestämää työaikaa – sovi osallistumisesta esihenkilösi kanssa.",
  ),
  hub(
    "tyonohjaus",
    "Työnohjaus",
    "Työnohjaus tukee ammatillista kasvua ja jaksamista vaativassa asiakastyössä.",
    ["Kysy työnohjauksesta esihenkilöltäsi; alueella on yhteinen työnohjaajaluettelo."],
    "Työnohjaus on luottamuksellista: asiakastapauksia käsitellään ilman tunnistetietoja.",
  ),
  hub(
    "yleinen-ammattitieto",
    "Yleinen ammattitieto",
    "Sosiaalialan yhteinen perusta: asiakkaan oikeudet, tietosuoja, kirjaaminen ja ammattietiikka.",
    ["Älä kirjoita asiakkaan tunnistetietoja keskustelualueille tai konsultaatiopyyntöihin."],
    "Asiakkaan tiedot ovat salassa pidettäviä. Konsultoidessa kuvaa tilanne niin, ettei asiakasta voi tunnistaa.",
    [{ statute: "812/2000", section: "14" }],
  ),
];

export type EventSeed = {
  title: string;
  /** Days after seeding (moved to the next weekday), start time UTC, length in hours. */
  inDays: number;
  startTime: string;
  hours: number;
  location: string;
  organizer: string;
  summary: string;
  serviceAreas: string[];
  onlineUrl?: string;
};
/** Demo events fall in the weeks after seeding, so the calendar is never empty or stale. */
const EVENT_SEEDS: EventSeed[] = [
  {
    title: "Lastensuojelun verkostopäivä",
    inDays: 11,
    startTime: "08:30",
    hours: 5.5,
    location: "Jyväskylä, Palvelukatu 1, auditorio",
    organizer: "Keski-Suomen hyvinvointialue",
    summary: "Ajankohtaista lastensuojeluilmoitusten käsittelystä ja yhteistyöstä koulujen kanssa.",
    serviceAreas: ["lastensuojelu", "koulutus-ja-tapahtumat"],
  },
  {
    title: "Uusi vammaispalvelulaki käytännössä",
    inDays: 59,
    startTime: "10:00",
    hours: 3,
    location: "Verkossa",
    organizer: "Vammaispalvelut",
    summary: "Kokemuksia ensimmäisistä päätöksistä uuden lain aikana ja päätöspohjien päivitys.",
    serviceAreas: ["vammaispalvelut", "koulutus-ja-tapahtumat"],
    onlineUrl: "https://meet.demo.soskes.example/vammaispalvelulaki",
  },
  {
    title: "Sosiaalipäivystyksen ja poliisin yhteistyöfoorumi",
    inDays: 81,
    startTime: "11:00",
    hours: 3,
    location: "Äänekoski, Palvelutie 5",
    organizer: "Sosiaalipäivystys",
    summary: "Virka-apupyynnöt, yhteiset toimintamallit ja kiireellisten sijoitusten käytännöt.",
    serviceAreas: ["sosiaalipaivystys", "lastensuojelu"],
  },
  {
    title: "Työnohjaajien kevättapaaminen",
    inDays: 115,
    startTime: "12:00",
    hours: 3,
    location: "Laukaa, Palvelutie 12",
    organizer: "Työnohjauksen verkosto",
    summary: "Alueen työnohjaajien vertaistapaaminen ja työnohjaajaluettelon päivitys.",
    serviceAreas: ["tyonohjaus"],
  },
];

export type NewsSeed = {
  slug: string;
  title: string;
  /** Published this many days before seeding. */
  daysAgo: number;
  summary: string;
  body: string;
  serviceAreas: string[];
  municipality?: string;
};
const NEWS_SEEDS: NewsSeed[] = [
  {
    slug: "soskes-uudistui",
    title: "SosKes uudistui",
    daysAgo: 6,
    summary: "Alueen sosiaalialan ammattilaisten portaali on avattu uudistettuna.",
    body: "Kuntahakemisto, lakitieto ja palvelualueiden sivut ovat nyt yhdessä haussa. Kerro palautteesi palautekanavan kautta.",
    serviceAreas: ["yleinen-ammattitieto"],
  },
  {
    slug: "joulun-aukioloajat",
    title: "Toimipisteiden aukioloajat joulun aikaan",
    daysAgo: 2,
    summary: "Toimipisteet ovat suljettuina 24.–26.12. Sosiaalipäivystys palvelee normaalisti.",
    body: "Tarkista kunkin toimipisteen poikkeusaukiolot kuntahakemistosta. Kiireellisissä asioissa sosiaalipäivystys palvelee ympäri vuorokauden.",
    serviceAreas: ["sosiaalipaivystys"],
  },
  {
    slug: "laukaan-aikuissosiaalityo-muuttaa",
    title: "Laukaan aikuissosiaalityön puhelinajat muuttuvat",
    daysAgo: 12,
    summary: "Puhelinaika on jatkossa maanantaista torstaihin klo 9–11.",
    body: "Muutos koskee neuvontanumeroa. Kiireellisissä asioissa virka-ajan ulkopuolella ota yhteys sosiaalipäivystykseen.",
    serviceAreas: ["aikuissosiaalityo"],
    municipality: "410",
  },
  {
    slug: "lastensuojeluilmoituslomake-paivitetty",
    title: "Lastensuojeluilmoituksen ohje päivitetty",
    daysAgo: 25,
    summary: "Ohjeeseen on lisätty esimerkkejä hyvästä ilmoituksesta.",
    body: "Päivitetty ohje löytyy lastensuojelun palvelualueen sivulta.",
    serviceAreas: ["lastensuojelu"],
  },
];

export type LinkSeed = { title: string; url: string; description: string; serviceAreas: string[] };
export const LINKS: LinkSeed[] = [
  {
    title: "Finlex – ajantasainen lainsäädäntö",
    url: "https://www.finlex.fi",
    description: "Lakien ja asetusten ajantasaiset tekstit.",
    serviceAreas: ["yleinen-ammattitieto"],
  },
  {
    title: "THL – Lastensuojelun käsikirja",
    url: "https://thl.fi/aiheet/lastensuojelu",
    description: "Lastensuojelun menettelyt ja hyvät käytännöt.",
    serviceAreas: ["lastensuojelu"],
  },
  {
    title: "Kela – perustoimeentulotuki",
    url: "https://www.kela.fi/toimeentulotuki",
    description: "Perustoimeentulotuen hakeminen ja ohjeet ammattilaisille.",
    serviceAreas: ["toimeentulotuki"],
  },
  {
    title: "Valvira – sosiaalihuollon ammattihenkilöt",
    url: "https://valvira.fi",
    description: "Ammattioikeudet ja valvonta.",
    serviceAreas: ["yleinen-ammattitieto"],
  },
  {
    title: "Suomi.fi – palvelutietovaranto",
    url: "https://www.suomi.fi",
    description: "Julkisten palvelujen kansallinen tietovaranto.",
    serviceAreas: ["hallinto-ja-kehittaminen"],
  },
  {
    title: "Digi- ja väestötietovirasto – edunvalvonta",
    url: "https://dvv.fi/edunvalvonta",
    description: "Edunvalvonnan tarpeen ilmoittaminen ja edunvalvontavaltuutus.",
    serviceAreas: ["edunvalvonta"],
  },
];

const day = (now: Date, offset: number) => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d;
};

export function eventsFor(now: Date) {
  return EVENT_SEEDS.map(({ inDays, startTime, hours, ...event }) => {
    const start = day(now, inDays);
    const [h, m] = startTime.split(":").map(Number);
    start.setUTCHours(h ?? 8, m ?? 0);
    return {
      ...event,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + hours * 3_600_000).toISOString(),
    };
  });
}

export function newsFor(now: Date) {
  return NEWS_SEEDS.map(({ daysAgo, ...item }) => ({
    ...item,
    date: new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10),
  }));
}
