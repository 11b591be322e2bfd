export * from "./types.js";
export type { SearchEngine, StoredDocument, EngineFilter, EngineQuery, EngineResult } from "./engine.js";
export { createEmbeddedEngine } from "./embedded/engine.js";
export { createMeiliEngine, type MeiliOptions } from "./meili/engine.js";
export {
  createSearchService,
  highlight,
  prepare,
  hashOf,
  type SearchService,
  type ReconcileResult,
} from "./service.js";
export { parseQuery, type Reference, type ParsedQuery } from "./analysis/query.js";
export { analyzeText, fold, stem, lemma, decompose, statuteKey } from "./analysis/index.js";
export { contentDocuments, contentReference, CONTENT_SOURCE, type ContentInput } from "./sources/content.js";
export { evaluate, type EvalFile, type EvalReport } from "./eval.js";
export { Vocabulary, distance } from "./vocabulary.js";
export { createSearchPool, defaultWorkers, type SearchPool } from "./pool.js";
export type { AnalysisChange } from "./service.js";
