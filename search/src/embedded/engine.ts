/* eslint-disable @typescript-eslint/require-await -- the engine interface is asynchronous (Meilisearch answers over HTTP); SQLite answers at once. */
import Database from "better-sqlite3";
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { ftsExpression } from "../analysis/query.js";
import type { EngineFilter, EngineQuery, EngineResult, SearchEngine, StoredDocument } from "../engine.js";

/** Above this many matches, counts and facets are computed over the best-scored ones only. */
const MATCH_CAP = 50_000;

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

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * The embedded engine: SQLite FTS5 in one file under DATA_DIR/search. Chosen by measurement
 * (see the README): it builds 100,000 documents in seconds, keeps the index on disk instead of
 * in the heap, and answers prefix queries in milliseconds.
 */
export function createEmbeddedEngine(file: string): SearchEngine {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
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
      data TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS docs_source ON docs (source);
    CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
      t, k, b, detail = column, prefix = '2 3', tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS vocab (term TEXT PRIMARY KEY, display TEXT NOT NULL) WITHOUT ROWID;
  `);

  const findRid = db.prepare<[string], { rid: number }>("SELECT rid FROM docs WHERE key = ?");
  const insertDoc = db.prepare(
    `INSERT INTO docs (key, source, type, audience, munis, areas, weight, hash, data)
     VALUES (@key, @source, @type, @audience, @munis, @areas, @weight, @hash, @data)`,
  );
  const updateDoc = db.prepare(
    `UPDATE docs SET source = @source, type = @type, audience = @audience, munis = @munis,
     areas = @areas, weight = @weight, hash = @hash, data = @data WHERE rid = @rid`,
  );
  const deleteDoc = db.prepare("DELETE FROM docs WHERE rid = ?");
  const insertFts = db.prepare("INSERT INTO fts (rowid, t, k, b) VALUES (?, ?, ?, ?)");
  const deleteFts = db.prepare("DELETE FROM fts WHERE rowid = ?");
  const bySource = db.prepare<[string], { key: string; hash: string }>(
    "SELECT key, hash FROM docs WHERE source = ?",
  );
  const getMeta = db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE name = ?");
  const setMeta = db.prepare(
    "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
  );
  const addWord = db.prepare("INSERT OR IGNORE INTO vocab (term, display) VALUES (?, ?)");
  const matches = db.prepare<[string, number], Row>(
    `SELECT f.rowid AS rid, bm25(fts, 10.0, 6.0, 1.0) * d.weight AS score,
            d.type, d.audience, d.munis, d.areas
       FROM fts f JOIN docs d ON d.rid = f.rowid
      WHERE fts MATCH ? LIMIT ?`,
  );

  const split = (s: string) => (s ? s.split(" ") : []);
  type Full = { data: string; t: string; k: string; b: string; hash: string };
  const toStored = (row: Full): StoredDocument => ({
    ...(JSON.parse(row.data) as Omit<StoredDocument, "terms" | "hash">),
    terms: { title: row.t, keywords: row.k, body: row.b },
    hash: row.hash,
  });
  const fullByRids = (rids: number[]): Map<number, StoredDocument> => {
    if (rids.length === 0) return new Map();
    const rows = db
      .prepare<number[], Full & { rid: number }>(
        `SELECT d.rid, d.data, d.hash, f.t, f.k, f.b FROM docs d JOIN fts f ON f.rowid = d.rid
          WHERE d.rid IN (${rids.map(() => "?").join(",")})`,
      )
      .all(...rids);
    return new Map(rows.map((r) => [r.rid, toStored(r)]));
  };

  const upsertMany = db.transaction((docs: StoredDocument[]) => {
    for (const doc of docs) {
      const { terms, hash, ...data } = doc;
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
      };
      const existing = findRid.get(doc.key);
      let rid: number;
      if (existing) {
        rid = existing.rid;
        deleteFts.run(rid);
        updateDoc.run({ ...row, rid });
      } else {
        rid = Number(insertDoc.run(row).lastInsertRowid);
      }
      insertFts.run(rid, terms.title, terms.keywords, terms.body);
    }
  });
  const removeMany = db.transaction((keys: string[]) => {
    for (const key of keys) {
      const existing = findRid.get(key);
      if (!existing) continue;
      deleteFts.run(existing.rid);
      deleteDoc.run(existing.rid);
    }
  });
  const addWords = db.transaction((words: Map<string, string>) => {
    for (const [term, display] of words) addWord.run(term, display);
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
          `SELECT d.data, d.hash, d.type, d.audience, d.munis, d.areas, f.t, f.k, f.b
             FROM docs d JOIN fts f ON f.rowid = d.rid WHERE d.key IN (${keys.map(() => "?").join(",")})`,
        )
        .all(...keys);
      return rows
        .filter((r) => passes({ ...r, munis: split(r.munis), areas: split(r.areas) }, filter))
        .map(toStored);
    },
    async search(query: EngineQuery): Promise<EngineResult> {
      const facets: EngineResult["facets"] = {
        type: new Map(),
        municipality: new Map(),
        serviceArea: new Map(),
      };
      if (query.groups.length === 0) return { candidates: [], total: 0, facets };
      const rows = matches.all(ftsExpression(query.groups, query.mode), MATCH_CAP);
      const allowed: Row[] = [];
      for (const row of rows) {
        const munis = split(row.munis);
        const areas = split(row.areas);
        if (!passes({ type: row.type, audience: row.audience, munis, areas }, query.filter)) continue;
        allowed.push(row);
        count(facets.type, row.type);
        for (const m of munis) count(facets.municipality, m);
        for (const a of areas) count(facets.serviceArea, a);
      }
      allowed.sort((a, b) => a.score - b.score);
      const best = allowed.slice(0, query.candidates).map((r) => r.rid);
      const full = fullByRids(best);
      return {
        candidates: best.map((rid) => full.get(rid)).filter((d): d is StoredDocument => d !== undefined),
        total: allowed.length,
        facets,
      };
    },
    async getMeta<T>(name: string) {
      const row = getMeta.get(name);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async setMeta(name, value) {
      setMeta.run(name, JSON.stringify(value));
    },
    async vocabulary() {
      const rows = db.prepare<[], { term: string; display: string }>("SELECT term, display FROM vocab").all();
      return new Map(rows.map((r) => [r.term, r.display]));
    },
    async addVocabulary(words) {
      addWords(words);
    },
    async clear() {
      db.exec("DELETE FROM docs; DELETE FROM fts; DELETE FROM vocab; DELETE FROM meta;");
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
