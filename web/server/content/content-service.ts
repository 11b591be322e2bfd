import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { populateQuery, type CmsClient } from "./cms-client.js";

export type * from "./cms-types.js";
import type {
  CmsEvent,
  CmsLink,
  CmsMunicipality,
  CmsNews,
  CmsPage,
  CmsServiceArea,
  CmsStatute,
  CmsUnit,
  Snapshot,
} from "./cms-types.js";

const LOCALISED = populateQuery({
  serviceAreas: { fields: ["slug", "name"] },
  municipality: { fields: ["code"] },
});
const LOCALES = ["fi", "sv"] as const;

const UNIT_QUERY = {
  ...populateQuery({
    municipality: { fields: ["code"] },
    municipalities: { fields: ["code", "name"] },
    serviceAreas: { fields: ["slug", "name"] },
    parent: { fields: ["name"] },
    phones: true,
    emails: true,
    visitingAddress: true,
    postalAddress: true,
    openingHours: true,
    openingExceptions: true,
    languages: true,
    contactPersons: {
      fields: [
        "name",
        "title",
        "email",
        "responsibilities",
        "visibility",
        "owner",
        "verifiedAt",
        "reviewIntervalMonths",
      ],
      populate: { phones: true, languages: true },
    },
  }),
  sort: "name:asc",
};

/**
 * Published CMS content held in memory: the whole directory is a few thousand records at most,
 * so answering "who serves this client" is a filter over memory, not a Strapi query. A webhook
 * from Strapi invalidates it; if Strapi is down, the last snapshot keeps being served.
 */
export function createContentService(options: { cms: CmsClient; logger: Logger; maxAgeMs?: number }) {
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  let snapshot: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;
  let generation = 0;
  const listeners = new Set<(snapshot: Snapshot) => void>();

  async function load(): Promise<Snapshot> {
    const started = generation;
    const { cms } = options;
    const localised = <T>(collection: string, query: Record<string, string | number | boolean>) =>
      Promise.all(LOCALES.map((locale) => cms.all<T>(collection, { ...LOCALISED, ...query, locale }))).then(
        (lists) => lists.flat(),
      );
    const [municipalities, serviceAreas, units, statutes, pages, events, news, links, synonyms] =
      await Promise.all([
        cms.all<CmsMunicipality>("municipalities", { sort: "name:asc" }),
        cms.all<CmsServiceArea>("service-areas", { sort: "order:asc" }),
        cms.all<CmsUnit>("service-units", UNIT_QUERY),
        cms.all<CmsStatute>("statutes", {
          ...populateQuery({ serviceAreas: { fields: ["slug", "name"] }, sections: true }),
          sort: "title:asc",
        }),
        localised<CmsPage>("pages", {
          ...populateQuery({ links: true, statuteReferences: { populate: { statute: true } } }),
          sort: "title:asc",
        }),
        localised<CmsEvent>("events", { sort: "startsAt:asc" }),
        localised<CmsNews>("news-items", { sort: "date:desc" }),
        localised<CmsLink>("links", { sort: "title:asc" }),
        cms.all<{ terms: string }>("search-synonyms", { "fields[0]": "terms" }),
      ]);
    const next = {
      municipalities,
      serviceAreas,
      units,
      statutes,
      pages,
      events,
      news,
      links,
      synonyms: synonyms.map((s) =>
        s.terms
          .split(/[,;\n]/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
      loadedAt: Date.now(),
    };
    // A webhook that arrived while loading makes this snapshot stale already: load again.
    if (started !== generation) return load();
    snapshot = next;
    for (const listener of listeners) listener(next);
    return next;
  }

  async function current(): Promise<{ data: Snapshot; stale: boolean }> {
    if (snapshot && Date.now() - snapshot.loadedAt < maxAgeMs) return { data: snapshot, stale: false };
    loading ??= load().finally(() => (loading = undefined));
    try {
      return { data: await loading, stale: false };
    } catch (err) {
      if (snapshot) {
        options.logger.warn({ err }, "CMS unreachable, serving cached content");
        return { data: snapshot, stale: true };
      }
      throw err;
    }
  }

  return {
    /** This snapshot holder's own name: a change it recorded was applied to it then. */
    id: randomUUID(),
    current,
    /** Called with every newly loaded snapshot (the search indexer follows content this way). */
    onLoad(listener: (snapshot: Snapshot) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Called on Strapi's webhook: the next read reloads, and a reload starts right away. */
    invalidate(reason: string): void {
      generation += 1;
      if (snapshot) snapshot = { ...snapshot, loadedAt: 0 };
      options.logger.info({ reason }, "content cache invalidated");
      current().catch((err: unknown) => options.logger.warn({ err }, "content reload failed"));
    },
  };
}
export type ContentService = ReturnType<typeof createContentService>;
