import { stemmer } from "@orama/stemmers/finnish";
import { COMPOUND_PARTS } from "./lexicon.js";
import { fold } from "./text.js";

/**
 * Consonant gradation and stem changes the Snowball stemmer does not undo: "lain" and "laki",
 * "tuen" and "tuki", "palvelutarpeen" and "palvelutarve" must meet. Each rule rewrites the end
 * of a word (also the last part of a compound) to its basic form before stemming.
 */
const WORD_FORMS: Array<[string, string[]]> = [
  [
    "laki",
    [
      "lain",
      "lakia",
      "laissa",
      "laista",
      "lakiin",
      "lait",
      "lakien",
      "laeissa",
      "laeista",
      "lakeja",
      "laille",
      "lailla",
      "laeille",
    ],
  ],
  [
    "tuki",
    ["tuen", "tukea", "tuesta", "tuessa", "tukeen", "tuet", "tukien", "tuelle", "tuella", "tukia", "tukiin"],
  ],
  [
    "hoito",
    ["hoidon", "hoitoa", "hoidossa", "hoidosta", "hoitoon", "hoidot", "hoitojen", "hoidolle", "hoidolla"],
  ],
  [
    "tarve",
    [
      "tarpeen",
      "tarvetta",
      "tarpeet",
      "tarpeiden",
      "tarpeessa",
      "tarpeesta",
      "tarpeeseen",
      "tarpeita",
      "tarpeisiin",
      "tarpeille",
    ],
  ],
  [
    "vesi",
    ["veden", "vettä", "vetta", "vedet", "vesien", "vedellä", "vedella", "vedeltä", "vedelta", "vedelle"],
  ],
  ["apu", ["avun", "apua", "avusta", "apuun", "avut", "apujen", "avulla"]],
  [
    "työ",
    [
      "työn",
      "työtä",
      "työssä",
      "työstä",
      "työhön",
      "työt",
      "töiden",
      "tyon",
      "tyota",
      "tyossa",
      "tyosta",
      "tyohon",
    ],
  ],
  ["päätös", ["päätöksen", "päätöstä", "päätökset", "päätöksiä", "paatoksen", "paatosta", "paatokset"]],
  ["lapsi", ["lapsen", "lasta", "lapset", "lapsia", "lapsille", "lapselle", "lapsesta", "lapsessa"]],
];
const FORM_TO_BASE = new Map<string, string>();
for (const [base, forms] of WORD_FORMS) for (const form of forms) FORM_TO_BASE.set(form, base);
const FORMS_BY_LENGTH = [...FORM_TO_BASE.keys()].sort((a, b) => b.length - a.length);

/** Endings of derived nouns whose inflected stems differ from the basic form. */
const SUFFIX_RULES: Array<[RegExp, string]> = [
  // ilmoituksen, päivystyksessä, selvitykset → ilmoitus, päivystys, selvitys
  [
    /([uy])ks(?:en|essa|essä|esta|estä|eksi|een|et|ella|ellä|elle|ia|iä|iin|ien|issa|issä|ista|istä)$/u,
    "$1s",
  ],
  // velvollisuuden, turvallisuutta → velvollisuus, turvallisuus
  [/([uy])(?:den|dessa|dessä|desta|destä|teen|det|delle|della|dellä|tta|ttä)$/u, "$1s"],
  // järjestämisen, arvioimista → järjestäminen, arvioiminen
  [/mis(?:en|essa|essä|esta|estä|eksi|een|et|ta|tä|ia|iä|iin|ien|ille|illa|illä)$/u, "minen"],
  // ikäihmisten, kiireellisen, vammaisten → ikäihminen, kiireellinen, vammainen
  [/([ie])s(?:en|essa|essä|esta|estä|een|et|ta|tä|ia|iä|iin|ten|ille|illa|illä|elle|ella|ellä)$/u, "$1nen"],
];

/** The basic form a word's ending points to; unknown endings are left for the stemmer. */
export function lemma(word: string): string {
  const exact = FORM_TO_BASE.get(word);
  if (exact) return exact;
  for (const form of FORMS_BY_LENGTH) {
    if (word.length - form.length >= 3 && word.endsWith(form)) {
      return word.slice(0, -form.length) + FORM_TO_BASE.get(form)!;
    }
  }
  if (word.length < 7) return word;
  for (const [pattern, replacement] of SUFFIX_RULES) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

const stemCache = new Map<string, string>();

/** lemma → Snowball Finnish stem → folded: the form words are matched on. */
export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = /^\d/.test(word) ? word : fold(stemmer(lemma(word)));
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, cached);
  }
  return cached;
}

const extraParts = new Set<string>();
/** Changes whenever the known compound parts change: caches of analysed words then expire. */
export let partsGeneration = 0;
let partForms = new Set(COMPOUND_PARTS);
let partStems = new Set(COMPOUND_PARTS.map((p) => stem(p)));

/** Names known at run time (municipalities, statute names) become compound parts too. */
export function addCompoundParts(words: Iterable<string>): void {
  let changed = false;
  for (const w of words) {
    const f = fold(w.toLowerCase());
    if (f.length >= 4 && /^[a-z]+$/.test(f) && !extraParts.has(f)) {
      extraParts.add(f);
      changed = true;
    }
  }
  if (!changed) return;
  partsGeneration += 1;
  partForms = new Set([...COMPOUND_PARTS, ...extraParts]);
  partStems = new Set([...partForms].map((p) => stem(p)));
  decomposeCache.clear();
}

const decomposeCache = new Map<string, string[]>();

/**
 * Splits a compound into known parts, longest first: "lastensuojeluilmoituksen" →
 * ["lastensuojelu", "ilmoitus"] (as stems). Every part but the last must be a known part as
 * written; the last may be inflected. Returns [] when the word is not a known compound.
 */
export function decompose(word: string): string[] {
  const folded = fold(word);
  if (folded.length < 7 || !/^[a-z]+$/.test(folded)) return [];
  const cached = decomposeCache.get(folded);
  if (cached) return cached;
  const parts = split(folded, 0) ?? [];
  const result = parts.length > 1 ? parts : [];
  if (decomposeCache.size > 100_000) decomposeCache.clear();
  decomposeCache.set(folded, result);
  return result;
}

function split(word: string, depth: number): string[] | undefined {
  if (depth > 0) {
    const last = stem(word);
    if (word.length >= 3 && (partForms.has(word) || partStems.has(last))) return [last];
  }
  if (depth > 3) return undefined;
  for (let end = word.length - 3; end >= 3; end--) {
    const head = word.slice(0, end);
    if (!partForms.has(head)) continue;
    const rest = split(word.slice(end), depth + 1);
    if (rest) return [stem(head), ...rest];
  }
  return undefined;
}

/**
 * "sosiaali- ja kriisipäivystys" means "sosiaalipäivystys ja kriisipäivystys": the dangling
 * first part borrows the head of the compound that follows.
 */
export function expandHyphenEllipsis(text: string): string[] {
  const extra: string[] = [];
  for (const m of text.matchAll(/([\p{L}]{3,})-\s+(?:ja|tai|sekä|eli|och|eller)\s+([\p{L}]{5,})/gu)) {
    const head = decompose(m[2]!.toLowerCase()).at(-1);
    if (!head) continue;
    const tail = m[2]!.toLowerCase();
    const foldedTail = fold(tail);
    const index = foldedTail.lastIndexOf(head);
    if (index > 0) extra.push(m[1]!.toLowerCase() + tail.slice(index));
  }
  return extra;
}
