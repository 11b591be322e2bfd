/* eslint-disable @typescript-eslint/require-await -- the engine interface is asynchronous (Meilisearch answers over HTTP); SQLite answers at once. */
import { statSync } from "node:fs";
import type { EngineQuery, EngineResult, SearchEngine } from "../engine.js";
import type { VocabEntry } from "../vocabulary.js";
import { openIndexDatabase } from "./database.js";
import { documentTable } from "./documents.js";
import { snapshotSearch } from "./search.js";

export { filterExpression, passes } from "./filter.js";

/**
 * The embedded engine: SQLite FTS5 in one file under DATA_DIR/search. Chosen by measurement
 * (see the README): it builds 100,000 documents in seconds, keeps the index on disk instead of
 * in the heap, and answers prefix queries in milliseconds.
 */
export function createEmbeddedEngine(file: string, options: { readonly?: boolean } = {}): SearchEngine {
  const db = openIndexDatabase(file, options.readonly === true);
  const documents = documentTable(db);
  const search = snapshotSearch(db, documents);
  const getMeta = db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE name = ?");
  const setMeta = db.prepare(
    "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
  );
  const addWord = db.prepare(
    "INSERT INTO vocab (term, display, audiences) VALUES (?, ?, ?) ON CONFLICT (term) DO UPDATE SET audiences = excluded.audiences",
  );
  const addWords = db.transaction((words: Map<string, VocabEntry>) => {
    for (const [term, entry] of words) addWord.run(term, entry.display, JSON.stringify(entry.audiences));
  });

  return {
    name: "embedded",
    async upsert(docs) {
      documents.upsert(docs);
    },
    async remove(keys) {
      documents.remove(keys);
    },
    async hashes(source) {
      return documents.hashes(source);
    },
    async get(keys, filter) {
      return documents.get(keys, filter);
    },
    async search(query: EngineQuery): Promise<EngineResult> {
      return search(query);
    },
    async texts(keys) {
      return documents.texts(keys);
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
