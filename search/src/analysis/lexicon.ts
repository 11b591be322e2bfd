/**
 * Parts Finnish social-welfare compounds are made of, in the forms they take inside a
 * compound ("lasten-", "vammais-", "sosiaali-"). Splitting "lastensuojeluilmoitus" into
 * "lastensuojelu" + "ilmoitus" lets either half find the whole, and the whole find texts that
 * write the parts apart. Municipality and statute names join these at run time. Extend freely:
 * a part is at least three letters and a real word or compound stem.
 */
export const COMPOUND_PARTS = `
aikuis aikuinen alue ammatti apu arki arviointi asema asiakas asiakkaan asuminen asumis avo
arvio edunvalvonta elatus ensi erityis etuus hakemus hallinto henkilo henkilokohtainen hoito
hoiva hoidon huolto huosta hyvinvointi ikaantyneiden ikaihmisten ilmoitus jalki jarjestaminen
kasvatus kehitys kiireellinen koti koulu kriisi kunta kuntoutus kyky laki lapsi lapsen lapsiperhe
lapsiperheiden lasten lahisuhde liikkuminen lausunto mielenterveys neuvonta neuvola ohjaus oikeus
omais oma paihde paatos palvelu palvelut perhe perus paivystys poliisi rekisteri ryhma salassapito
selvitys sijais sijoitus sosiaali suojelu suunnitelma taloudellinen talous tarve terveys tieto
toiminta toimeentulo toimintakyky tuki turva tyo tyontekija tyoikaisten vammais vammainen vanhus
vastaava vastuu velvollisuus verkosto vertais vireille valitys vakivalta yhteistyo yhteys ymparisto
lastensuojelu sosiaalihuolto sosiaalityo vammaispalvelu perhetyo kotihoito
kasikirja lomake ohje opas koulutus kokous paiva viikko seutu keskus toimisto yksikko asunto
`
  .split(/\s+/)
  .filter(Boolean);
