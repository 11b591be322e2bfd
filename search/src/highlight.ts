import { escapeHtml, tokenize, wordTerms } from "./analysis/index.js";
import type { Alternative, Group } from "./analysis/query.js";

/** Words of `text` any group matches, wrapped in <mark>, in a window around the densest matches. */
export function highlight(text: string, groups: Group[], maxLength = 220): string {
  const tokens = tokenize(text);
  const termsOf = tokens.map(({ word }) => wordTerms(word));
  const hits = tokens.map(() => false);
  const marks = (a: Alternative, terms: string[]) =>
    a.terms.some((t) => terms.some((w) => w === t.value || (t.prefix && w.startsWith(t.value))));
  // Per group, the closest kind of match that occurs wins: the word itself before its
  // synonyms, compound parts or typo corrections, so "sosiaalipäivystys" does not light up
  // every "sosiaali-" word.
  for (const g of groups) {
    for (const kind of ["exact", "synonym", "parts", "typo"] as const) {
      // A phrase or compound counts only when all of its words occur.
      const alternatives = g.alternatives.filter(
        (a) =>
          a.kind === kind &&
          a.terms.every((t) => termsOf.some((terms) => marks({ kind, terms: [t] }, terms))),
      );
      let any = false;
      termsOf.forEach((terms, i) => {
        if (alternatives.some((a) => marks(a, terms))) hits[i] = any = true;
      });
      if (any) break;
    }
  }
  let start = 0;
  if (text.length > maxLength) {
    let bestCount = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (!hits[i]) continue;
      let count = 0;
      for (let j = i; j < tokens.length && tokens[j]!.end - tokens[i]!.start <= maxLength; j++)
        if (hits[j]) count++;
      if (count > bestCount) {
        bestCount = count;
        start = i;
      }
    }
    // Begin a little before the first match, at a word boundary.
    let back = start;
    while (back > 0 && tokens[start]!.start - tokens[back - 1]!.start < 40) back--;
    start = back;
  }
  const from = tokens[start]?.start ?? 0;
  const to = Math.min(text.length, from + maxLength);
  let out = from > 0 ? "…" : "";
  let at = from;
  for (let i = start; i < tokens.length && tokens[i]!.end <= to; i++) {
    if (!hits[i]) continue;
    const t = tokens[i]!;
    out +=
      escapeHtml(text.slice(at, t.start)) + "<mark>" + escapeHtml(text.slice(t.start, t.end)) + "</mark>";
    at = t.end;
  }
  let end = to;
  if (to < text.length) {
    const lastSpace = text.lastIndexOf(" ", to);
    if (lastSpace > at) end = lastSpace;
  }
  out += escapeHtml(text.slice(at, end));
  if (end < text.length) out += "…";
  return out;
}
