import { phraseStems, stem } from "./analysis/index.js";
import { parseQuery, type ParsedQuery, type Reference } from "./analysis/query.js";
import type { EngineFilter, EngineResult, SearchEngine, StoredDocument } from "./engine.js";
import { highlight } from "./highlight.js";
import { score } from "./ranking.js";
import type { FacetCounts, Hit, SearchRequest, SearchResult } from "./types.js";
import { maxEdits, type Vocabulary } from "./vocabulary.js";

/** What a search reads: the engine, and the analysis state of this thread. */
export type QueryContext = { engine: SearchEngine; vocabulary: Vocabulary; reference: Reference };

/**
 * Whether a document these audiences may see still holds the word: the vocabulary keeps words
 * once seen, so a word only private documents held is checked before it is offered.
 */
async function stillVisible(ctx: QueryContext, word: string, filter: EngineFilter): Promise<boolean> {
  const { groups } = parseQuery(word, ctx.reference, { partial: false });
  if (groups.length === 0) return false;
  const found = await ctx.engine.search({ groups, mode: "all", filter, candidates: 1, fewest: 1 });
  return found.total > 0;
}

/**
 * Typo tolerance: a word the index does not know gets the nearest words it does, as alternatives
 * of its group — only words of documents the asker may see, and only while such a document still
 * holds the word (a deleted message takes its words out of every suggestion). Returns each
 * corrected word with the word meant.
 */
async function correctTypos(
  ctx: QueryContext,
  parsed: ParsedQuery,
  req: SearchRequest,
): Promise<Map<string, string>> {
  const corrections = new Map<string, string>();
  const { vocabulary } = ctx;
  const audiences = new Set(req.audiences);
  const seenBy = { audiences: req.audiences };
  for (const [i, g] of parsed.groups.entries()) {
    if (g.number || g.folded.includes(" ") || maxEdits(g.folded) === 0) continue;
    const last = i === parsed.groups.length - 1 && req.partial === true;
    const s = stem(g.text);
    if (
      vocabulary.has(g.folded, audiences) ||
      vocabulary.hasPrefix(s, audiences) ||
      (last && vocabulary.hasPrefix(g.folded, audiences))
    )
      continue;
    const suggestions: string[] = [];
    for (const w of vocabulary.suggest(g.folded, { prefix: last, audiences, limit: 6 })) {
      if (suggestions.length === 3) break;
      // A word only a group's or thread's own documents held may have gone with them.
      if (vocabulary.visibility(w, audiences) === "broad" || (await stillVisible(ctx, w, seenBy)))
        suggestions.push(w);
    }
    if (suggestions.length === 0) continue;
    corrections.set(g.text, vocabulary.display(suggestions[0]!) ?? suggestions[0]!);
    for (const w of suggestions) {
      g.alternatives.push({ kind: "typo", terms: [{ value: w, prefix: false }] });
      if (stem(w) !== w) g.alternatives.push({ kind: "typo", terms: [{ value: stem(w), prefix: false }] });
    }
  }
  return corrections;
}

/**
 * The candidates: documents with every word first; when too few, those with most of them after;
 * a cited statute or section always. `strict` holds the keys of those with every word.
 */
async function findCandidates(
  engine: SearchEngine,
  parsed: ParsedQuery,
  filter: EngineFilter,
  page: { offset: number; limit: number },
): Promise<{ result: EngineResult; strict: Set<string> }> {
  const wanted = Math.min(page.offset + page.limit + 60, 1100);
  const fewest = page.offset + page.limit + 20;
  const ask = (mode: "all" | "any") =>
    engine.search({ groups: parsed.groups, mode, filter, candidates: wanted, fewest });
  let result = await ask("all");
  const strict = new Set(result.candidates.map((d) => d.key));
  if (result.total < page.offset + page.limit && parsed.groups.length > 1) {
    const any = await ask("any");
    const candidates = [...result.candidates];
    for (const d of any.candidates) if (!strict.has(d.key)) candidates.push(d);
    result = { candidates, total: any.total, exhaustive: any.exhaustive, facets: any.facets };
  }
  if (parsed.citation) {
    const keys = [`statute:${parsed.citation.statute}`];
    if (parsed.citation.section) keys.push(`section:${parsed.citation.statute}#${parsed.citation.section}`);
    const present = new Set(result.candidates.map((d) => d.key));
    for (const d of await engine.get(keys, filter)) {
      if (present.has(d.key)) continue;
      result.candidates.unshift(d);
      result.total += 1;
      strict.add(d.key);
    }
  }
  return { result, strict };
}

/** The page's hits in the asker's language, their text read when the engine left it out. */
async function toHits(
  engine: SearchEngine,
  page: StoredDocument[],
  parsed: ParsedQuery,
  locale: SearchRequest["locale"],
): Promise<Hit[]> {
  // Documents read lean come without their text: read it for the page only. (Candidates may
  // be shared with other searches by the engine's cache: never changed here.)
  const pending = page.filter((doc) => doc.textPending).map((doc) => doc.key);
  const texts = pending.length > 0 ? await engine.texts(pending) : new Map<string, never>();
  const sv = locale === "sv";
  return page.map((stored) => {
    const doc = { ...stored, ...texts.get(stored.key) };
    const title = (sv && doc.titleSv) || doc.title;
    const text = (sv && doc.textSv) || doc.text || title;
    return {
      type: doc.type,
      id: doc.id,
      title,
      snippet: highlight(text, parsed.groups),
      url: doc.url,
      municipalityCodes: doc.municipalityCodes,
      serviceArea: doc.serviceAreas[0] ?? null,
      statute: doc.statute,
      section: doc.section,
    };
  });
}

/** Answers one search: parse, correct, find candidates, rank them, present the page. */
export async function runQuery(
  ctx: QueryContext,
  req: SearchRequest,
  started: number,
): Promise<SearchResult> {
  const limit = Math.min(Math.max(req.limit ?? 20, 1), 100);
  const offset = Math.min(Math.max(req.offset ?? 0, 0), 1000);
  const parsed = parseQuery(req.q, ctx.reference, { partial: req.partial });
  const filter: EngineFilter = {
    audiences: req.audiences,
    types: req.types && req.types.length > 0 ? req.types : undefined,
    municipality: req.municipality,
    serviceArea: req.serviceArea,
  };
  const corrections = await correctTypos(ctx, parsed, req);
  const { result, strict } = await findCandidates(ctx.engine, parsed, filter, { offset, limit });

  // The query as meant: corrected words stand in for misspelt ones when titles are compared.
  const queryStems = parsed.groups.flatMap((g) =>
    g.number ? [g.folded] : phraseStems(corrections.get(g.text) ?? g.text),
  );
  const n = result.candidates.length;
  const ranked = result.candidates
    .map((doc, i) => ({
      doc,
      score:
        score(doc, n > 1 ? i / (n - 1) : 0, parsed, queryStems, strict.has(doc.key)) +
        (strict.has(doc.key) ? 4 : 0),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(offset, offset + limit)
    .map(({ doc }) => doc);

  const didYouMean =
    corrections.size > 0
      ? req.q.replace(/[\p{L}\p{N}]+/gu, (w) => corrections.get(w.toLowerCase()) ?? w)
      : null;
  const facets: FacetCounts = {
    type: Object.fromEntries(result.facets.type),
    municipality: Object.fromEntries(result.facets.municipality),
    serviceArea: Object.fromEntries(result.facets.serviceArea),
  };
  return {
    hits: await toHits(ctx.engine, ranked, parsed, req.locale),
    total: result.total,
    exhaustive: result.exhaustive,
    facets,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
    didYouMean,
    citation: parsed.citation,
  };
}
