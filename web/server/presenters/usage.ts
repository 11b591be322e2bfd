import type { Snapshot } from "../content/cms-types.js";

type Counts = {
  days: number;
  since: string;
  activeUsers: number;
  active: Array<{ code: string | null; users: number | string }>;
  misses: Array<{ query: string; count: number | string }>;
  views: Array<{ kind: string; ref: string; views: number | string }>;
};

/**
 * The admin's usage figures: active members per municipality, searches that found nothing, the
 * most viewed units and pages (by the names the directory has now; a removed one is left out).
 */
export function presentUsage(counts: Counts, content: Snapshot | undefined) {
  const unitName = new Map((content?.units ?? []).map((u) => [u.documentId, u.name]));
  const pageTitle = new Map(
    (content?.pages ?? []).filter((p) => p.locale === "fi").map((p) => [p.slug, p.title]),
  );
  const top = (kind: string, name: Map<string, string>) =>
    counts.views
      .filter((v) => v.kind === kind && name.has(v.ref))
      .slice(0, 10)
      .map((v) => ({ id: v.ref, name: name.get(v.ref)!, views: Number(v.views) }));
  return {
    days: counts.days,
    since: counts.since,
    activeUsers: counts.activeUsers,
    byMunicipality: counts.active
      .map((a) => ({ municipalityCode: a.code, users: Number(a.users) }))
      .sort((a, b) => b.users - a.users),
    searchesWithoutResults: counts.misses.map((m) => ({ query: m.query, count: Number(m.count) })),
    topUnits: top("unit", unitName),
    topPages: top("page", pageTitle),
  };
}
