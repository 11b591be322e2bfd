import type { SearchService } from "./service.js";
import type { Hit } from "./types.js";

export type EvalFile = {
  about?: string;
  within?: number;
  queries: Array<{ q: string; expect: Record<string, string> }>;
};
export type EvalReport = {
  queries: number;
  found: number;
  share: number;
  within: number;
  results: Array<{ q: string; rank: number | null; top: Array<Pick<Hit, "type" | "id" | "title">> }>;
};

/** A hit matches when every expected field equals it (case-insensitive); municipalityCode is contained. */
export function matches(hit: Hit, expect: Record<string, string>): boolean {
  return Object.entries(expect).every(([field, value]) => {
    const want = value.toLowerCase();
    if (field === "municipalityCode") return hit.municipalityCodes.some((c) => c.toLowerCase() === want);
    const got = (hit as unknown as Record<string, unknown>)[field];
    return typeof got === "string" && got.toLowerCase() === want;
  });
}

/** Scores a query file: the share of queries whose expected item is within the top `within`. */
export async function evaluate(
  service: SearchService,
  file: EvalFile,
  audiences: string[],
): Promise<EvalReport> {
  const within = file.within ?? 5;
  const results: EvalReport["results"] = [];
  for (const { q, expect } of file.queries) {
    const { hits } = await service.search({ q, audiences, limit: within });
    const at = hits.findIndex((h) => matches(h, expect));
    results.push({
      q,
      rank: at >= 0 ? at + 1 : null,
      top: hits.map((h) => ({ type: h.type, id: h.id, title: h.title })),
    });
  }
  const found = results.filter((r) => r.rank !== null).length;
  return {
    queries: results.length,
    found,
    share: results.length ? found / results.length : 0,
    within,
    results,
  };
}
