import type {
  Block,
  CmsEvent,
  CmsLink,
  CmsNews,
  CmsPage,
  CmsServiceArea,
  CmsStatute,
} from "../content/cms-types.js";
import { presentServiceArea, presentStatute } from "./content.js";
import type { Lang } from "../i18n.js";
import { sectionAnchor, statuteSlug } from "@soskes/search";

type Localised = { documentId: string; locale: string };

/** One item per document, in the reader's language when it exists, otherwise in Finnish. */
export function pickLocale<T extends Localised>(items: T[], lang: Lang): T[] {
  const rank = (item: T) => (item.locale === lang ? 0 : item.locale === "fi" ? 1 : 2);
  const byDocument = new Map<string, T>();
  for (const item of items) {
    const chosen = byDocument.get(item.documentId);
    if (!chosen || rank(item) < rank(chosen)) byDocument.set(item.documentId, item);
  }
  return [...byDocument.values()];
}

const SAFE_URL = /^(https?:\/\/|mailto:|tel:|\/(?!\/))/i;
const BLOCK_TYPES = new Set(["paragraph", "heading", "list", "list-item", "quote", "text", "link"]);

/**
 * Rich text leaves the server as a small allow-listed tree: unknown block types are dropped,
 * links keep only http(s), mailto, tel and same-site paths. The client renders it as React
 * elements, never as HTML.
 */
export function sanitiseBlocks(blocks: Block[] | null | undefined): Block[] {
  const clean = (b: Block): Block | null => {
    if (!BLOCK_TYPES.has(b.type)) return null;
    if (b.type === "text")
      return {
        type: "text",
        text: String(b.text ?? ""),
        ...(b.bold ? { bold: true } : {}),
        ...(b.italic ? { italic: true } : {}),
      };
    const children = (b.children ?? []).map(clean).filter((c): c is Block => c !== null);
    if (b.type === "link")
      return SAFE_URL.test(b.url ?? "")
        ? { type: "link", url: b.url, children }
        : { type: "paragraph", children };
    if (b.type === "heading")
      return { type: "heading", level: Math.min(Math.max(b.level ?? 2, 2), 4), children };
    if (b.type === "list")
      return { type: "list", format: b.format === "ordered" ? "ordered" : "unordered", children };
    return { type: b.type, children };
  };
  return (blocks ?? []).map(clean).filter((b): b is Block => b !== null);
}

const area = (p: { serviceAreas: Array<{ slug: string; name: string }> }) =>
  p.serviceAreas.map((a) => ({ slug: a.slug, name: a.name }));

export function presentPageSummary(p: CmsPage) {
  return {
    slug: p.slug,
    title: p.title,
    kind: p.kind,
    summary: p.summary,
    serviceAreas: area(p),
    municipalityCode: p.municipality?.code ?? null,
    locale: p.locale,
  };
}

export function presentPage(p: CmsPage) {
  return {
    ...presentPageSummary(p),
    body: sanitiseBlocks(p.body),
    links: (p.links ?? []).filter((l) => SAFE_URL.test(l.url)).map((l) => ({ label: l.label, url: l.url })),
    statuteReferences: (p.statuteReferences ?? [])
      .filter((r) => r.statute)
      .map((r) => ({
        statute: r.statute!.number,
        statuteSlug: statuteSlug(r.statute!.number),
        statuteTitle: r.statute!.title,
        shortName: r.statute!.shortName,
        section: r.section,
        anchor: sectionAnchor(r.section),
        note: r.note,
      })),
    verifiedAt: p.verifiedAt,
  };
}

export function presentEvent(e: CmsEvent) {
  return {
    id: e.documentId,
    title: e.title,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    location: e.location,
    onlineUrl: e.onlineUrl && SAFE_URL.test(e.onlineUrl) ? e.onlineUrl : null,
    organizer: e.organizer,
    summary: e.summary,
    registrationUrl: e.registrationUrl && SAFE_URL.test(e.registrationUrl) ? e.registrationUrl : null,
    registrationDeadline: e.registrationDeadline,
    serviceAreas: area(e),
    municipalityCode: e.municipality?.code ?? null,
  };
}

export function presentNews(n: CmsNews) {
  return {
    slug: n.slug,
    title: n.title,
    date: n.date,
    summary: n.summary,
    body: sanitiseBlocks(n.body),
    serviceAreas: area(n),
    municipalityCode: n.municipality?.code ?? null,
  };
}

/** A service area's hub: its page, other pages, statutes, coming events, news and links. */
export function presentHub(hub: {
  area: CmsServiceArea;
  page: CmsPage | undefined;
  pages: CmsPage[];
  statutes: CmsStatute[];
  events: CmsEvent[];
  news: CmsNews[];
  links: CmsLink[];
}) {
  return {
    area: presentServiceArea(hub.area),
    hub: hub.page ? presentPage(hub.page) : null,
    pages: hub.pages.map(presentPageSummary),
    statutes: hub.statutes.map(presentStatute),
    events: hub.events.map(presentEvent),
    news: hub.news.map(presentNews),
    links: hub.links.map(presentLink),
  };
}

export function presentLink(l: CmsLink) {
  return {
    id: l.documentId,
    title: l.title,
    url: SAFE_URL.test(l.url) ? l.url : null,
    description: l.description,
    serviceAreas: area(l),
  };
}

/** Events that have not ended (a day's grace for ones without an end time). */
export const upcoming = (e: CmsEvent, now: number) =>
  new Date(e.endsAt ?? e.startsAt).getTime() + (e.endsAt ? 0 : 86_400_000) >= now;
