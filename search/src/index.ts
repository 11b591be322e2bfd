// The search package's public face: what the portal, its command line and the benchmarks use.
export * from "./types.js";
export type { SearchEngine, StoredDocument, EngineFilter } from "./engine.js";
export { createEmbeddedEngine } from "./embedded/engine.js";
export { createMeiliEngine, type MeiliOptions } from "./meili/engine.js";
export { createSearchService, type SearchService, type ReconcileResult } from "./service.js";
export type { Reference } from "./analysis/query.js";
export {
  aliasesOf,
  contentDocuments,
  contentReference,
  CONTENT_SOURCE,
  sectionAnchor,
  statuteSlug,
  type ContentInput,
} from "./sources/content.js";
export { evaluate, type EvalFile, type EvalReport } from "./eval.js";
export { createSearchPool, type SearchPool } from "./pool.js";
