import { h, p, ul, type Block } from "./content";

/**
 * The maintainer guide: help for the people who keep their municipality's records current,
 * created with the reference data (every installation has it) as ordinary pages, so editors
 * can improve it in Strapi and members find it in search.
 */
export type GuidePage = { slug: string; title: string; summary: string; body: Block[] };

export const GUIDE_PAGES: GuidePage[] = [
  {
    slug: "yllapitajan-opas-toimipiste",
    title: "Ylläpitäjän opas: toimipisteen tietojen päivittäminen",
    summary: "Näin muutat toimipisteen nimen, yhteystiedot, osoitteen tai palvelualueet Strapissa.",
    body: [
      p(
        "Kirjaudu Strapiin omilla tunnuksillasi. Näet ja voit muokata vain oman kuntasi toimipisteitä. Avaa Sisällönhallinta → Toimipisteet ja valitse muutettava toimipiste – ylläpitonäkymän linkit vievät suoraan oikeaan kohtaan.",
      ),
      h("Tee muutos"),
      ul(
        "Korjaa kentät ja tallenna. Tallennus ei vielä näy portaalissa.",
        "Julkaise muutos. Portaali näyttää sen muutamassa sekunnissa.",
        "Jos toimipiste lopettaa, poista sen julkaisu: tiedot säilyvät, mutta ne eivät enää näy.",
      ),
      h("Tarkistuspäivä"),
      p(
        "Jokaisella tiedolla on omistaja ja tarkistuspäivä. Kun tallennat muutoksen, merkitse tarkistuspäiväksi tämä päivä. Jos mikään ei ole muuttunut, riittää muistutusviestin linkki – kirjautumista ei tarvita.",
      ),
    ],
  },
  {
    slug: "yllapitajan-opas-yhteyshenkilot",
    title: "Ylläpitäjän opas: yhteyshenkilöt",
    summary: "Yhteyshenkilön lisääminen, vaihtuminen ja näkyvyys.",
    body: [
      p(
        "Yhteyshenkilö liitetään toimipisteeseen. Kirjaa nimi, tehtävänimike, vastuualueet ja työpuhelin – ei koskaan henkilökohtaista numeroa ilman henkilön lupaa.",
      ),
      h("Kun henkilö vaihtuu"),
      ul(
        "Lisää uusi henkilö ja liitä hänet toimipisteeseen ennen kuin poistat edellisen.",
        "Poista lähteneen henkilön julkaisu samana päivänä, jolloin hän lopettaa.",
        "Jos tehtävä on avoinna, kirjaa toimipisteen vaihde tai yhteinen sähköposti.",
      ),
      h("Näkyvyys"),
      p(
        "Näkyvyys ”jäsenet” näyttää henkilön kaikille kirjautuneille ammattilaisille. Näkyvyys ”ylläpitäjät” pitää tiedon vain ylläpidon käytössä.",
      ),
    ],
  },
  {
    slug: "yllapitajan-opas-aukioloajat",
    title: "Ylläpitäjän opas: aukioloajat ja poikkeukset",
    summary: "Säännölliset aukioloajat, pyhät ja lomasulut niin, että ”avoinna nyt” pitää paikkansa.",
    body: [
      p(
        "Portaali kertoo käyttäjälle, onko toimipiste avoinna juuri nyt. Siksi aukioloaikojen on oltava täsmälliset.",
      ),
      ul(
        "Kirjaa säännölliset ajat viikonpäivittäin, esimerkiksi ma–pe 8.00–16.00.",
        "Lisää pyhät, lomasulut ja poikkeavat päivät poikkeuksiksi päivämäärineen.",
        "Ympärivuorokautiselle palvelulle, kuten sosiaalipäivystykselle, valitse ”aina avoinna”.",
        "Kerro lisätieto-kentässä esimerkiksi ajanvarauksesta tai puhelinajasta.",
      ),
    ],
  },
  {
    slug: "yllapitajan-opas-hyva-sisalto",
    title: "Ylläpitäjän opas: millaista on hyvä sisältö",
    summary: "Lyhyesti, täsmällisesti ja ammattilaisen tarpeesta käsin.",
    body: [
      p(
        "Portaalin käyttäjä on kiireinen ammattilainen, joka etsii tiettyä tietoa asiakkaan asiassa. Kirjoita niin, että vastaus löytyy yhdellä silmäyksellä.",
      ),
      ul(
        "Aloita tärkeimmästä: kuka palvelee, miten yhteys saadaan ja milloin.",
        "Käytä palvelun virallista nimeä ja lisää ruotsinkielinen nimi kaksikielisissä kunnissa.",
        "Viittaa lakiin pykälän tarkkuudella, esimerkiksi ”SHL 36 §”.",
        "Älä koskaan kirjoita asiakkaiden tietoja tai henkilötunnuksia.",
        "Tarkista linkit: ylläpitonäkymä kertoo, jos linkitetty sivu ei enää vastaa.",
      ),
    ],
  },
  {
    slug: "yllapitajan-opas-tarkistaminen",
    title: "Ylläpitäjän opas: muistutukset ja ylläpitonäkymä",
    summary: "Miten muistutukset, yhden klikkauksen vahvistus ja ylläpitonäkymä toimivat.",
    body: [
      p(
        "Kun tiedon tarkistus erääntyy 14 päivän kuluessa, sen omistaja saa sähköpostin. Viestissä on jokaiselle tiedolle oma linkki. Jos tieto on yhä oikein, avaa linkki ja vahvista – kirjautumista ei tarvita. Linkki toimii 30 päivää ja kerran.",
      ),
      h("Ylläpitonäkymä"),
      p(
        "Portaalin Ylläpito-sivu näyttää kuntasi tiedot, joiden tarkistus erääntyy tai on myöhässä, puutteelliset tiedot (esimerkiksi puuttuva puhelinnumero, aukioloajat tai ruotsinkielinen nimi), rikkinäiset linkit ja lakimuutosten vuoksi tarkistettavat sivut. Kun kaikki on kunnossa, näkymä muuttuu vihreäksi.",
      ),
      h("Lakimuutokset"),
      p(
        "Kun pykälää muutetaan, jokainen siihen viittaava sivu ja asiantuntijavastaus merkitään tarkistettavaksi ja omistaja saa viestin. Merkintä poistuu, kun tarkistat sivun tai kuittaat, ettei muutettavaa ole.",
      ),
    ],
  },
];
