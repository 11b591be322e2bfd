import { phraseStems } from "./analysis/index.js";
import type { Alternative, Group, ParsedQuery } from "./analysis/query.js";
import type { StoredDocument } from "./engine.js";
import type { HitType } from "./types.js";
import { sortedHasPrefix } from "./vocabulary.js";

const TYPE_PRIOR: Record<HitType, number> = {
  municipality: 1,
  unit: 0.8,
  statute: 0.8,
  section: 0.6,
  page: 0.7,
  person: 0.4,
  event: 0.3,
  news: 0.3,
  link: 0.3,
  notice: 0.2,
  answer: 0.5,
  message: 0.2,
};
const KIND_WEIGHT: Record<Alternative["kind"], number> = { exact: 1, synonym: 0.9, parts: 0.8, typo: 0.6 };

class TermSet {
  private readonly set: Set<string>;
  private readonly sorted: string[];
  constructor(...texts: string[]) {
    this.set = new Set(texts.flatMap((t) => (t ? t.split(" ") : [])));
    this.sorted = [...this.set].sort();
  }
  /** 1 for the term itself, 0.8 for a longer word it begins, 0 for none. */
  quality(term: string, prefix: boolean): number {
    if (this.set.has(term)) return 1;
    if (!prefix) return 0;
    return sortedHasPrefix(this.sorted, term) ? 0.8 : 0;
  }
  group(g: Group): number {
    let best = 0;
    for (const alt of g.alternatives) {
      let q = KIND_WEIGHT[alt.kind];
      for (const t of alt.terms) q = Math.min(q, q * this.quality(t.value, t.prefix));
      if (q > best) best = q;
    }
    return best;
  }
}

function sameWords(a: string[], b: string[]): boolean {
  if (a.length === 0 || a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((w) => set.has(w));
}

/**
 * What reranking needs of a document's title, kept per document version: the same documents
 * come up as candidates again and again.
 */
type Analysed = { title: TermSet; titleStems: string[]; titleSvStems: string[] | null };
const analysedCache = new Map<string, Analysed>();
function analysed(doc: StoredDocument): Analysed {
  const key = `${doc.key}\u0000${doc.hash}`;
  let found = analysedCache.get(key);
  if (!found) {
    found = {
      title: new TermSet(doc.terms.title, doc.terms.keywords),
      titleStems: phraseStems(doc.title),
      titleSvStems: doc.titleSv ? phraseStems(doc.titleSv) : null,
    };
    if (analysedCache.size >= 20_000) analysedCache.clear();
    analysedCache.set(key, found);
  }
  return found;
}

/** How well a candidate answers the query; `rank` is its place among the candidates, 0–1. */
export function score(
  doc: StoredDocument,
  rank: number,
  parsed: ParsedQuery,
  queryStems: string[],
  strict: boolean,
): number {
  const { title, titleStems, titleSvStems } = analysed(doc);
  // A strict match has every group somewhere: what is not in the title is in the body.
  let body: TermSet | undefined;
  let matched = 0;
  let titleScore = 0;
  for (const g of parsed.groups) {
    const inTitle = title.group(g);
    const inBody = inTitle >= 1 ? 0 : strict ? 0.9 : (body ??= new TermSet(doc.terms.body)).group(g);
    if (inTitle > 0 || inBody > 0) matched += Math.max(inTitle, inBody * 0.9);
    titleScore += Math.max(inTitle, inBody * 0.4);
  }
  const n = Math.max(parsed.groups.length, 1);
  let s = (10 * matched) / n + (6 * titleScore) / n;
  if (sameWords(titleStems, queryStems) || (titleSvStems && sameWords(titleSvStems, queryStems))) {
    s += 5;
  }
  const c = parsed.citation;
  if (c && doc.statute === c.statute) {
    if (c.section)
      s += doc.type === "section" && doc.section === c.section ? 40 : doc.type === "statute" ? 15 : 6;
    else s += doc.type === "statute" ? 40 : 6;
  }
  if (parsed.lawIntent && (doc.type === "statute" || doc.type === "section")) s += 3;
  if (
    parsed.municipalityCodes.length > 0 &&
    doc.municipalityCodes.some((m) => parsed.municipalityCodes.includes(m))
  ) {
    s += 3;
  }
  s += TYPE_PRIOR[doc.type] ?? 0;
  s += 2 * (1 - rank);
  s -= 5 * (1 - (doc.weight ?? 1));
  return s;
}
