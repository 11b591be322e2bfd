import type Database from "better-sqlite3";
import type { EngineFilter, StoredDocument } from "../engine.js";
import { filterTokens, passes } from "./filter.js";

type Full = { data: string; texts: string | null; t: string; k: string; b: string; hash: string };
export const split = (s: string) => (s ? s.split(" ") : []);

/** Without `texts` (a lean read) the document's text is left out and marked so. */
const toStored = (row: Full): StoredDocument => ({
  ...(JSON.parse(row.data) as Omit<StoredDocument, "terms" | "hash" | "text">),
  ...(row.texts === null
    ? { text: "", textSv: null, textPending: true }
    : (JSON.parse(row.texts) as { text: string; textSv: string | null })),
  terms: { title: row.t, keywords: row.k, body: row.b },
  hash: row.hash,
});

/** Audience counts a write changes, written in its transaction. */
function audienceCounts(countAudience: Database.Statement) {
  const changes = new Map<string, number>();
  return {
    add: (audience: string, by: number) => changes.set(audience, (changes.get(audience) ?? 0) + by),
    write: () => {
      for (const [name, by] of changes) if (by !== 0) countAudience.run(name, by);
    },
  };
}

export type DocumentTable = {
  upsert(docs: StoredDocument[]): void;
  remove(keys: string[]): void;
  /** Every audience in the index with its number of documents. */
  indexedAudiences(): Array<{ name: string; docs: number }>;
  /** Documents by row; without the body (`withBody` false) read lean and cached. */
  fullByRids(rids: number[], withBody?: boolean): Map<number, StoredDocument>;
  hashes(source: string): Map<string, string>;
  get(keys: string[], filter: EngineFilter): StoredDocument[];
  texts(keys: string[]): Map<string, { text: string; textSv: string | null }>;
};

/**
 * The stored documents: written with their full-text rows and audience counts in one
 * transaction, read whole or lean (without the analysed body) by row.
 */
export function documentTable(db: Database.Database): DocumentTable {
  const findRid = db.prepare<[string], { rid: number; audience: string }>(
    "SELECT rid, audience FROM docs WHERE key = ?",
  );
  const countAudience = db.prepare(
    "INSERT INTO audiences (name, docs) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET docs = docs + excluded.docs",
  );
  const indexedAudiences = db.prepare<[], { name: string; docs: number }>("SELECT name, docs FROM audiences");
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
  const fullStatement = db.prepare<[string], Full & { rid: number }>(
    `SELECT d.rid, d.data, d.texts, d.hash, f.t, f.k, f.b FROM docs d JOIN fts f ON f.rowid = d.rid
      WHERE d.rid IN (SELECT value FROM json_each(?))`,
  );
  // Without the analysed body: a strict match needs only titles to be reranked.
  const leanStatement = db.prepare<[string], Full & { rid: number }>(
    `SELECT d.rid, d.data, NULL AS texts, d.hash, f.t, f.k, '' AS b FROM docs d JOIN fts_title f ON f.rowid = d.rid
      WHERE d.rid IN (SELECT value FROM json_each(?))`,
  );

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
    const counts = audienceCounts(countAudience);
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
    const counts = audienceCounts(countAudience);
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

  return {
    upsert: upsertMany,
    remove: removeMany,
    indexedAudiences: () => indexedAudiences.all(),
    fullByRids,
    hashes: (source: string) => new Map(bySource.all(source).map((r) => [r.key, r.hash])),
    get(keys: string[], filter: EngineFilter): StoredDocument[] {
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
    texts(keys: string[]) {
      const rows = keys.length === 0 ? [] : textsByKey.all(JSON.stringify(keys));
      return new Map(
        rows.map((r) => [r.key, JSON.parse(r.texts) as { text: string; textSv: string | null }]),
      );
    },
  };
}
