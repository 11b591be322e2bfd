/**
 * Reference data that is true in production as well: the county, its municipalities with
 * their official codes, the service areas, and the core statutes with key sections. The
 * section summaries are SosKes's own short wording, not the statute text.
 */

export const REGION = {
  code: "13",
  name: "Keski-Suomen hyvinvointialue",
  nameSv: "Mellersta Finlands välfärdsområde",
  website: "https://www.hyvaks.fi",
};

export type MunicipalitySeed = { code: string; name: string; nameSv?: string; postalCode: string };

export const MUNICIPALITIES: MunicipalitySeed[] = [
  { code: "077", name: "Hankasalmi", postalCode: "41520" },
  { code: "172", name: "Joutsa", postalCode: "19650" },
  { code: "179", name: "Jyväskylä", postalCode: "40100" },
  { code: "182", name: "Jämsä", postalCode: "42100" },
  { code: "216", name: "Kannonkoski", postalCode: "43300" },
  { code: "226", name: "Karstula", postalCode: "43500" },
  { code: "249", name: "Keuruu", postalCode: "42700" },
  { code: "256", name: "Kinnula", postalCode: "43900" },
  { code: "265", name: "Kivijärvi", postalCode: "43800" },
  { code: "275", name: "Konnevesi", postalCode: "44300" },
  { code: "312", name: "Kyyjärvi", postalCode: "43700" },
  { code: "410", name: "Laukaa", postalCode: "41340" },
  { code: "435", name: "Luhanka", postalCode: "19950" },
  { code: "495", name: "Multia", postalCode: "42600" },
  { code: "500", name: "Muurame", postalCode: "40950" },
  { code: "592", name: "Petäjävesi", postalCode: "41900" },
  { code: "601", name: "Pihtipudas", postalCode: "44800" },
  { code: "729", name: "Saarijärvi", postalCode: "43100" },
  { code: "850", name: "Toivakka", postalCode: "41660" },
  { code: "892", name: "Uurainen", postalCode: "41230" },
  { code: "931", name: "Viitasaari", postalCode: "44500" },
  { code: "992", name: "Äänekoski", postalCode: "44100" },
];

export type ServiceAreaSeed = {
  slug: string;
  name: string;
  nameSv: string;
  kind: "service" | "support";
  description: string;
};

export const SERVICE_AREAS: ServiceAreaSeed[] = [
  {
    slug: "lastensuojelu",
    name: "Lastensuojelu",
    nameSv: "Barnskydd",
    kind: "service",
    description:
      "Lastensuojeluilmoitukset, lastensuojelutarpeen selvitys, avohuolto, sijaishuolto ja jälkihuolto.",
  },
  {
    slug: "lapsiperheiden-palvelut",
    name: "Lapsiperheiden palvelut",
    nameSv: "Tjänster för barnfamiljer",
    kind: "service",
    description: "Perhetyö, kotipalvelu ja muu tuki lapsiperheille ennen lastensuojelun asiakkuutta.",
  },
  {
    slug: "aikuissosiaalityo",
    name: "Aikuissosiaalityö",
    nameSv: "Socialt arbete för vuxna",
    kind: "service",
    description: "Työikäisten sosiaalityö ja -ohjaus, asumisen tuki ja elämänhallinnan tuki.",
  },
  {
    slug: "ikaantyneiden-palvelut",
    name: "Ikääntyneiden palvelut",
    nameSv: "Tjänster för äldre",
    kind: "service",
    description:
      "Palvelutarpeen arviointi, kotihoito, asumispalvelut ja ilmoitukset iäkkään henkilön palvelutarpeesta.",
  },
  {
    slug: "vammaispalvelut",
    name: "Vammaispalvelut",
    nameSv: "Handikappservice",
    kind: "service",
    description:
      "Vammaispalvelulain mukaiset palvelut, henkilökohtainen apu, liikkumisen tuki ja asumisen tuki.",
  },
  {
    slug: "mielenterveys-ja-paihdepalvelut",
    name: "Mielenterveys- ja päihdepalvelut",
    nameSv: "Mentalvårds- och missbrukartjänster",
    kind: "service",
    description: "Matalan kynnyksen tuki, päihdetyö, kuntoutus ja asumisen tuki.",
  },
  {
    slug: "sosiaalipaivystys",
    name: "Sosiaalipäivystys",
    nameSv: "Socialjour",
    kind: "service",
    description: "Kiireellinen sosiaalihuolto ympäri vuorokauden koko hyvinvointialueella.",
  },
  {
    slug: "edunvalvonta",
    name: "Edunvalvonta",
    nameSv: "Intressebevakning",
    kind: "service",
    description: "Edunvalvonnan tarpeen ilmoittaminen, edunvalvontavaltuutus ja yleinen edunvalvonta.",
  },
  {
    slug: "toimeentulotuki",
    name: "Toimeentulotuki",
    nameSv: "Utkomststöd",
    kind: "service",
    description: "Täydentävä ja ehkäisevä toimeentulotuki sekä yhteistyö Kelan perustoimeentulotuen kanssa.",
  },
  {
    slug: "omaishoito",
    name: "Omaishoito",
    nameSv: "Närståendevård",
    kind: "service",
    description: "Omaishoidon tuki, omaishoitajan vapaat ja valmennus.",
  },
  {
    slug: "perheoikeudelliset-palvelut",
    name: "Perheoikeudelliset palvelut",
    nameSv: "Familjerättsliga tjänster",
    kind: "service",
    description: "Isyyden ja äitiyden vahvistaminen, lapsen huolto-, asumis- ja tapaamissopimukset, elatus.",
  },
  {
    slug: "kasvatus-ja-perheneuvonta",
    name: "Kasvatus- ja perheneuvonta",
    nameSv: "Uppfostrings- och familjerådgivning",
    kind: "service",
    description: "Lasten kehityksen, kasvatuksen ja perheiden vuorovaikutuksen tuki.",
  },
  {
    slug: "tyollisyytta-tukevat-palvelut",
    name: "Työllisyyttä tukevat palvelut",
    nameSv: "Tjänster som stöder sysselsättning",
    kind: "service",
    description: "Kuntouttava työtoiminta, työkyvyn arviointi ja monialainen yhteispalvelu.",
  },
  {
    slug: "hallinto-ja-kehittaminen",
    name: "Hallinto ja kehittäminen",
    nameSv: "Förvaltning och utveckling",
    kind: "support",
    description: "Päätöksenteko, ohjeet, lomakkeet ja kehittämishankkeet.",
  },
  {
    slug: "koulutus-ja-tapahtumat",
    name: "Koulutus ja tapahtumat",
    nameSv: "Utbildning och evenemang",
    kind: "support",
    description: "Alueen koulutukset, verkostotapaamiset ja täydennyskoulutus.",
  },
  {
    slug: "tyonohjaus",
    name: "Työnohjaus",
    nameSv: "Arbetshandledning",
    kind: "support",
    description: "Työnohjauksen käytännöt, työnohjaajat ja hakeutuminen työnohjaukseen.",
  },
  {
    slug: "yleinen-ammattitieto",
    name: "Yleinen ammattitieto",
    nameSv: "Allmän yrkeskunskap",
    kind: "support",
    description: "Sosiaalialan yhteinen tieto: etiikka, tietosuoja, kirjaaminen ja asiakkaan oikeudet.",
  },
];

export type SectionSeed = { number: string; title: string; summary: string; amendedOn?: string };
export type StatuteSeed = {
  number: string;
  title: string;
  titleSv: string;
  shortName?: string;
  aliases: string[];
  inForceFrom: string;
  serviceAreas: string[];
  summary: string;
  sections: SectionSeed[];
};

const finlexUrl = (number: string): string => {
  const [n, year] = number.split("/");
  return `https://www.finlex.fi/fi/lainsaadanto/${year}/${n}`;
};
export { finlexUrl };

export const STATUTES: StatuteSeed[] = [
  {
    number: "1301/2014",
    title: "Sosiaalihuoltolaki",
    titleSv: "Socialvårdslag",
    shortName: "SHL",
    aliases: ["SHL", "sosiaalihuoltolaki", "sosiaalihuoltolain", "shl"],
    inForceFrom: "2015-04-01",
    serviceAreas: [
      "aikuissosiaalityo",
      "lapsiperheiden-palvelut",
      "sosiaalipaivystys",
      "ikaantyneiden-palvelut",
      "mielenterveys-ja-paihdepalvelut",
      "yleinen-ammattitieto",
    ],
    summary:
      "Sosiaalihuollon yleislaki: millaisia sosiaalipalveluja on järjestettävä, miten asiakkuus alkaa ja miten palvelutarve arvioidaan.",
    sections: [
      {
        number: "11",
        title: "Sosiaalipalveluilla vastataan tuen tarpeisiin",
        summary:
          "Luettelee tuen tarpeet, joihin sosiaalipalveluilla on vastattava, kuten asuminen, toimeentulo, sosiaalinen syrjäytyminen ja lähisuhdeväkivalta.",
      },
      {
        number: "14",
        title: "Sosiaalipalvelut",
        summary:
          "Luettelo sosiaalipalveluista, joita hyvinvointialueen on järjestettävä, esimerkiksi sosiaalityö, sosiaaliohjaus, kotipalvelu ja asumispalvelut.",
      },
      {
        number: "29",
        title: "Sosiaalipäivystys",
        summary:
          "Kiireellinen sosiaalihuolto on järjestettävä ympäri vuorokauden. Päivystyksen on toimittava yhteistyössä terveydenhuollon päivystyksen, poliisin ja hätäkeskuksen kanssa.",
      },
      {
        number: "35",
        title: "Yhteydenotto sosiaalihuoltoon",
        summary:
          "Kun ammattilainen huomaa henkilön, joka tarvitsee sosiaalihuoltoa, hänen on ohjattava tämä hakemaan palveluja tai, jos henkilö suostuu tai tilanne sitä vaatii, otettava itse yhteyttä sosiaalihuoltoon.",
      },
      {
        number: "36",
        title: "Palvelutarpeen arviointi",
        summary:
          "Sosiaalihuollon tarpeessa olevan henkilön palvelutarve on arvioitava viipymättä; arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä yhteydenotosta, ja tietyille ryhmille se on tehtävä kolmen kuukauden kuluessa.",
      },
      {
        number: "39",
        title: "Asiakassuunnitelma",
        summary:
          "Palvelutarpeen arvioinnin jälkeen laaditaan tarvittaessa asiakassuunnitelma yhdessä asiakkaan kanssa, ellei se ole ilmeisen tarpeetonta.",
      },
      {
        number: "42",
        title: "Omatyöntekijä",
        summary:
          "Asiakkaalle nimetään omatyöntekijä, joka vastaa palvelujen yhteensovittamisesta, ellei se ole ilmeisen tarpeetonta. Erityistä tukea tarvitsevan omatyöntekijän on oltava sosiaalityöntekijä.",
      },
    ],
  },
  {
    number: "417/2007",
    title: "Lastensuojelulaki",
    titleSv: "Barnskyddslag",
    shortName: "LSL",
    aliases: ["LSL", "lastensuojelulaki", "lastensuojelulain", "lsl"],
    inForceFrom: "2008-01-01",
    serviceAreas: ["lastensuojelu", "lapsiperheiden-palvelut"],
    summary:
      "Lapsen oikeus turvalliseen kasvuympäristöön: ilmoitusvelvollisuus, lastensuojelutarpeen selvitys, avohuolto, kiireellinen sijoitus, huostaanotto ja jälkihuolto.",
    sections: [
      {
        number: "25",
        title: "Ilmoitusvelvollisuus",
        summary:
          "Laissa luetellut ammattilaiset ovat velvollisia tekemään lastensuojeluilmoituksen salassapidon estämättä, kun lapsen hoidon tarve, kehitystä vaarantavat olosuhteet tai lapsen oma käyttäytyminen edellyttävät lastensuojelun tarpeen selvittämistä.",
      },
      {
        number: "26",
        title: "Lastensuojeluasian vireille tulo",
        summary:
          "Lastensuojeluasia tulee vireille ilmoituksesta tai hakemuksesta. Sosiaalityöntekijän on arvioitava lapsen kiireellisen suojelun tarve välittömästi ja päätettävä viimeistään seitsemäntenä arkipäivänä, aloitetaanko selvitys.",
      },
      {
        number: "27",
        title: "Lastensuojelutarpeen selvitys",
        summary:
          "Selvitys tehdään sosiaalihuoltolain mukaisena palvelutarpeen arviointina, ja sen on valmistuttava viimeistään kolmen kuukauden kuluessa vireille tulosta.",
      },
      {
        number: "30",
        title: "Asiakassuunnitelma",
        summary:
          "Lastensuojelun asiakkaana olevalle lapselle laaditaan asiakassuunnitelma, jota tarkistetaan tarvittaessa ja vähintään kerran vuodessa.",
      },
      {
        number: "34",
        title: "Avohuollon tukitoimet",
        summary:
          "Avohuollon tukitoimiin ryhdytään viipymättä, jos kasvuolot vaarantavat lapsen kehitystä tai lapsen oma käyttäytyminen sitä edellyttää.",
      },
      {
        number: "38",
        title: "Kiireellinen sijoitus",
        summary:
          "Välittömässä vaarassa oleva tai muutoin kiireellisen sijoituksen tarpeessa oleva lapsi voidaan sijoittaa kiireellisesti. Sijoitus kestää enintään 30 päivää, ellei huostaanottoa valmistella.",
      },
      {
        number: "40",
        title: "Lapsen huostaanotto",
        summary:
          "Lapsi on otettava huostaan, jos puutteet huolenpidossa tai kasvuolosuhteet tai lapsen oma käyttäytyminen vakavasti vaarantavat hänen terveyttään tai kehitystään, eivätkä avohuollon tukitoimet ole riittäviä.",
      },
      {
        number: "75",
        title: "Oikeus jälkihuoltoon",
        summary:
          "Sijoituksen päätyttyä hyvinvointialueen on järjestettävä nuorelle jälkihuoltoa; oikeus jatkuu enintään 25 vuoden ikään saakka.",
      },
    ],
  },
  {
    number: "980/2012",
    title:
      "Laki ikääntyneen väestön toimintakyvyn tukemisesta sekä iäkkäiden sosiaali- ja terveyspalveluista",
    titleSv:
      "Lag om stödjande av den äldre befolkningens funktionsförmåga och om social- och hälsovårdstjänster för äldre",
    shortName: "vanhuspalvelulaki",
    aliases: ["vanhuspalvelulaki", "vanhuspalvelulain", "vanhuspalvelulakia", "VPL"],
    inForceFrom: "2013-07-01",
    serviceAreas: ["ikaantyneiden-palvelut", "omaishoito"],
    summary:
      "Iäkkäiden henkilöiden palvelutarpeen selvittäminen, vastuutyöntekijä, palvelujen laatu ja ilmoitusvelvollisuus iäkkään palvelutarpeesta.",
    sections: [
      {
        number: "15",
        title: "Palveluntarpeiden selvittäminen",
        summary:
          "Iäkkään henkilön palveluntarpeet selvitetään kokonaisvaltaisesti yhdessä hänen kanssaan, luotettavia arviointivälineitä käyttäen.",
      },
      {
        number: "17",
        title: "Vastuutyöntekijä",
        summary:
          "Jos iäkäs henkilö tarvitsee apua palvelujen toteuttamiseen ja yhteensovittamiseen, hänelle nimetään vastuutyöntekijä.",
      },
      {
        number: "25",
        title: "Ilmoitus iäkkään henkilön palvelutarpeesta",
        summary:
          "Ammattilaisen, joka huomaa iäkkään henkilön, joka ei kykene huolehtimaan itsestään, on salassapidon estämättä ilmoitettava asiasta sosiaalihuoltoon.",
      },
    ],
  },
  {
    number: "675/2023",
    title: "Laki vammaispalveluista",
    titleSv: "Lag om funktionshinderservice",
    shortName: "vammaispalvelulaki",
    aliases: ["vammaispalvelulaki", "vammaispalvelulain", "VPL 2023", "uusi vammaispalvelulaki"],
    inForceFrom: "2025-01-01",
    serviceAreas: ["vammaispalvelut"],
    summary:
      "Vammaisten henkilöiden erityispalvelut: valmennus, henkilökohtainen apu, liikkumisen tuki, asumisen tuki ja lapsen erityinen tuki.",
    sections: [],
  },
  {
    number: "1412/1997",
    title: "Laki toimeentulotuesta",
    titleSv: "Lag om utkomststöd",
    shortName: "toimeentulotukilaki",
    aliases: ["toimeentulotukilaki", "toimeentulotuki", "toimeentulotuesta", "TTL"],
    inForceFrom: "1998-03-01",
    serviceAreas: ["toimeentulotuki", "aikuissosiaalityo"],
    summary:
      "Viimesijainen taloudellinen tuki: Kela myöntää perustoimeentulotuen, hyvinvointialue täydentävän ja ehkäisevän toimeentulotuen.",
    sections: [
      {
        number: "1",
        title: "Toimeentulotuen tarkoitus",
        summary:
          "Toimeentulotuki turvaa ihmisarvoisen elämän edellyttämän vähimmäistoimeentulon ja edistää itsenäistä suoriutumista.",
      },
      {
        number: "2",
        title: "Oikeus toimeentulotukeen",
        summary:
          "Jokaisella, joka on tuen tarpeessa eikä voi saada toimeentuloa ansiotyöllä, muista tuloista tai varoista, on oikeus toimeentulotukeen.",
      },
    ],
  },
  {
    number: "812/2000",
    title: "Laki sosiaalihuollon asiakkaan asemasta ja oikeuksista",
    titleSv: "Lag om klientens ställning och rättigheter inom socialvården",
    shortName: "asiakaslaki",
    aliases: ["asiakaslaki", "sosiaalihuollon asiakaslaki", "asiakaslain"],
    inForceFrom: "2001-01-01",
    serviceAreas: ["yleinen-ammattitieto"],
    summary:
      "Asiakkaan itsemääräämisoikeus, osallisuus, tietojen salassapito ja tietojen luovuttaminen sosiaalihuollossa.",
    sections: [
      {
        number: "8",
        title: "Asiakkaan toivomukset ja mielipide",
        summary:
          "Sosiaalihuoltoa toteutettaessa otetaan ensisijaisesti huomioon asiakkaan toivomukset ja mielipide ja kunnioitetaan hänen itsemääräämisoikeuttaan.",
      },
      {
        number: "14",
        title: "Salassapitovelvollisuus",
        summary:
          "Sosiaalihuollon asiakasta koskevat tiedot ovat salassa pidettäviä, eikä niitä saa ilmaista sivullisille ilman laissa säädettyä perustetta.",
      },
    ],
  },
  {
    number: "442/1999",
    title: "Laki holhoustoimesta",
    titleSv: "Lag om förmyndarverksamhet",
    shortName: "holhoustoimilaki",
    aliases: ["holhoustoimilaki", "holhoustoimesta", "holhouslaki"],
    inForceFrom: "1999-12-01",
    serviceAreas: ["edunvalvonta"],
    summary:
      "Edunvalvojan määrääminen, edunvalvojan tehtävät ja ilmoitus edunvalvonnan tarpeessa olevasta henkilöstä.",
    sections: [
      {
        number: "8",
        title: "Edunvalvojan määrääminen täysi-ikäiselle",
        summary:
          "Tuomioistuin voi määrätä edunvalvojan täysi-ikäiselle, joka ei sairauden tai muun syyn vuoksi kykene valvomaan etujaan tai hoitamaan talouttaan.",
      },
      {
        number: "91",
        title: "Ilmoitus edunvalvonnan tarpeessa olevasta",
        summary:
          "Sosiaalihuollon viranomaisen on ilmoitettava holhousviranomaiselle henkilöstä, joka ilmeisesti tarvitsee edunvalvojaa.",
      },
    ],
  },
  {
    number: "937/2005",
    title: "Laki omaishoidon tuesta",
    titleSv: "Lag om stöd för närståendevård",
    shortName: "omaishoitolaki",
    aliases: ["omaishoitolaki", "omaishoidon tuki", "omaishoidon tuesta"],
    inForceFrom: "2006-01-01",
    serviceAreas: ["omaishoito", "ikaantyneiden-palvelut", "vammaispalvelut"],
    summary:
      "Omaishoidon tuen myöntämisen edellytykset, hoitopalkkio, omaishoitajan vapaat ja omaishoitosopimus.",
    sections: [
      {
        number: "3",
        title: "Tuen myöntämisen edellytykset",
        summary:
          "Omaishoidon tukea voidaan myöntää, kun hoidettava tarvitsee kotioloissa hoitoa tai huolenpitoa ja omainen kykenee vastaamaan hoidosta.",
      },
      {
        number: "4",
        title: "Omaishoidon tuen palvelut",
        summary:
          "Omaishoidon tukeen kuuluvat hoitopalkkio, omaishoitajan vapaa ja hoidettavalle annettavat palvelut asiakassuunnitelman mukaisesti.",
      },
    ],
  },
  {
    number: "41/1986",
    title: "Päihdehuoltolaki",
    titleSv: "Lag om missbrukarvård",
    shortName: "päihdehuoltolaki",
    aliases: ["päihdehuoltolaki", "paihdehuoltolaki", "päihdehuoltolain"],
    inForceFrom: "1987-01-01",
    serviceAreas: ["mielenterveys-ja-paihdepalvelut"],
    summary: "Päihteiden ongelmakäytön ehkäiseminen ja vähentäminen sekä päihdehuollon palvelut.",
    sections: [],
  },
  {
    number: "1116/1990",
    title: "Mielenterveyslaki",
    titleSv: "Mentalvårdslag",
    shortName: "mielenterveyslaki",
    aliases: ["mielenterveyslaki", "mielenterveyslain", "MTL"],
    inForceFrom: "1991-01-01",
    serviceAreas: ["mielenterveys-ja-paihdepalvelut"],
    summary:
      "Mielenterveystyö, mielenterveyspalvelujen järjestäminen ja tahdosta riippumattoman hoidon edellytykset.",
    sections: [
      {
        number: "8",
        title: "Tahdosta riippumattoman hoidon edellytykset",
        summary:
          "Henkilö voidaan määrätä tahdostaan riippumatta psykiatriseen sairaalahoitoon vain, jos laissa säädetyt edellytykset täyttyvät yhtä aikaa.",
      },
    ],
  },
  {
    number: "703/2023",
    title: "Laki sosiaali- ja terveydenhuollon asiakastietojen käsittelystä",
    titleSv: "Lag om behandling av klientuppgifter inom social- och hälsovården",
    shortName: "asiakastietolaki",
    aliases: ["asiakastietolaki", "asiakastietolain"],
    inForceFrom: "2023-11-01",
    serviceAreas: ["yleinen-ammattitieto", "hallinto-ja-kehittaminen"],
    summary:
      "Asiakastietojen kirjaaminen, käyttöoikeudet, tietojen luovuttaminen ja valtakunnalliset tietojärjestelmäpalvelut.",
    sections: [],
  },
  {
    number: "612/2021",
    title: "Laki sosiaali- ja terveydenhuollon järjestämisestä",
    titleSv: "Lag om ordnandet av social- och hälsovård",
    shortName: "järjestämislaki",
    aliases: ["järjestämislaki", "sote-järjestämislaki", "jarjestamislaki"],
    inForceFrom: "2023-01-01",
    serviceAreas: ["hallinto-ja-kehittaminen"],
    summary:
      "Hyvinvointialueen vastuu sosiaali- ja terveydenhuollon järjestämisestä, palvelustrategia ja yhteistyö.",
    sections: [],
  },
  {
    number: "434/2003",
    title: "Hallintolaki",
    titleSv: "Förvaltningslag",
    shortName: "hallintolaki",
    aliases: ["hallintolaki", "hallintolain", "HL"],
    inForceFrom: "2004-01-01",
    serviceAreas: ["hallinto-ja-kehittaminen", "yleinen-ammattitieto"],
    summary:
      "Hyvän hallinnon perusteet ja hallintoasian käsittely: neuvonta, asianosaisen kuuleminen ja päätöksen perusteleminen.",
    sections: [
      {
        number: "34",
        title: "Asianosaisen kuuleminen",
        summary:
          "Asianosaiselle on ennen asian ratkaisemista varattava tilaisuus lausua mielipiteensä ja antaa selityksensä vaatimuksista ja selvityksistä.",
      },
      {
        number: "45",
        title: "Päätöksen perusteleminen",
        summary:
          "Päätös on perusteltava: siinä on ilmoitettava ratkaisuun vaikuttaneet tosiasiat ja selvitykset sekä sovelletut säännökset.",
      },
    ],
  },
  {
    number: "263/2015",
    title: "Perhehoitolaki",
    titleSv: "Familjevårdslag",
    shortName: "perhehoitolaki",
    aliases: ["perhehoitolaki", "perhehoitolain"],
    inForceFrom: "2015-04-01",
    serviceAreas: ["lastensuojelu", "ikaantyneiden-palvelut", "vammaispalvelut"],
    summary: "Perhehoidon järjestäminen, perhehoitajan valmennus ja tuki sekä toimeksiantosopimus.",
    sections: [],
  },
  {
    number: "22/2012",
    title: "Adoptiolaki",
    titleSv: "Adoptionslag",
    shortName: "adoptiolaki",
    aliases: ["adoptiolaki", "adoptiolain"],
    inForceFrom: "2012-07-01",
    serviceAreas: ["perheoikeudelliset-palvelut"],
    summary: "Adoption edellytykset, adoptioneuvonta ja adoption vahvistaminen.",
    sections: [],
  },
];

/**
 * Words social workers use for the same thing. Editors keep these in the CMS
 * ("Hakusanojen synonyymit"); search applies them to every query.
 */
export const SEARCH_SYNONYMS: string[][] = [
  ["vanhuspalvelut", "ikääntyneiden palvelut", "ikäihmisten palvelut", "vanhustenhuolto"],
  ["sosiaalipäivystys", "kriisipäivystys", "virka-ajan ulkopuolinen sosiaalityö"],
  ["aikuissosiaalityö", "työikäisten sosiaalityö", "aikuisten sosiaalityö"],
  ["toimeentulotuki", "toimeentulotukilaki"],
  ["huostaanotto", "huostaan ottaminen"],
  ["vammaispalvelut", "vammaisten palvelut"],
  ["päihdepalvelut", "päihdehuolto", "päihdetyö"],
  ["omaishoito", "omaishoidon tuki"],
  ["lastensuojeluilmoitus", "lastensuojelu ilmoitus"],
];
