import { createHash } from "node:crypto";
import {
  addCompoundParts,
  analyzeTerms,
  analyzeText,
  escapeHtml,
  fold,
  phraseStems,
  stem,
  statuteKey,
  tokenize,
  wordTerms,
} from "./analysis/index.js";
import {
  EMPTY_REFERENCE,
  parseQuery,
  type Alternative,
  type Group,
  type ParsedQuery,
  type Reference,
} from "./analysis/query.js";
import type { EngineFilter, EngineResult, SearchEngine, StoredDocument } from "./engine.js";
import type { FacetCounts, Hit, HitType, SearchDocument, SearchRequest, SearchResult } from "./types.js";
import { maxEdits, sortedHasPrefix, Vocabulary, type VocabEntry } from "./vocabulary.js";

type Logger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};
const silent: Logger = { info() {}, warn() {}, error() {} };

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

/** Changes whenever anything searchable or shown of the document changes. */
export function hashOf(doc: SearchDocument): string {
  return createHash("sha1").update(JSON.stringify(doc)).digest("base64url");
}

/** Analyses a document into what engines store. The hash lets a reconcile skip unchanged ones. */
export function prepare(doc: SearchDocument): StoredDocument {
  const key = doc.statute ? statuteKey(doc.statute) : undefined;
  return {
    ...doc,
    terms: {
      title: analyzeTerms([doc.title, doc.titleSv]),
      keywords: analyzeTerms([...doc.keywords, key]),
      body: analyzeText([doc.text, doc.textSv].filter(Boolean).join("\n")),
    },
    hash: hashOf(doc),
  };
}

/** The document's words, each with the document's audience: who may be told the word exists. */
function surfaceWords(doc: SearchDocument, into: Map<string, VocabEntry>): void {
  for (const text of [doc.title, doc.titleSv, doc.text, doc.textSv, ...doc.keywords]) {
    if (!text) continue;
    for (const { word } of tokenize(text)) {
      if (word.length < 3 || /\d/.test(word)) continue;
      const f = fold(word);
      const entry = into.get(f);
      if (!entry) into.set(f, { display: word, audiences: [doc.audience] });
      else if (!entry.audiences.includes(doc.audience)) entry.audiences.push(doc.audience);
    }
  }
}

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

function score(
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

export type ReconcileResult = { added: number; updated: number; removed: number; unchanged: number };

/** What changed in the analysis state, for readers in other threads (see pool.ts). */
export type AnalysisChange = { reference?: Reference; words?: Array<[string, VocabEntry]> };

/**
 * A search result serialised once, where it was computed: `head` is the result as JSON without
 * `tookMs` and its closing brace. Answers cross from worker threads and are sent to browsers as
 * this text, so the thread serving HTTP neither copies the objects nor serialises them again.
 */
export type Answer = { head: string; total: number; tookMs: number };

const serialise = (result: SearchResult): Answer => {
  const { tookMs, ...rest } = result;
  return { head: JSON.stringify(rest).slice(0, -1), total: result.total, tookMs };
};
const answerJson = (answer: Answer): string => `${answer.head},"tookMs":${answer.tookMs}}`;

export type SearchServiceOptions = {
  engine: SearchEngine;
  /** Answers searches elsewhere (a pool of worker threads); this service then only writes. */
  reader?: { answer(req: SearchRequest): Promise<Answer> };
  /** Told of every change readers must know: index written, reference or words added. */
  onChange?: (change: AnalysisChange) => void;
  logger?: Logger;
  /** First retry delay of a failed index write; doubles up to a minute. */
  retryMs?: number;
};

/**
 * Indexing and searching over one engine. Every write goes through a queue that retries until
 * the engine takes it, so a failed index write is delayed, never lost; `idle()` resolves when
 * everything queued is written.
 */
export function createSearchService(options: SearchServiceOptions) {
  const { engine } = options;
  const logger = options.logger ?? silent;
  const vocabulary = new Vocabulary();
  let reference: Reference = EMPTY_REFERENCE;
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let opened: Promise<void> | undefined;
  let closed = false;

  const useReference = (ref: Reference) => {
    reference = ref;
    addCompoundParts(ref.municipalities.flatMap((m) => m.names));
  };

  function open(): Promise<void> {
    opened ??= (async () => {
      const ref = await engine.getMeta<Reference>("reference");
      if (ref) useReference(ref);
      vocabulary.add(await engine.vocabulary());
    })();
    return opened;
  }

  /** Runs writes one at a time, retrying each until it succeeds. */
  function enqueue<T>(what: string, write: () => Promise<T>): Promise<T> {
    pending += 1;
    const run = async (): Promise<T> => {
      let delay = options.retryMs ?? 500;
      for (;;) {
        if (closed) throw new Error(`search index closed before "${what}" was written`);
        try {
          const result = await write();
          return result;
        } catch (err) {
          logger.error({ err, what, retryInMs: delay }, "search index write failed; retrying");
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(delay * 2, 60_000);
        }
      }
    };
    const result = queue.then(run).finally(() => (pending -= 1));
    queue = result.catch(() => undefined);
    return result;
  }

  async function write(docs: SearchDocument[]): Promise<void> {
    const words = new Map<string, VocabEntry>();
    for (const d of docs) surfaceWords(d, words);
    const added = vocabulary.add(words);
    for (let i = 0; i < docs.length; i += 1000) await engine.upsert(docs.slice(i, i + 1000).map(prepare));
    if (added.size > 0) await engine.addVocabulary(added);
    changed(added.size > 0 ? { words: [...added] } : {});
  }

  /**
   * Recent answers, dropped whenever the index changes: many people type the same beginnings
   * ("lasten…", "SHL 3…") and read the same first page.
   */
  const cache = new Map<string, Answer>();
  let generation = 0;
  let cachedGeneration = 0;
  const changed = (change: AnalysisChange = {}) => {
    generation += 1;
    options.onChange?.(change);
  };

  async function answer(req: SearchRequest): Promise<Answer> {
    const started = performance.now();
    if (cachedGeneration !== generation) {
      cache.clear();
      cachedGeneration = generation;
    }
    const key = JSON.stringify([
      req.q.trim().toLowerCase().replace(/\s+/g, " "),
      req.types ? [...req.types].sort() : null,
      req.municipality ?? null,
      req.serviceArea ?? null,
      req.limit ?? null,
      req.offset ?? null,
      req.locale ?? null,
      req.partial ?? false,
      [...req.audiences].sort(),
    ]);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return { ...hit, tookMs: Math.round((performance.now() - started) * 100) / 100 };
    }
    // A cached answer never leaves this thread; others are computed here or by the reader pool.
    const asked = generation;
    const result = options.reader ? await options.reader.answer(req) : serialise(await compute(req, started));
    if (asked === generation && cachedGeneration === generation) {
      if (cache.size >= 500) cache.delete(cache.keys().next().value!);
      cache.set(key, result);
    }
    return result;
  }

  /** The result as JSON, and its total (the route counts searches that found nothing). */
  async function searchJson(req: SearchRequest): Promise<{ json: string; total: number }> {
    const found = await answer(req);
    return { json: answerJson(found), total: found.total };
  }

  async function search(req: SearchRequest): Promise<SearchResult> {
    return JSON.parse((await searchJson(req)).json) as SearchResult;
  }

  /**
   * Whether a document these audiences may see still holds the word: the vocabulary keeps words
   * once seen, so a word only private documents held is checked before it is offered.
   */
  async function stillVisible(word: string, filter: EngineFilter): Promise<boolean> {
    const { groups } = parseQuery(word, reference, { partial: false });
    if (groups.length === 0) return false;
    const found = await engine.search({ groups, mode: "all", filter, candidates: 1, fewest: 1 });
    return found.total > 0;
  }

  async function compute(req: SearchRequest, started: number): Promise<SearchResult> {
    await open();
    const limit = Math.min(Math.max(req.limit ?? 20, 1), 100);
    const offset = Math.min(Math.max(req.offset ?? 0, 0), 1000);
    const parsed = parseQuery(req.q, reference, { partial: req.partial });
    const corrections = new Map<string, string>();

    const filter: EngineFilter = {
      audiences: req.audiences,
      types: req.types && req.types.length > 0 ? req.types : undefined,
      municipality: req.municipality,
      serviceArea: req.serviceArea,
    };

    // Typo tolerance: a word the index does not know gets the nearest words it does — only words
    // of documents the asker may see, and only while such a document still holds the word (a
    // deleted message takes its words out of every suggestion).
    const audiences = new Set(req.audiences);
    const seenBy = { audiences: filter.audiences };
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
        if (vocabulary.visibility(w, audiences) === "broad" || (await stillVisible(w, seenBy)))
          suggestions.push(w);
      }
      if (suggestions.length === 0) continue;
      corrections.set(g.text, vocabulary.display(suggestions[0]!) ?? suggestions[0]!);
      for (const w of suggestions) {
        g.alternatives.push({ kind: "typo", terms: [{ value: w, prefix: false }] });
        if (stem(w) !== w) g.alternatives.push({ kind: "typo", terms: [{ value: stem(w), prefix: false }] });
      }
    }

    const wanted = Math.min(offset + limit + 60, 1100);
    const fewest = offset + limit + 20;
    let result: EngineResult = await engine.search({
      groups: parsed.groups,
      mode: "all",
      filter,
      candidates: wanted,
      fewest,
    });
    const strict = new Set(result.candidates.map((d) => d.key));
    if (result.total < offset + limit && parsed.groups.length > 1) {
      // Too few documents have every word: add those with most of them, after the strict ones.
      const any = await engine.search({
        groups: parsed.groups,
        mode: "any",
        filter,
        candidates: wanted,
        fewest,
      });
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
      .slice(offset, offset + limit);

    // Documents read lean come without their text: read it for the page only. (Candidates may
    // be shared with other searches by the engine's cache: never changed here.)
    const pending = ranked.filter(({ doc }) => doc.textPending).map(({ doc }) => doc.key);
    const texts = pending.length > 0 ? await engine.texts(pending) : new Map<string, never>();
    const sv = req.locale === "sv";
    const hits: Hit[] = ranked.map(({ doc: stored }) => {
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
      hits,
      total: result.total,
      exhaustive: result.exhaustive,
      facets,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      didYouMean,
      citation: parsed.citation,
    };
  }

  return {
    engine,
    open,
    search,
    searchJson,
    answer,
    /** The statutes, municipalities and synonyms analysis uses; stored with the index. */
    async setReference(ref: Reference): Promise<void> {
      await open();
      useReference(ref);
      await enqueue("reference", () => engine.setMeta("reference", ref));
      changed({ reference: ref });
    },
    reference: () => reference,
    upsert(docs: SearchDocument[]): Promise<void> {
      return enqueue(`upsert ${docs.length}`, async () => {
        await open();
        await write(docs);
      });
    },
    remove(keys: string[]): Promise<void> {
      return enqueue(`remove ${keys.length}`, async () => {
        await engine.remove(keys);
        changed();
      });
    },
    /**
     * Makes one source's documents in the index equal to `docs`: writes what changed, removes
     * what is gone. Safe to repeat; this is both the incremental update and the repair.
     */
    reconcile(
      source: string,
      docs: SearchDocument[],
      progress?: (done: number, total: number) => void,
      options: { force?: boolean } = {},
    ): Promise<ReconcileResult> {
      return enqueue(`reconcile ${source}`, async () => {
        await open();
        const existing = await engine.hashes(source);
        const toWrite: SearchDocument[] = [];
        let updated = 0;
        let unchanged = 0;
        const seen = new Set<string>();
        for (const doc of docs) {
          seen.add(doc.key);
          const hash = existing.get(doc.key);
          if (hash !== undefined && hash === hashOf(doc) && !options.force) unchanged += 1;
          else {
            if (hash !== undefined) updated += 1;
            toWrite.push(doc);
          }
        }
        const gone = [...existing.keys()].filter((k) => !seen.has(k));
        const step = 2000;
        for (let i = 0; i < toWrite.length; i += step) {
          await write(toWrite.slice(i, i + step));
          progress?.(Math.min(i + step, toWrite.length), toWrite.length);
        }
        if (toWrite.length === 0) progress?.(0, 0);
        if (gone.length > 0) {
          await engine.remove(gone);
          changed();
        }
        return { added: toWrite.length - updated, updated, removed: gone.length, unchanged };
      });
    },
    /** Takes in a change another thread's service made (worker threads reading the index). */
    absorb(change: AnalysisChange): void {
      if (change.reference) useReference(change.reference);
      if (change.words) vocabulary.add(new Map(change.words));
      generation += 1;
    },
    /** Resolves when every queued write is in the index. */
    async idle(): Promise<void> {
      while (pending > 0 && !closed) await queue;
    },
    /** Stops retrying and closes the engine; writes still queued are dropped with an error. */
    async close(): Promise<void> {
      closed = true;
      await engine.close();
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
