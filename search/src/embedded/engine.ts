/* eslint-disable @typescript-eslint/require-await -- the engine interface is asynchronous (Meilisearch answers over HTTP); SQLite answers at once. */
import Database from "better-sqlite3";
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { ftsExpression } from "../analysis/query.js";
import type { EngineFilter, EngineQuery, EngineResult, SearchEngine, StoredDocument } from "../engine.js";
import type { VocabEntry } from "../vocabulary.js";

/**
 * Up to this many matches, every match is scored (bm25) and counted exactly. Beyond it, scoring
 * every match would cost more than the answer is worth: candidates then come from the title and
 * keyword index (scored when there are few enough, else newest first), counting stops at
 * COUNT_CAP, and facets are estimated from the candidates (`exhaustive: false`).
 */
const SCORE_ALL = 500;
/** Matches are counted up to this many; beyond it the total is a lower bound (not exhaustive). */
const COUNT_CAP = 1000;
const SCHEMA_VERSION = 7;

type Row = { rid: number; score: number; type: string; audience: string; munis: string; areas: string };

export function passes(
  doc: { type: string; audience: string; munis: string[]; areas: string[] },
  filter: EngineFilter,
): boolean {
  return (
    (filter.audiences.includes(doc.audience) || filter.audiences.includes("*")) &&
    (!filter.types || filter.types.includes(doc.type)) &&
    (!filter.municipality || doc.munis.includes(filter.municipality)) &&
    (!filter.serviceArea || doc.areas.includes(filter.serviceArea))
  );
}

/**
 * Filter values as index tokens in their own column: "service-areas" → "zqauservicexareas". The
 * "zq" start keeps them apart from any Finnish or Swedish word a query could hold.
 */
const token = (prefix: string, value: string) =>
  `zq${prefix}${value.toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
const filterTokens = (doc: StoredDocument) =>
  [
    token("au", doc.audience),
    token("ty", doc.type),
    ...doc.municipalityCodes.map((m) => token("mu", m)),
    ...doc.serviceAreas.map((a) => token("sa", a)),
  ].join(" ");

/** Beyond this many audiences to leave out, listing them costs more than it saves. */
const MAX_EXCLUDED = 20;

/**
 * `text` (an FTS5 expression) limited to what the filter lets through, as tokens of the filter
 * column: applied inside the index.
 *
 * Audiences are matched from whichever side has fewer documents. Listing the audiences the asker
 * may see makes the index walk their documents — for a member nearly the whole index, about a
 * millisecond per query at 100,000 documents. Leaving out the ones they may not see (the closed
 * groups they are not in) walks only those. `indexed` is every audience in the index with its
 * number of documents, read in the same transaction as the query: an audience not in it has no
 * document the query could find.
 */
export function filterExpression(
  text: string,
  filter: EngineFilter,
  indexed: ReadonlyArray<{ name: string; docs: number }>,
): string {
  const any = (values: string[]) => `f : (${values.map((v) => `"${v}"`).join(" OR ")})`;
  const parts: string[] = [];
  let excluded: string[] = [];
  if (!filter.audiences.includes("*")) {
    const mine = new Set(filter.audiences);
    let seen = 0;
    let hidden = 0;
    const others: string[] = [];
    for (const a of indexed) {
      if (mine.has(a.name)) seen += a.docs;
      else {
        hidden += a.docs;
        others.push(a.name);
      }
    }
    if (others.length <= MAX_EXCLUDED && hidden < seen) excluded = others;
    else parts.push(any(filter.audiences.map((a) => token("au", a))));
  }
  if (filter.types) parts.push(any(filter.types.map((t) => token("ty", t))));
  if (filter.municipality) parts.push(any([token("mu", filter.municipality)]));
  if (filter.serviceArea) parts.push(any([token("sa", filter.serviceArea)]));
  const limited = parts.length > 0 ? `(${text}) AND ${parts.join(" AND ")}` : text;
  return excluded.length > 0 ? `(${limited}) NOT ${any(excluded.map((a) => token("au", a)))}` : limited;
}

/**
 * The embedded engine: SQLite FTS5 in one file under DATA_DIR/search. Chosen by measurement
 * (see the README): it builds 100,000 documents in seconds, keeps the index on disk instead of
 * in the heap, and answers prefix queries in milliseconds.
 */
export function createEmbeddedEngine(file: string, options: { readonly?: boolean } = {}): SearchEngine {
  const readonly = options.readonly === true;
  if (file !== ":memory:" && !readonly) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly });
  if (!readonly) {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
  }
  // Readers map the index into memory (shared with the OS page cache, not the heap) and keep a
  // larger page cache: searches touch the same upper b-tree pages over and over.
  if (readonly) db.pragma("mmap_size = 1073741824");
  db.pragma("cache_size = -32768");
  const version = db.pragma("user_version", { simple: true }) as number;
  if (readonly && version !== SCHEMA_VERSION)
    throw new Error(`search index ${file} has layout ${version}, not ${SCHEMA_VERSION}`);
  if (!readonly && version !== SCHEMA_VERSION) {
    // An index of an older layout is rebuilt: its sources reconcile it again at start.
    db.exec(
      "DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS fts_title; DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS vocab; DROP TABLE IF EXISTS audiences;",
    );
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  if (!readonly)
    db.exec(`
    CREATE TABLE IF NOT EXISTS docs (
      rid INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      source TEXT NOT NULL,
      type TEXT NOT NULL,
      audience TEXT NOT NULL,
      munis TEXT NOT NULL,
      areas TEXT NOT NULL,
      weight REAL NOT NULL,
      hash TEXT NOT NULL,
      data TEXT NOT NULL,
      texts TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS docs_source ON docs (source);
    -- Prefixes of two to eight letters are indexed: search as you type asks for one on every
    -- key press, and Finnish words are long. Without its own index a prefix merges the lists of
    -- every word it begins (6–8 ms for "kasvat" in 100,000 documents; 0.3 ms with one); beyond
    -- eight letters few words share a prefix and the merge is cheap again.
    CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
      t, k, b, f, detail = column, prefix = '2 3 4 5 6 7 8', tokenize = 'unicode61 remove_diacritics 0'
    );
    -- Titles and keywords again, on their own: ranking candidates by title stays fast when a
    -- query matches much of the body text.
    CREATE VIRTUAL TABLE IF NOT EXISTS fts_title USING fts5(
      t, k, f, detail = column, tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    -- Each word with the audiences (JSON array) of the documents it was seen in.
    CREATE TABLE IF NOT EXISTS vocab (term TEXT PRIMARY KEY, display TEXT NOT NULL, audiences TEXT NOT NULL) WITHOUT ROWID;
    -- Every audience with its number of documents, kept in the same transactions as the documents
    -- (and counted again from them whenever the index is opened for writing).
    CREATE TABLE IF NOT EXISTS audiences (name TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
  `);
  if (!readonly)
    db.exec(`
    BEGIN;
    DELETE FROM audiences;
    INSERT INTO audiences (name, docs) SELECT audience, count(*) FROM docs GROUP BY audience;
    COMMIT;
  `);

  const findRid = db.prepare<[string], { rid: number; audience: string }>(
    "SELECT rid, audience FROM docs WHERE key = ?",
  );
  const countAudience = db.prepare(
    "INSERT INTO audiences (name, docs) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET docs = docs + excluded.docs",
  );
  const indexedAudiences = db.prepare<[], { name: string; docs: number }>("SELECT name, docs FROM audiences");
  /** Audience counts a write changes, written in its transaction. */
  const audienceCounts = () => {
    const changes = new Map<string, number>();
    return {
      add: (audience: string, by: number) => changes.set(audience, (changes.get(audience) ?? 0) + by),
      write: () => {
        for (const [name, by] of changes) if (by !== 0) countAudience.run(name, by);
      },
    };
  };
  const insertDoc = db.prepare(
    `INSERT INTO docs (key, source, type, audience, munis, areas, weight, hash, data, texts)
     VALUES (@key, @source, @type, @audience, @munis, @areas, @weight, @hash, @data, @texts)`,
  );
  const updateDoc = db.prepare(
    `UPDATE docs SET source = @source, type = @type, audience = @audience, munis = @munis,
     areas = @areas, weight = @weight, hash = @hash, data = @data, texts = @texts WHERE rid = @rid`,
  );
  const deleteDoc = db.prepare("DELETE FROM docs WHERE rid = ?");
  const insertFts = db.prepare("INSERT INTO fts (rowid, t, k, b, f) VALUES (?, ?, ?, ?, ?)");
  const deleteFts = db.prepare("DELETE FROM fts WHERE rowid = ?");
  const insertTitle = db.prepare("INSERT INTO fts_title (rowid, t, k, f) VALUES (?, ?, ?, ?)");
  const deleteTitle = db.prepare("DELETE FROM fts_title WHERE rowid = ?");
  const bySource = db.prepare<[string], { key: string; hash: string }>(
    "SELECT key, hash FROM docs WHERE source = ?",
  );
  const getMeta = db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE name = ?");
  const setMeta = db.prepare(
    "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
  );
  const addWord = db.prepare(
    "INSERT INTO vocab (term, display, audiences) VALUES (?, ?, ?) ON CONFLICT (term) DO UPDATE SET audiences = excluded.audiences",
  );
  const scored = db.prepare<[string], Row>(
    `SELECT f.rowid AS rid, bm25(fts, 10.0, 6.0, 1.0, 0.0) * d.weight AS score,
            d.type, d.audience, d.munis, d.areas
       FROM fts f JOIN docs d ON d.rid = f.rowid
      WHERE fts MATCH ?`,
  );
  const scoredTitles = db.prepare<[string], { rid: number; score: number }>(
    `SELECT f.rowid AS rid, bm25(fts_title, 10.0, 6.0, 0.0) * d.weight AS score
       FROM fts_title f JOIN docs d ON d.rid = f.rowid WHERE fts_title MATCH ?`,
  );
  const newestTitles = db
    .prepare<[string, number], number>(
      "SELECT rowid FROM fts_title WHERE fts_title MATCH ? ORDER BY rowid DESC LIMIT ?",
    )
    .pluck();
  const newest = db
    .prepare<[string, number], number>("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT ?")
    .pluck();
  const fullStatement = db.prepare<[string], Full & { rid: number }>(
    `SELECT d.rid, d.data, d.texts, d.hash, f.t, f.k, f.b FROM docs d JOIN fts f ON f.rowid = d.rid
      WHERE d.rid IN (SELECT value FROM json_each(?))`,
  );
  // Without the analysed body: a strict match needs only titles to be reranked.
  const leanStatement = db.prepare<[string], Full & { rid: number }>(
    `SELECT d.rid, d.data, NULL AS texts, d.hash, f.t, f.k, '' AS b FROM docs d JOIN fts_title f ON f.rowid = d.rid
      WHERE d.rid IN (SELECT value FROM json_each(?))`,
  );

  const split = (s: string) => (s ? s.split(" ") : []);
  type Full = { data: string; texts: string | null; t: string; k: string; b: string; hash: string };
  /** Without `texts` (a lean read) the document's text is left out and marked so. */
  const toStored = (row: Full): StoredDocument => ({
    ...(JSON.parse(row.data) as Omit<StoredDocument, "terms" | "hash" | "text">),
    ...(row.texts === null
      ? { text: "", textSv: null, textPending: true }
      : (JSON.parse(row.texts) as { text: string; textSv: string | null })),
    terms: { title: row.t, keywords: row.k, body: row.b },
    hash: row.hash,
  });
  const textsByKey = db.prepare<[string], { key: string; texts: string }>(
    "SELECT key, texts FROM docs WHERE key IN (SELECT value FROM json_each(?))",
  );

  const hashesByRid = db.prepare<[string], { rid: number; hash: string }>(
    "SELECT rid, hash FROM docs WHERE rid IN (SELECT value FROM json_each(?))",
  );
  /**
   * Documents read lean, by row and version: the same documents are candidates of query after
   * query (the best matches of common words), and reading one anew costs more than ranking it.
   * Shared by searches and never changed by them.
   */
  const leanCache = new Map<number, StoredDocument>();
  const LEAN_CACHE_SIZE = 10_000;

  const fullByRids = (rids: number[], withBody = true): Map<number, StoredDocument> => {
    if (rids.length === 0) return new Map();
    if (withBody) return new Map(fullStatement.all(JSON.stringify(rids)).map((r) => [r.rid, toStored(r)]));
    const found = new Map<number, StoredDocument>();
    const missing: number[] = [];
    for (const { rid, hash } of hashesByRid.all(JSON.stringify(rids))) {
      const cached = leanCache.get(rid);
      if (cached?.hash === hash) found.set(rid, cached);
      else missing.push(rid);
    }
    if (missing.length === 0) return found;
    if (leanCache.size + missing.length > LEAN_CACHE_SIZE) leanCache.clear();
    for (const row of leanStatement.all(JSON.stringify(missing))) {
      const doc = toStored(row);
      leanCache.set(row.rid, doc);
      found.set(row.rid, doc);
    }
    return found;
  };

  const upsertMany = db.transaction((docs: StoredDocument[]) => {
    const counts = audienceCounts();
    for (const doc of docs) {
      const { terms, hash, text, textSv, ...data } = doc;
      const row = {
        key: doc.key,
        source: doc.source,
        type: doc.type,
        audience: doc.audience,
        munis: doc.municipalityCodes.join(" "),
        areas: doc.serviceAreas.join(" "),
        weight: doc.weight ?? 1,
        hash,
        data: JSON.stringify(data),
        texts: JSON.stringify({ text, textSv: textSv ?? null }),
      };
      const existing = findRid.get(doc.key);
      let rid: number;
      if (existing) {
        rid = existing.rid;
        counts.add(existing.audience, -1);
        deleteFts.run(rid);
        deleteTitle.run(rid);
        updateDoc.run({ ...row, rid });
      } else {
        rid = Number(insertDoc.run(row).lastInsertRowid);
      }
      const filters = filterTokens(doc);
      insertFts.run(rid, terms.title, terms.keywords, terms.body, filters);
      insertTitle.run(rid, terms.title, terms.keywords, filters);
      counts.add(doc.audience, 1);
    }
    counts.write();
  });
  const removeMany = db.transaction((keys: string[]) => {
    const counts = audienceCounts();
    for (const key of keys) {
      const existing = findRid.get(key);
      if (!existing) continue;
      counts.add(existing.audience, -1);
      deleteFts.run(existing.rid);
      deleteTitle.run(existing.rid);
      deleteDoc.run(existing.rid);
    }
    counts.write();
  });
  const addWords = db.transaction((words: Map<string, VocabEntry>) => {
    for (const [term, entry] of words) addWord.run(term, entry.display, JSON.stringify(entry.audiences));
  });

  /**
   * One read transaction: the audiences the filter is built from and the documents it finds are
   * the same snapshot of the index, even while another connection writes.
   */
  const searchInSnapshot = db.transaction((query: EngineQuery): EngineResult => {
    const facets: EngineResult["facets"] = {
      type: new Map(),
      municipality: new Map(),
      serviceArea: new Map(),
    };
    if (query.groups.length === 0) return { candidates: [], total: 0, exhaustive: true, facets };
    const full = filterExpression(
      ftsExpression(query.groups, query.mode),
      query.filter,
      indexedAudiences.all(),
    );
    // One pass over the index for the (capped) count, the newest matches and the facet sample.
    const matches = newest.all(full, COUNT_CAP + 1);
    const total = matches.length;
    const tally = (rows: Row[], scale: number) => {
      const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + scale);
      for (const row of rows) {
        add(facets.type, row.type);
        for (const m of split(row.munis)) add(facets.municipality, m);
        for (const a of split(row.areas)) add(facets.serviceArea, a);
      }
      if (scale !== 1)
        for (const map of Object.values(facets)) for (const [k, v] of map) map.set(k, Math.round(v));
    };
    const byScore = (rows: Row[]) => rows.sort((a, b) => a.score - b.score);
    let best: number[];
    if (total <= SCORE_ALL) {
      const rows = byScore(scored.all(full));
      tally(rows, 1);
      best = rows.slice(0, query.candidates).map((r) => r.rid);
    } else {
      const titleMatches = newestTitles.all(full, SCORE_ALL + 1);
      best =
        titleMatches.length <= SCORE_ALL
          ? scoredTitles
              .all(full)
              .sort((a, b) => a.score - b.score)
              .slice(0, query.candidates)
              .map((r) => r.rid)
          : titleMatches.slice(0, Math.min(query.candidates, query.fewest ?? query.candidates));
      // Beyond the title matches, candidates come newest first. When every one of them has every
      // word there is little left to rank them by: as many as the page needs is enough.
      const enough = query.mode === "all" ? (query.fewest ?? query.candidates) : query.candidates;
      if (best.length < enough) {
        const seen = new Set(best);
        for (const rid of matches) {
          if (best.length >= enough) break;
          if (!seen.has(rid)) best.push(rid);
        }
      }
    }
    const fullRows = fullByRids(best, query.mode === "any");
    const candidates = best
      .map((rid) => fullRows.get(rid))
      .filter((d): d is StoredDocument => d !== undefined);
    if (total > SCORE_ALL && candidates.length > 0) {
      // Too many matches to look at each: facets are estimated from the candidates.
      const rows = candidates.map((d) => ({
        rid: 0,
        score: 0,
        type: d.type,
        audience: d.audience,
        munis: d.municipalityCodes.join(" "),
        areas: d.serviceAreas.join(" "),
      }));
      tally(rows, Math.min(total, COUNT_CAP) / rows.length);
    }
    return {
      candidates,
      total: Math.min(total, COUNT_CAP),
      exhaustive: total <= COUNT_CAP,
      facets,
    };
  });

  return {
    name: "embedded",
    async upsert(docs) {
      upsertMany(docs);
    },
    async remove(keys) {
      removeMany(keys);
    },
    async hashes(source) {
      return new Map(bySource.all(source).map((r) => [r.key, r.hash]));
    },
    async get(keys, filter) {
      if (keys.length === 0) return [];
      const rows = db
        .prepare<string[], Full & { type: string; audience: string; munis: string; areas: string }>(
          `SELECT d.data, d.texts, d.hash, d.type, d.audience, d.munis, d.areas, f.t, f.k, f.b
             FROM docs d JOIN fts f ON f.rowid = d.rid WHERE d.key IN (${keys.map(() => "?").join(",")})`,
        )
        .all(...keys);
      return rows
        .filter((r) => passes({ ...r, munis: split(r.munis), areas: split(r.areas) }, filter))
        .map(toStored);
    },
    async search(query: EngineQuery): Promise<EngineResult> {
      return searchInSnapshot(query);
    },
    async texts(keys) {
      const rows = keys.length === 0 ? [] : textsByKey.all(JSON.stringify(keys));
      return new Map(
        rows.map((r) => [r.key, JSON.parse(r.texts) as { text: string; textSv: string | null }]),
      );
    },
    async getMeta<T>(name: string) {
      const row = getMeta.get(name);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async setMeta(name, value) {
      setMeta.run(name, JSON.stringify(value));
    },
    async vocabulary() {
      const rows = db
        .prepare<[], { term: string; display: string; audiences: string }>(
          "SELECT term, display, audiences FROM vocab",
        )
        .all();
      return new Map(
        rows.map((r) => [r.term, { display: r.display, audiences: JSON.parse(r.audiences) as string[] }]),
      );
    },
    async addVocabulary(words) {
      addWords(words);
    },
    async clear() {
      db.exec(
        "DELETE FROM docs; DELETE FROM fts; DELETE FROM fts_title; DELETE FROM vocab; DELETE FROM meta; DELETE FROM audiences;",
      );
    },
    async stats() {
      const documents = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM docs").get()?.n ?? 0;
      let bytes: number | null = null;
      if (file !== ":memory:") {
        db.pragma("wal_checkpoint(TRUNCATE)");
        bytes = statSync(file).size;
      }
      return { documents, bytes };
    },
    async close() {
      db.close();
    },
  };
}
