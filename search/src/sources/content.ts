import type { Reference } from "../analysis/query.js";
import type { SearchDocument } from "../types.js";
import { paths } from "@soskes/domain/paths";

/**
 * Published CMS content as the portal's content snapshot holds it (only the fields search
 * uses). Contacts marked for maintainers only are never indexed.
 */
type Area = { slug: string; name: string };
type Block = { type: string; text?: string; children?: Block[] };
/** When a record was last checked and how often it must be: overdue ones rank lower. */
type Stewardship = { verifiedAt?: string | null; reviewIntervalMonths?: number | null };

export type ContentInput = {
  municipalities: Array<{
    code: string;
    name: string;
    nameSv: string | null;
    switchboardPhone: string | null;
  }>;
  serviceAreas: Array<{ slug: string; name: string; nameSv: string | null; description: string | null }>;
  units: Array<
    Stewardship & {
      documentId: string;
      name: string;
      nameSv: string | null;
      description: string | null;
      openingNote: string | null;
      municipality: { code: string } | null;
      municipalities: Array<{ code: string }>;
      serviceAreas: Area[];
      parent: { name: string } | null;
      visitingAddress: Record<string, string | null> | null;
      contactPersons: Array<
        Stewardship & {
          documentId: string;
          name: string;
          title: string | null;
          responsibilities: string | null;
          visibility: "members" | "maintainers";
        }
      >;
    }
  >;
  statutes: Array<{
    number: string;
    title: string;
    titleSv: string | null;
    shortName: string | null;
    aliases: string | null;
    summary: string | null;
    serviceAreas: Area[];
    sections: Array<{ number: string; title: string; titleSv: string | null; summary: string | null }>;
  }>;
  pages: Array<
    Stewardship & {
      documentId: string;
      locale: string;
      title: string;
      slug: string;
      kind: string;
      summary: string | null;
      body: Block[] | null;
      serviceAreas: Area[];
      municipality: { code: string } | null;
      statuteReferences: Array<{
        section: string;
        statute: { number: string; title: string; shortName: string | null } | null;
      }>;
    }
  >;
  events: Array<{
    documentId: string;
    locale: string;
    title: string;
    startsAt: string;
    location: string | null;
    organizer: string | null;
    summary: string | null;
    serviceAreas: Area[];
    municipality: { code: string } | null;
  }>;
  news: Array<{
    documentId: string;
    locale: string;
    title: string;
    slug: string;
    summary: string | null;
    body: Block[] | null;
    date: string;
    serviceAreas: Area[];
    municipality: { code: string } | null;
  }>;
  links: Array<{
    documentId: string;
    locale: string;
    title: string;
    url: string;
    description: string | null;
    serviceAreas: Area[];
    municipality: { code: string } | null;
  }>;
  /** Synonym sets editors keep in the CMS ("Hakusanojen synonyymit"), one set per entry. */
  synonyms?: string[][];
};

export const CONTENT_SOURCE = "content";

const blockText = (blocks: Block[] | null | undefined): string =>
  (blocks ?? [])
    .map((b) => (b.text ?? "") + (b.children ? ` ${blockText(b.children)}` : ""))
    .join("\n")
    .replace(/[ \t]+/g, " ")
    .trim();
const join = (...parts: Array<string | null | undefined>) =>
  parts
    .map((p) => p?.trim().replace(/[.:]$/, ""))
    .filter(Boolean)
    .join(". ");
const uniq = <T>(xs: T[]) => [...new Set(xs)];
/** URL forms of statutes shared with the portal's presenters: "417/2007" → "417-2007". */
export const statuteSlug = (number: string) => number.replace("/", "-");
/** The id of a section on its statute page: "25 a" → "pykala-25a". */
export const sectionAnchor = (section: string) => `pykala-${section.replace(/\s+/g, "")}`;
/** A statute's aliases as editors write them, one per line (commas and semicolons also separate). */
export const aliasesOf = (aliases: string | null) =>
  (aliases ?? "")
    .split(/[,;\n]/)
    .map((a) => a.trim())
    .filter(Boolean);

/** Pairs each document's Finnish and Swedish versions; a Swedish-only document stands alone. */
function byDocument<T extends { documentId: string; locale: string }>(
  items: T[],
): Array<{ fi: T; sv: T | undefined }> {
  const map = new Map<string, { fi?: T; sv?: T }>();
  for (const item of items) {
    const entry = map.get(item.documentId) ?? {};
    if (item.locale === "sv") entry.sv = item;
    else entry.fi = item;
    map.set(item.documentId, entry);
  }
  return [...map.values()].map((e) => ({ fi: (e.fi ?? e.sv)!, sv: e.fi ? e.sv : undefined }));
}

/** The analysis reference (statute names, municipality names, synonyms) from the same content. */
export function contentReference(content: ContentInput): Reference {
  return {
    statutes: content.statutes.map((s) => ({
      number: s.number,
      names: uniq([s.title, s.shortName, ...aliasesOf(s.aliases)].filter((n): n is string => Boolean(n))),
    })),
    municipalities: content.municipalities.map((m) => ({
      code: m.code,
      names: [m.name, m.nameSv].filter((n): n is string => Boolean(n)),
    })),
    synonyms: (content.synonyms ?? []).filter((set) => set.length > 1),
  };
}

/** Every searchable document of the published content. */
/** The day a record's check falls due: `verifiedAt` plus its interval (12 months by default). */
export function reviewDue(record: Stewardship): Date | null {
  if (!record.verifiedAt) return null;
  const due = new Date(record.verifiedAt);
  due.setMonth(due.getMonth() + (record.reviewIntervalMonths ?? 12));
  return due;
}

/** Overdue records still show, a little lower: users should find fresher information first. */
const OVERDUE_WEIGHT = 0.7;

const base = { source: CONTENT_SOURCE, statute: null, section: null } as const;

/** Names and weights every kind of content document is built with. */
function namingOf(content: ContentInput, now: number) {
  const weightOf = (record: Stewardship) => {
    const due = reviewDue(record);
    return due && due.getTime() < now ? OVERDUE_WEIGHT : 1;
  };
  const municipality = new Map(content.municipalities.map((m) => [m.code, m]));
  const area = new Map(content.serviceAreas.map((a) => [a.slug, a]));
  const municipalityNames = (codes: string[]) =>
    codes
      .flatMap((c) => [municipality.get(c)?.name, municipality.get(c)?.nameSv])
      .filter((n): n is string => Boolean(n));
  const areaNames = (areas: Area[]) =>
    areas.flatMap((a) => [a.name, area.get(a.slug)?.nameSv]).filter((n): n is string => Boolean(n));
  return { weightOf, municipalityNames, areaNames };
}
type Naming = ReturnType<typeof namingOf>;

/** Each municipality, found by its name and the names of its units. */
function municipalityDocuments(content: ContentInput, docs: SearchDocument[]): void {
  const unitsByMunicipality = new Map<string, string[]>();
  for (const u of content.units) {
    if (u.municipality)
      unitsByMunicipality.set(u.municipality.code, [
        ...(unitsByMunicipality.get(u.municipality.code) ?? []),
        u.name,
      ]);
  }
  for (const m of content.municipalities) {
    docs.push({
      ...base,
      key: `municipality:${m.code}`,
      type: "municipality",
      id: m.code,
      audience: "directory",
      title: m.name,
      titleSv: m.nameSv,
      keywords: [m.code],
      text: join(
        `${m.name}: sosiaalipalvelujen toimipisteet ja yhteystiedot`,
        (unitsByMunicipality.get(m.code) ?? []).join(", "),
      ),
      url: `/?kunta=${m.code}`,
      municipalityCodes: [m.code],
      serviceAreas: [],
    });
  }
}

/** Each unit, and each of its contact persons shown to members (once, at their first unit). */
function unitDocuments(content: ContentInput, naming: Naming, docs: SearchDocument[]): void {
  const { weightOf, municipalityNames, areaNames } = naming;
  const seenPeople = new Set<string>();
  for (const u of content.units) {
    const codes = uniq([
      ...(u.municipality ? [u.municipality.code] : []),
      ...u.municipalities.map((m) => m.code),
    ]);
    const areas = u.serviceAreas.map((a) => a.slug);
    const address = u.visitingAddress
      ? [u.visitingAddress.street, u.visitingAddress.postOffice].filter(Boolean).join(", ")
      : null;
    docs.push({
      ...base,
      key: `unit:${u.documentId}`,
      type: "unit",
      id: u.documentId,
      audience: "directory",
      title: u.name,
      titleSv: u.nameSv,
      keywords: [
        ...municipalityNames(codes),
        ...areaNames(u.serviceAreas),
        ...(u.parent ? [u.parent.name] : []),
      ],
      text: join(u.description, u.openingNote, address),
      url: paths.unit(u.documentId),
      municipalityCodes: codes,
      serviceAreas: areas,
      weight: weightOf(u),
    });
    for (const c of u.contactPersons) {
      if (c.visibility !== "members" || seenPeople.has(c.documentId)) continue;
      seenPeople.add(c.documentId);
      docs.push({
        ...base,
        key: `person:${c.documentId}`,
        type: "person",
        id: c.documentId,
        audience: "members",
        title: c.name,
        keywords: [c.title ?? "", u.name, ...municipalityNames(codes)].filter(Boolean),
        text: join(c.title, c.responsibilities, u.name),
        url: `${paths.unit(u.documentId)}#henkilo-${c.documentId}`,
        municipalityCodes: codes,
        serviceAreas: areas,
        weight: weightOf(c),
      });
    }
  }
}

/** Each statute and each of its sections. */
function statuteDocuments(content: ContentInput, docs: SearchDocument[]): void {
  for (const s of content.statutes) {
    const names = uniq([s.shortName, ...aliasesOf(s.aliases)].filter((n): n is string => Boolean(n)));
    const areas = s.serviceAreas.map((a) => a.slug);
    const label = s.title.length <= 30 ? s.title : (s.shortName ?? s.number);
    const labelText = label.charAt(0).toUpperCase() + label.slice(1);
    docs.push({
      ...base,
      key: `statute:${s.number}`,
      type: "statute",
      id: s.number,
      audience: "statutes",
      title: s.title,
      titleSv: s.titleSv,
      keywords: [s.number, ...names],
      text: join(s.summary, s.sections.map((sec) => `${sec.number} § ${sec.title}`).join(", ")),
      url: paths.statute(statuteSlug(s.number)),
      municipalityCodes: [],
      serviceAreas: areas,
      statute: s.number,
    });
    for (const sec of s.sections) {
      docs.push({
        ...base,
        key: `section:${s.number}#${sec.number}`,
        type: "section",
        id: `${s.number}#${sec.number}`,
        audience: "statutes",
        title: `${labelText} ${sec.number} § ${sec.title}`,
        titleSv: sec.titleSv ? `${s.titleSv ?? labelText} ${sec.number} § ${sec.titleSv}` : null,
        keywords: [s.number, s.title, ...names, sec.number],
        text: sec.summary ?? "",
        url: `${paths.statute(statuteSlug(s.number))}#${sectionAnchor(sec.number)}`,
        municipalityCodes: [],
        serviceAreas: areas,
        statute: s.number,
        section: sec.number,
      });
    }
  }
}

/** Pages, events, news and links. */
function editorialDocuments(content: ContentInput, naming: Naming, docs: SearchDocument[]): void {
  const { weightOf, areaNames } = naming;
  type Editorial = {
    documentId: string;
    locale: string;
    title: string;
    serviceAreas: Area[];
    municipality: { code: string } | null;
  };
  /** Editorial documents: one per documentId, Finnish first, the Swedish version alongside. */
  const editorial = <T extends Editorial>(
    items: T[],
    type: "page" | "event" | "news" | "link",
    audience: string,
    build: (
      fi: T,
      sv: T | undefined,
    ) => Pick<SearchDocument, "id" | "text" | "textSv" | "url"> & {
      keywords?: string[];
      weight?: number;
    },
  ) => {
    for (const { fi, sv } of byDocument(items)) {
      const { keywords = [], ...own } = build(fi, sv);
      docs.push({
        ...base,
        ...own,
        key: `${type}:${fi.documentId}`,
        type,
        audience,
        title: fi.title,
        titleSv: sv?.title ?? null,
        keywords: [...areaNames(fi.serviceAreas), ...keywords],
        municipalityCodes: fi.municipality ? [fi.municipality.code] : [],
        serviceAreas: fi.serviceAreas.map((a) => a.slug),
      });
    }
  };
  editorial(content.pages, "page", "service-areas", (fi, sv) => ({
    id: fi.slug,
    weight: weightOf(fi),
    keywords: fi.statuteReferences
      .filter((r) => r.statute)
      .map((r) => `${r.statute!.shortName ?? r.statute!.title} ${r.section} §`),
    text: join(fi.summary, blockText(fi.body)),
    textSv: sv ? join(sv.summary, blockText(sv.body)) : null,
    url:
      fi.kind === "hub" && fi.serviceAreas[0]
        ? paths.serviceArea(fi.serviceAreas[0].slug)
        : paths.page(fi.slug),
  }));
  editorial(content.events, "event", "events", (fi, sv) => {
    const date = new Date(fi.startsAt).toLocaleDateString("fi-FI", { timeZone: "Europe/Helsinki" });
    return {
      id: fi.documentId,
      keywords: fi.organizer ? [fi.organizer] : [],
      text: join(date, fi.location, fi.summary),
      textSv: sv ? join(date, sv.location, sv.summary) : null,
      url: `/tapahtumat#tapahtuma-${fi.documentId}`,
    };
  });
  editorial(content.news, "news", "news", (fi, sv) => ({
    id: fi.slug,
    text: join(fi.summary, blockText(fi.body)),
    textSv: sv ? join(sv.summary, blockText(sv.body)) : null,
    url: `/uutiset#uutinen-${fi.slug}`,
  }));
  editorial(content.links, "link", "links", (fi, sv) => ({
    id: fi.documentId,
    text: fi.description ?? "",
    textSv: sv?.description ?? null,
    url: fi.url,
  }));
}

export function contentDocuments(content: ContentInput, now = Date.now()): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const naming = namingOf(content, now);
  municipalityDocuments(content, docs);
  unitDocuments(content, naming, docs);
  statuteDocuments(content, docs);
  editorialDocuments(content, naming, docs);
  return docs;
}
