/**
 * The henkilötunnus guard: free text that holds a valid Finnish personal identity code is refused,
 * so client data never reaches conversations, consultations or notices. Shared by every feature
 * that accepts free text.
 *
 * A code is DDMMYY, a century sign, a three-digit individual number and a check character. The
 * century signs are "+" (1800s), "-" and since 2023 also Y, X, W, V, U (1900s), and "A" and since
 * 2023 also B, C, D, E, F (2000s). Only a real date with the right check character counts: phone
 * numbers, dates, statute numbers and mistyped codes pass.
 */

const CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const CENTURY: Record<string, number> = {
  "+": 1800,
  "-": 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

// Not inside a longer run of digits or letters: "0401234567" and "ABC010203-1234" are not codes.
const CANDIDATE =
  /(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})\s?([-+A-FU-Ya-fu-y\u2010\u2011\u2012\u2013])\s?(\d{3})([0-9A-Ya-y])(?![0-9A-Za-z])/g;

export type HetuMatch = { index: number; length: number };

/** Whether one code (without surrounding text) is a valid henkilötunnus. */
export function isValidHetu(code: string): boolean {
  const found = findHetu(code);
  return found !== null && found.index === 0 && found.length === code.length;
}

/** The first valid identity code in `text`, or null. */
export function findHetu(text: string): HetuMatch | null {
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, dd, mm, yy, rawSign = "", individual, rawCheck = ""] = m;
    // Word processors turn "-" into dashes; a code typed with one is still a code.
    const sign = /[\u2010-\u2013]/.test(rawSign) ? "-" : rawSign.toUpperCase();
    const century = CENTURY[sign];
    if (century === undefined) continue;
    const year = century + Number(yy);
    const month = Number(mm);
    const day = Number(dd);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
      continue;
    const n = Number(individual);
    if (n < 2) continue;
    const check = CHECK_CHARS[Number(`${dd}${mm}${yy}${individual}`) % 31];
    if (check !== rawCheck.toUpperCase()) continue;
    return { index: m.index, length: whole.length };
  }
  return null;
}

/** Whether any of the texts holds a valid identity code. */
export const containsHetu = (...texts: Array<string | null | undefined>) =>
  texts.some((t) => typeof t === "string" && findHetu(t) !== null);

/** Why the text was refused, in the user's language. */
export const HETU_MESSAGE = {
  fi: "Teksti sisältää henkilötunnuksen. Asiakkaan tunnistetietoja ei saa kirjoittaa SosKesiin: poista tunnus ja kuvaa tilanne tunnistamattomasti.",
  sv: "Texten innehåller en personbeteckning. Klientens identitetsuppgifter får inte skrivas i SosKes: ta bort beteckningen och beskriv situationen så att ingen kan identifieras.",
  en: "The text contains a Finnish personal identity code. Client identifiers must never be written in SosKes: remove the code and describe the case so that no one can be identified.",
} as const;
