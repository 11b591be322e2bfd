/** What the web client may import: the search API's answer as it travels, no server code. */
export { HIT_TYPES } from "./types.js";
export type { FacetCounts, Hit, HitType, SearchResult } from "./types.js";
