/** What can be found. Later issues add notice, answer and message through the same indexer. */
export const HIT_TYPES = [
  "municipality",
  "unit",
  "person",
  "statute",
  "section",
  "page",
  "event",
  "news",
  "link",
  "notice",
  "answer",
  "message",
] as const;
export type HitType = (typeof HIT_TYPES)[number];

/**
 * One searchable record as the indexer hands it over. `audience` is who may open the record:
 * a content kind ("directory", "statutes"…, public when configuration says so), "members", or a
 * narrower audience such as "group:<id>". The search service is told the audiences of the
 * person asking and never returns, counts or describes anything outside them.
 */
export type SearchDocument = {
  /** Unique across the index: `${type}:${itemId}`. */
  key: string;
  /** Where the record comes from ("content", "notices"…): a reconcile replaces one source. */
  source: string;
  type: HitType;
  id: string;
  audience: string;
  title: string;
  titleSv?: string | null;
  /** Words that identify the record without being its text: names, aliases, citations. */
  keywords: string[];
  text: string;
  textSv?: string | null;
  url: string;
  municipalityCodes: string[];
  serviceAreas: string[];
  statute: string | null;
  section: string | null;
  /** Multiplies the relevance; below 1 for records whose check is overdue. */
  weight?: number;
};

export type Hit = {
  type: HitType;
  id: string;
  title: string;
  /** HTML-escaped text in which matches are wrapped in <mark>…</mark>; nothing else. */
  snippet: string;
  url: string;
  municipalityCodes: string[];
  serviceArea: string | null;
  statute: string | null;
  section: string | null;
};

export type FacetCounts = {
  type: Record<string, number>;
  municipality: Record<string, number>;
  serviceArea: Record<string, number>;
};

export type SearchResult = {
  hits: Hit[];
  /** Matches the asker may open; with exhaustive false, at least this many (counting stopped). */
  total: number;
  exhaustive: boolean;
  facets: FacetCounts;
  tookMs: number;
  /** A corrected query built from the index's own words, when the query looks misspelt. */
  didYouMean: string | null;
  /** What the query was understood as: a cited statute or section. */
  citation: { statute: string; section: string | null } | null;
};

export type SearchRequest = {
  q: string;
  types?: HitType[];
  municipality?: string;
  serviceArea?: string;
  limit?: number;
  offset?: number;
  locale?: "fi" | "sv" | "en";
  /** Audiences of the person asking; see SearchDocument.audience. */
  audiences: string[];
  /** Whether the query is still being typed: its last word is then matched as a prefix. */
  partial?: boolean;
};
