/**
 * What a requester is asked to remove before a consultation is sent: things that may identify a
 * client. Never changed silently — the requester sees each flag with its reason and edits the text
 * (or confirms that a flag is not about a person). Identity codes are refused outright, at the portal's doors
 * (`@soskes/config`'s henkilötunnus guard).
 */

export type AnonymisationFlag = { kind: "name" | "address" | "birth_date"; text: string; index: number };

// Common Finnish first names (and a few Swedish ones): a capitalised first name followed by a
// capitalised word is very likely a person.
const FIRST_NAMES = new Set(
  (
    "aada aino aleksi anna anne anni antti ari arja eero eeva eino elina elias ella emilia emma " +
    "erkki hanna harri heikki heli helmi henna hilkka ilkka irma jaana jani jari jarmo johanna " +
    "jouni juha juho jukka jussi kaarina kaisa kalle kari katja kimmo kirsi kristiina lauri leena " +
    "leo liisa lotta maija marja marjatta marko markku matti merja mika mikko minna niko nina " +
    "noora oliver olli onni osmo outi paavo pasi pekka pentti petri pirjo pirkko raili riikka " +
    "riitta risto ritva sami sanna sari seppo siiri sofia susanna tapani tapio teemu terhi timo " +
    "tuomas tuula tuulikki ulla vesa veera ville aleksanteri eveliina karin erik johan lars"
  ).split(" "),
);

// The surname is looked ahead, so "Asiakas Matti Meikäläinen" is tried at "Matti" too.
const NAME = /(?<![\p{L}])(\p{Lu}\p{Ll}+)(?=(\s+)(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?))/gu;
const ADDRESS =
  /(?<![\p{L}])\p{Lu}\p{Ll}*(?:katu|tie|kuja|polku|väylä|raitti|rinne|mäki|ranta|puisto|tori|aukio|kaari|vägen|gatan|gränd)\s+\d+(?:\s?[A-Za-z])?(?:\s?\d+)?/gu;
const BIRTH_DATE =
  /(?:synt(?:ynyt|yneet|ymäaika|ymäpäivä)?\.?|s\.|född|born)\s*(?:on\s+)?(\d{1,2}\.\d{1,2}\.(?:19|20)?\d{2})/giu;

export function anonymisationFlags(text: string): AnonymisationFlag[] {
  const flags: AnonymisationFlag[] = [];
  for (const m of text.matchAll(NAME)) {
    if (FIRST_NAMES.has(m[1]!.toLowerCase()))
      flags.push({ kind: "name", text: `${m[1]}${m[2]}${m[3]}`, index: m.index });
  }
  for (const m of text.matchAll(ADDRESS)) flags.push({ kind: "address", text: m[0], index: m.index });
  for (const m of text.matchAll(BIRTH_DATE)) flags.push({ kind: "birth_date", text: m[0], index: m.index });
  return flags.sort((a, b) => a.index - b.index);
}
