import { addCompoundParts } from "./analysis/index.js";
import { EMPTY_REFERENCE, type Reference } from "./analysis/query.js";
import type { SearchEngine } from "./engine.js";
import { hashOf, prepare, surfaceWords } from "./prepare.js";
import { runQuery } from "./run-query.js";
import type { SearchDocument, SearchRequest, SearchResult } from "./types.js";
import { Vocabulary, type VocabEntry } from "./vocabulary.js";
import { silent, writeQueue, type Logger } from "./write-queue.js";

export { hashOf, prepare } from "./prepare.js";
export { highlight } from "./highlight.js";

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

/** The request as a cache key: the same question asked by the same audiences. */
const cacheKey = (req: SearchRequest) =>
  JSON.stringify([
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

/**
 * Recent answers, dropped whenever the index changes (`changed()`): many people type the same
 * beginnings ("lasten…", "SHL 3…") and read the same first page.
 */
function answerCache(compute: (req: SearchRequest, started: number) => Promise<Answer>) {
  const cache = new Map<string, Answer>();
  let generation = 0;
  let cachedGeneration = 0;
  return {
    changed() {
      generation += 1;
    },
    async answer(req: SearchRequest): Promise<Answer> {
      const started = performance.now();
      if (cachedGeneration !== generation) {
        cache.clear();
        cachedGeneration = generation;
      }
      const key = cacheKey(req);
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return { ...hit, tookMs: Math.round((performance.now() - started) * 100) / 100 };
      }
      const asked = generation;
      const result = await compute(req, started);
      if (asked === generation && cachedGeneration === generation) {
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
        cache.set(key, result);
      }
      return result;
    },
  };
}

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
  const vocabulary = new Vocabulary();
  const writes = writeQueue({ logger: options.logger ?? silent, retryMs: options.retryMs });
  let reference: Reference = EMPTY_REFERENCE;
  let opened: Promise<void> | undefined;

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

  // A cached answer never leaves this thread; others are computed here or by the reader pool.
  const answers = answerCache(async (req, started) => {
    if (options.reader) return options.reader.answer(req);
    await open();
    return serialise(await runQuery({ engine, vocabulary, reference }, req, started));
  });
  const changed = (change: AnalysisChange = {}) => {
    answers.changed();
    options.onChange?.(change);
  };

  async function write(docs: SearchDocument[]): Promise<void> {
    const words = new Map<string, VocabEntry>();
    for (const d of docs) surfaceWords(d, words);
    const added = vocabulary.add(words);
    for (let i = 0; i < docs.length; i += 1000) await engine.upsert(docs.slice(i, i + 1000).map(prepare));
    if (added.size > 0) await engine.addVocabulary(added);
    changed(added.size > 0 ? { words: [...added] } : {});
  }

  /** Writes what changed of one source and removes what is gone (see `reconcile`). */
  async function reconcileSource(
    source: string,
    docs: SearchDocument[],
    progress: ((done: number, total: number) => void) | undefined,
    force: boolean,
  ): Promise<ReconcileResult> {
    await open();
    const existing = await engine.hashes(source);
    const toWrite: SearchDocument[] = [];
    let updated = 0;
    let unchanged = 0;
    const seen = new Set<string>();
    for (const doc of docs) {
      seen.add(doc.key);
      const hash = existing.get(doc.key);
      if (hash !== undefined && hash === hashOf(doc) && !force) unchanged += 1;
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
  }

  /** The result as JSON, and its total (the route counts searches that found nothing). */
  async function searchJson(req: SearchRequest): Promise<{ json: string; total: number }> {
    const found = await answers.answer(req);
    return { json: answerJson(found), total: found.total };
  }

  return {
    engine,
    open,
    async search(req: SearchRequest): Promise<SearchResult> {
      return JSON.parse((await searchJson(req)).json) as SearchResult;
    },
    searchJson,
    answer: (req: SearchRequest) => answers.answer(req),
    /** The statutes, municipalities and synonyms analysis uses; stored with the index. */
    async setReference(ref: Reference): Promise<void> {
      await open();
      useReference(ref);
      await writes.enqueue("reference", () => engine.setMeta("reference", ref));
      changed({ reference: ref });
    },
    reference: () => reference,
    upsert(docs: SearchDocument[]): Promise<void> {
      return writes.enqueue(`upsert ${docs.length}`, async () => {
        await open();
        await write(docs);
      });
    },
    remove(keys: string[]): Promise<void> {
      return writes.enqueue(`remove ${keys.length}`, async () => {
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
      return writes.enqueue(`reconcile ${source}`, () =>
        reconcileSource(source, docs, progress, options.force === true),
      );
    },
    /** Takes in a change another thread's service made (worker threads reading the index). */
    absorb(change: AnalysisChange): void {
      if (change.reference) useReference(change.reference);
      if (change.words) vocabulary.add(new Map(change.words));
      answers.changed();
    },
    /** Resolves when every queued write is in the index. */
    idle: () => writes.idle(),
    /** Stops retrying and closes the engine; writes still queued are dropped with an error. */
    async close(): Promise<void> {
      writes.close();
      await engine.close();
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
