import type { Logger } from "pino";
import { populateQuery, type CmsClient } from "./cms-client.js";
import type { OpeningException, OpeningHours } from "./opening.js";

type Ref = { code: string; name: string };
type Phone = { kind: string; number: string; label: string | null; chargeNote: string | null };

export type CmsMunicipality = {
  documentId: string;
  code: string;
  name: string;
  nameSv: string | null;
  website: string | null;
  switchboardPhone: string | null;
};
export type CmsServiceArea = {
  documentId: string;
  slug: string;
  name: string;
  nameSv: string | null;
  kind: "service" | "support";
  description: string | null;
  order: number | null;
};
/** Who keeps a record current and when it was last checked (every directory record and page). */
export type Stewardship = {
  owner?: string | null;
  verifiedAt: string | null;
  reviewIntervalMonths?: number | null;
};

export type CmsContact = Stewardship & {
  documentId: string;
  name: string;
  title: string | null;
  email: string | null;
  responsibilities: string | null;
  visibility: "members" | "maintainers";
  phones?: Phone[];
  languages?: Array<{ code: string }>;
};
export type CmsUnit = Stewardship & {
  documentId: string;
  name: string;
  nameSv: string | null;
  description: string | null;
  website: string | null;
  alwaysOpen: boolean;
  openingNote: string | null;
  verifiedAt: string | null;
  municipality: { code: string } | null;
  municipalities: Ref[];
  serviceAreas: Array<{ slug: string; name: string }>;
  parent: { documentId: string; name: string } | null;
  phones: Phone[];
  emails: Array<{ address: string; label: string | null; secure: boolean | null }>;
  visitingAddress: Record<string, string | null> | null;
  postalAddress: Record<string, string | null> | null;
  openingHours: OpeningHours[];
  openingExceptions: OpeningException[];
  languages: Array<{ code: string }>;
  contactPersons: CmsContact[];
};
export type CmsStatute = {
  documentId: string;
  number: string;
  title: string;
  titleSv: string | null;
  shortName: string | null;
  aliases: string | null;
  finlexUrl: string | null;
  inForceFrom: string | null;
  summary: string | null;
  serviceAreas: Array<{ slug: string; name: string }>;
  sections: Array<{
    number: string;
    title: string;
    titleSv: string | null;
    summary: string | null;
    amendedOn: string | null;
  }>;
};

type Localised = {
  documentId: string;
  locale: string;
  serviceAreas: Array<{ slug: string; name: string }>;
  municipality: { code: string } | null;
};
export type Block = {
  type: string;
  children?: Block[];
  text?: string;
  url?: string;
  level?: number;
  format?: string;
  bold?: boolean;
  italic?: boolean;
};
export type CmsPage = Localised &
  Stewardship & {
    title: string;
    slug: string;
    kind: "hub" | "guide" | "process" | "case-law" | "general";
    summary: string | null;
    body: Block[] | null;
    links: Array<{ label: string; url: string }>;
    statuteReferences: Array<{
      section: string;
      note: string | null;
      statute: { number: string; title: string; shortName: string | null } | null;
    }>;
    verifiedAt: string | null;
    updatedAt: string;
  };
export type CmsEvent = Localised & {
  title: string;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  onlineUrl: string | null;
  organizer: string | null;
  summary: string | null;
  registrationUrl: string | null;
  registrationDeadline: string | null;
  updatedAt: string;
};
export type CmsNews = Localised & {
  title: string;
  slug: string;
  summary: string | null;
  body: Block[] | null;
  date: string;
};
export type CmsLink = Localised & { title: string; url: string; description: string | null };

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

export type Snapshot = {
  municipalities: CmsMunicipality[];
  serviceAreas: CmsServiceArea[];
  units: CmsUnit[];
  statutes: CmsStatute[];
  /** Editorial content in every locale; presenters pick the reader's, falling back to Finnish. */
  pages: CmsPage[];
  events: CmsEvent[];
  news: CmsNews[];
  links: CmsLink[];
  /** Search synonym sets editors keep in Strapi, each a list of words or phrases. */
  synonyms: string[][];
  loadedAt: number;
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
