/**
 * The henkilötunnus guard: free text that holds a valid Finnish personal identity code is refused,
 * so client data never reaches conversations, consultations, profiles, notices or CMS content.
 * One guard for the portal (REST bodies and socket events), Strapi (every text field of every
 * content type) and search (queries holding a code are never recorded).
 *
 * A code is DDMMYY, a century sign, a three-digit individual number and a check character. The
 * century signs are "+" (1800s), "-" and since 2023 also Y, X, W, V, U (1900s), and "A" and since
 * 2023 also B, C, D, E, F (2000s). Only a real date with the right check character counts: phone
 * numbers, dates, statute numbers and mistyped codes pass.
 *
 * The text is checked as a reader sees it, not as it was typed: light markup and HTML tags are
 * taken out (`131052-_308T_` reads as a code), compatibility forms are folded (full-width digits),
 * every Unicode decimal digit counts as its ASCII digit, invisible format characters (soft hyphen,
 * zero-width space and joiner, word joiner, BOM) are removed, every dash-like character is a
 * hyphen and runs of white space are one space.
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
// A single space may stand between the parts (one typed by hand, or left where markup was).
const CANDIDATE =
  /(?<![0-9A-Za-z])(\d{2}) ?(\d{2}) ?(\d{2}) ?([-+A-FU-Ya-fu-y]) ?(\d{3}) ?([0-9A-Ya-y])(?![0-9A-Za-z])/g;

const DASHES = /[\p{Pd}\u2212\u2043\u02D7\uFE63\uFF0D]/gu;
const FORMAT_AND_MARKS = /[\p{Cf}\p{M}]/gu;
const SPACES = /[\s\p{Z}]+/gu;
const DIGITS = /\p{Nd}/gu;

/** The ASCII digit of any Unicode decimal digit (each script's digits run 0–9 in one block). */
function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return ch;
  let zero = cp;
  // Walk back to the block's zero: the first code point whose predecessor is no digit, or 10 steps.
  for (let i = 0; i < 9; i++) {
    const prev = String.fromCodePoint(zero - 1);
    if (!/\p{Nd}/u.test(prev)) break;
    zero -= 1;
  }
  return String((cp - zero) % 10);
}

/** The text as a reader sees it, folded for the guard (see the module comment). */
export function readerText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(FORMAT_AND_MARKS, "")
    .replace(DIGITS, asciiDigit)
    .replace(DASHES, "-")
    .replace(SPACES, " ");
}

/** Light markup taken out: `**`, `_`, `~`, backticks, `\` escapes; links as their words and address. */
const withoutMarkup = (text: string) =>
  text.replace(/\[([^\]]*)\]\(([^)]*)\)/g, "$1 $2").replace(/[*_~`\\]/g, "");

/** HTML tags taken out too (CMS rich text); a lone "<" or ">" is text, not a tag. */
const withoutTags = (text: string) => text.replace(/<\/?[A-Za-z][^<>]*>/g, "");

export type HetuMatch = { index: number; length: number };

function scan(text: string): HetuMatch | null {
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, dd, mm, yy, rawSign = "", individual, rawCheck = ""] = m;
    const century = CENTURY[rawSign.toUpperCase()];
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

/**
 * The first valid identity code in `text` as a reader sees it, or null. The position is in the
 * folded text (`readerText`): as typed, then without markup, then without tags too.
 */
export function findHetu(text: string): HetuMatch | null {
  // Read three ways: as typed, without light markup, and without tags as well — whichever way a
  // reader would see it, a code split by formatting is still found.
  const bare = withoutMarkup(text);
  return scan(readerText(text)) ?? scan(readerText(bare)) ?? scan(readerText(withoutTags(bare)));
}

/** Whether one code (without surrounding text) is a valid henkilötunnus. */
export function isValidHetu(code: string): boolean {
  const plain = readerText(code).trim();
  const found = scan(plain);
  return found !== null && found.index === 0 && found.length === plain.length;
}

/** Whether any of the texts holds a valid identity code. */
export const containsHetu = (...texts: Array<string | null | undefined>) =>
  texts.some((t) => typeof t === "string" && findHetu(t) !== null);

/**
 * Where in a value (a request body, a socket payload, CMS data) a text holds a code, as a dotted
 * path ("profile.title", "body.0"; "" for the value itself), or null: every string, and the
 * words of every rich-text node (`children` with `text`) read together, so a code split across
 * bold and plain parts is still one code. Keys in `skip` (passwords) are not read. Depth and size
 * are bounded by the callers' body limits.
 */
export function findHetuDeep(value: unknown, skip: ReadonlySet<string> = NO_KEYS): string | null {
  const seen = new Set<unknown>();
  const visit = (v: unknown, path: string[]): string | null => {
    if (typeof v === "string") return findHetu(v) !== null ? path.join(".") : null;
    if (typeof v !== "object" || v === null || path.length > 64 || seen.has(v)) return null;
    seen.add(v);
    const record = v as Record<string, unknown>;
    if (!Array.isArray(v) && Array.isArray(record.children) && findHetu(nodeText(record)) !== null)
      return path.join(".");
    for (const [key, item] of Object.entries(record)) {
      if (skip.has(key)) continue;
      const found = visit(item, [...path, key]);
      if (found !== null) return found;
    }
    return null;
  };
  return visit(value, []);
}

/** Whether any text anywhere in a value holds a code (see findHetuDeep). */
export const containsHetuDeep = (value: unknown, skip?: ReadonlySet<string>): boolean =>
  findHetuDeep(value, skip) !== null;

const NO_KEYS: ReadonlySet<string> = new Set();

/** The words of a rich-text node and its descendants, as one line (Strapi blocks, similar trees). */
function nodeText(node: unknown): string {
  if (typeof node !== "object" || node === null) return "";
  const record = node as { text?: unknown; children?: unknown };
  const own = typeof record.text === "string" ? record.text : "";
  const children = Array.isArray(record.children) ? record.children.map(nodeText).join("") : "";
  return own + children;
}

/** Why the text was refused, in the user's language. */
export const HETU_MESSAGE = {
  fi: "Teksti sisältää henkilötunnuksen. Asiakkaan tunnistetietoja ei saa kirjoittaa SosKesiin: poista tunnus ja kuvaa tilanne tunnistamattomasti.",
  sv: "Texten innehåller en personbeteckning. Klientens identitetsuppgifter får inte skrivas i SosKes: ta bort beteckningen och beskriv situationen så att ingen kan identifieras.",
  en: "The text contains a Finnish personal identity code. Client identifiers must never be written in SosKes: remove the code and describe the case so that no one can be identified.",
} as const;
