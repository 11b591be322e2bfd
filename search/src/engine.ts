import type { Group } from "./analysis/query.js";
import type { SearchDocument } from "./types.js";
import type { VocabEntry } from "./vocabulary.js";

/** A document with its analysed fields, as an engine stores it. */
export type StoredDocument = SearchDocument & {
  /** Analysed title terms, keyword terms and body terms (space-separated). */
  terms: { title: string; keywords: string; body: string };
  hash: string;
  /** The text was not read (a lean read for reranking); fetch it with texts() for display. */
  textPending?: boolean;
};

export type EngineFilter = {
  /** Audiences the asker belongs to; "*" only for a trusted local administrator (the CLI). */
  audiences: string[];
  types?: string[];
  municipality?: string;
  serviceArea?: string;
};

export type EngineQuery = {
  groups: Group[];
  mode: "all" | "any";
  filter: EngineFilter;
  /** How many of the best candidates to return for reranking. */
  candidates: number;
  /** Enough when the engine can only order by recency (no relevance to rerank beyond the page). */
  fewest?: number;
};

export type EngineResult = {
  candidates: StoredDocument[];
  /** Matches the filter lets through; a lower bound when not exhaustive. */
  total: number;
  /** False when there were too many matches to count: total and facets are then estimates. */
  exhaustive: boolean;
  /** Counts over every match the filter lets through, never beyond it. */
  facets: { type: Map<string, number>; municipality: Map<string, number>; serviceArea: Map<string, number> };
};

/**
 * What the search service needs of an engine. Both implementations (embedded SQLite FTS5 and
 * Meilisearch) pass one contract suite (engine.contract.ts).
 */
export type SearchEngine = {
  readonly name: "embedded" | "meilisearch";
  upsert(docs: StoredDocument[]): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** key → hash for one source, to reconcile against the source of truth. */
  hashes(source: string): Promise<Map<string, string>>;
  get(keys: string[], filter: EngineFilter): Promise<StoredDocument[]>;
  /** The display texts of documents read lean (see StoredDocument.textPending). */
  texts(keys: string[]): Promise<Map<string, { text: string; textSv: string | null }>>;
  search(query: EngineQuery): Promise<EngineResult>;
  /** Small named JSON values kept with the index (the analysis reference, vocabulary). */
  getMeta<T>(name: string): Promise<T | undefined>;
  setMeta(name: string, value: unknown): Promise<void>;
  /**
   * Words of the index (folded → display form and the audiences they were seen in) for typo
   * tolerance and did-you-mean. `addVocabulary` writes each entry whole (its audiences replace
   * the stored ones).
   */
  vocabulary(): Promise<Map<string, VocabEntry>>;
  addVocabulary(words: Map<string, VocabEntry>): Promise<void>;
  clear(): Promise<void>;
  stats(): Promise<{ documents: number; bytes: number | null }>;
  close(): Promise<void>;
};
