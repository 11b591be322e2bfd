import { decompose, expandHyphenEllipsis, partsGeneration, stem } from "./finnish.js";
import { fold, STOPWORDS, tokenize } from "./text.js";

export { addCompoundParts, decompose, lemma, stem } from "./finnish.js";
export { escapeHtml, fold, STOPWORDS, tokenize } from "./text.js";

/** The index key of a statute number: "1301/2014" → "n1301y2014". */
export function statuteKey(number: string): string | undefined {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{4})\s*$/.exec(number);
  return m ? `n${m[1]}y${m[2]}` : undefined;
}

const termsCache = new Map<string, string[]>();
let cachedGeneration = partsGeneration;

/** Every term a word is found by: the folded word, its stem and its compound parts. */
export function wordTerms(word: string): string[] {
  if (cachedGeneration !== partsGeneration) {
    termsCache.clear();
    cachedGeneration = partsGeneration;
  }
  let terms = termsCache.get(word);
  if (!terms) {
    terms = computeWordTerms(word);
    if (termsCache.size > 200_000) termsCache.clear();
    termsCache.set(word, terms);
  }
  return terms;
}

function computeWordTerms(word: string): string[] {
  const folded = fold(word);
  if (STOPWORDS.has(folded)) return [];
  if (/^\d/.test(folded)) return [folded];
  const terms = [folded];
  const s = stem(word);
  if (s !== folded && s.length > 1) terms.push(s);
  for (const part of decompose(word)) terms.push(part);
  return terms;
}

/** Index terms for a text, space-separated, in text order (for FTS5 and Meilisearch alike). */
export function analyzeText(text: string | null | undefined): string {
  if (!text) return "";
  const out: string[] = [];
  for (const { word } of tokenize(text)) out.push(...wordTerms(word));
  for (const extra of expandHyphenEllipsis(text)) out.push(...wordTerms(extra));
  return out.join(" ");
}

/** Like analyzeText, but each term once: for titles and keywords, where repetition means nothing. */
export function analyzeTerms(texts: Array<string | null | undefined>): string {
  const set = new Set<string>();
  for (const text of texts) for (const t of analyzeText(text).split(" ")) if (t) set.add(t);
  return [...set].join(" ");
}

/** Stems of a phrase's content words, for matching names, aliases and synonyms. */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase)
    .map((t) => t.word)
    .filter((w) => !STOPWORDS.has(fold(w)))
    .map((w) => (/^\d/.test(w) ? w : stem(w)));
}
