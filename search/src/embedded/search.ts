import type Database from "better-sqlite3";
import { ftsExpression } from "../analysis/query.js";
import type { EngineQuery, EngineResult, StoredDocument } from "../engine.js";
import type { DocumentTable } from "./documents.js";
import { split } from "./documents.js";
import { filterExpression } from "./filter.js";

/**
 * Up to this many matches, every match is scored (bm25) and counted exactly. Beyond it, scoring
 * every match would cost more than the answer is worth: candidates then come from the title and
 * keyword index (scored when there are few enough, else newest first), counting stops at
 * COUNT_CAP, and facets are estimated from the candidates (`exhaustive: false`).
 */
const SCORE_ALL = 500;
/** Matches are counted up to this many; beyond it the total is a lower bound (not exhaustive). */
const COUNT_CAP = 1000;

type Row = { rid: number; score: number; type: string; audience: string; munis: string; areas: string };

/** Facet counts of the rows, each counted `scale` times (rounded when estimated). */
function tally(facets: EngineResult["facets"], rows: Row[], scale: number) {
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + scale);
  for (const row of rows) {
    add(facets.type, row.type);
    for (const m of split(row.munis)) add(facets.municipality, m);
    for (const a of split(row.areas)) add(facets.serviceArea, a);
  }
  if (scale !== 1)
    for (const map of Object.values(facets)) for (const [k, v] of map) map.set(k, Math.round(v));
}

/** The search of the embedded index, one query in one read transaction. */
export function snapshotSearch(
  db: Database.Database,
  documents: DocumentTable,
): (query: EngineQuery) => EngineResult {
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

  /**
   * Candidates when there are too many matches to score each: the best-scored title matches (or
   * the newest, when even those are too many), then the newest of the rest.
   */
  const manyMatches = (full: string, matches: number[], query: EngineQuery): number[] => {
    const titleMatches = newestTitles.all(full, SCORE_ALL + 1);
    const best =
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
    return best;
  };

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
      documents.indexedAudiences(),
    );
    // One pass over the index for the (capped) count, the newest matches and the facet sample.
    const matches = newest.all(full, COUNT_CAP + 1);
    const total = matches.length;
    let best: number[];
    if (total <= SCORE_ALL) {
      const rows = scored.all(full).sort((a, b) => a.score - b.score);
      tally(facets, rows, 1);
      best = rows.slice(0, query.candidates).map((r) => r.rid);
    } else best = manyMatches(full, matches, query);
    const fullRows = documents.fullByRids(best, query.mode === "any");
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
      tally(facets, rows, Math.min(total, COUNT_CAP) / rows.length);
    }
    return {
      candidates,
      total: Math.min(total, COUNT_CAP),
      exhaustive: total <= COUNT_CAP,
      facets,
    };
  });
  return searchInSnapshot;
}
