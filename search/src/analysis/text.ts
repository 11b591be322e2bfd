/**
 * Character-level text handling shared by indexing, querying and highlighting: folding,
 * tokenising with offsets, and the few words too common to search for.
 */

/** Lower case without diacritics: "Äänekoski" → "aanekoski", "Å" → "a". */
export function fold(text: string): string {
  if (/^[a-z0-9 ]*$/.test(text)) return text;
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[æ]/g, "ae")
    .replace(/[ø]/g, "o");
}

export type Token = { word: string; start: number; end: number };

const WORD = /[\p{L}\p{N}]+/gu;

/** Words and numbers with their offsets in the original text (lower case, diacritics kept). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Finnish and Swedish function words: they would match nearly every document. */
export const STOPWORDS = new Set(
  [
    "ja",
    "tai",
    "seka",
    "on",
    "ei",
    "etta",
    "kun",
    "jos",
    "se",
    "ne",
    "han",
    "ovat",
    "oli",
    "olla",
    "myos",
    "kuin",
    "joka",
    "jotka",
    "sen",
    "niin",
    "tai",
    "eli",
    "och",
    "i",
    "for",
    "av",
    "pa",
    "till",
    "med",
    "som",
    "om",
    "det",
    "en",
    "ett",
    "ar",
    "att",
    "the",
    "of",
    "and",
    "to",
    "in",
  ].map(fold),
);

/** HTML-escapes text for the highlighted snippet, the only markup the server ever emits. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  );
}
