import { finnishDate } from "@soskes/domain";
import type { CmsUnit, Snapshot } from "./cms-types.js";
import { dueOn, REMINDER_DAYS } from "./freshness.js";

export type Missing = "phone" | "opening_hours" | "name_sv" | "address" | "email" | "summary" | "swedish";

type RecordType = "service-unit" | "contact-person" | "page" | "link";

export type MaintenanceRecord = {
  type: RecordType;
  documentId: string;
  name: string;
  municipalityCode: string | null;
  status: "fresh" | "due" | "overdue";
  dueOn: string | null;
  verifiedAt: string | null;
  missing: Missing[];
  brokenLinks: Array<{ url: string; status: number | null; error: string | null }>;
  editUrl: string;
};

const MODELS: Record<RecordType, string> = {
  "service-unit": "api::service-unit.service-unit",
  "contact-person": "api::contact-person.contact-person",
  page: "api::page.page",
  link: "api::link.link",
};

/** A unit belongs to the municipality that keeps it (the same rule as Strapi's maintainer roles). */
const unitIn = (u: CmsUnit, code: string) => u.municipality?.code === code;

/**
 * What needs a maintainer's attention in one municipality (or the whole region for "" ), and
 * one service area if asked: records due or overdue for a check, incomplete ones, and those
 * linking to addresses that no longer answer — with a link straight to Strapi's edit view.
 */
export function maintenanceReport(
  snapshot: Snapshot,
  checks: Map<string, { ok: number; status: number | null; error: string | null }>,
  filter: { municipality: string; serviceArea: string },
  options: { now: number; cmsPublicUrl: string },
) {
  const today = finnishDate(options.now);
  const horizon = finnishDate(options.now + REMINDER_DAYS * 86_400_000);
  const edit = (type: RecordType, documentId: string) =>
    `${options.cmsPublicUrl}/admin/content-manager/collection-types/${MODELS[type]}/${documentId}${type === "page" || type === "link" ? "?plugins[i18n][locale]=fi" : ""}`;
  const broken = (url: string | null | undefined) => {
    const c = url ? checks.get(url) : undefined;
    return url && c && !c.ok ? [{ url, status: c.status, error: c.error }] : [];
  };
  const statusOf = (record: { verifiedAt: string | null; reviewIntervalMonths?: number | null }) => {
    const due = dueOn(record, options.now);
    return { dueOn: due, status: due < today ? "overdue" : due <= horizon ? "due" : "fresh" } as const;
  };
  const inArea = (areas: Array<{ slug: string }>) =>
    !filter.serviceArea || areas.some((a) => a.slug === filter.serviceArea);

  const records: MaintenanceRecord[] = [];
  const people = new Set<string>();
  for (const u of snapshot.units) {
    if (filter.municipality && !unitIn(u, filter.municipality)) continue;
    if (!inArea(u.serviceAreas)) continue;
    const missing: Missing[] = [];
    if (u.phones.length === 0) missing.push("phone");
    if (!u.alwaysOpen && u.openingHours.length === 0) missing.push("opening_hours");
    if (!u.nameSv) missing.push("name_sv");
    if (!u.visitingAddress?.street) missing.push("address");
    records.push({
      type: "service-unit",
      documentId: u.documentId,
      name: u.name,
      municipalityCode: u.municipality?.code ?? null,
      ...statusOf(u),
      verifiedAt: u.verifiedAt,
      missing,
      brokenLinks: broken(u.website),
      editUrl: edit("service-unit", u.documentId),
    });
    for (const c of u.contactPersons) {
      if (people.has(c.documentId)) continue;
      people.add(c.documentId);
      const lacks: Missing[] = [];
      if ((c.phones ?? []).length === 0) lacks.push("phone");
      if (!c.email) lacks.push("email");
      records.push({
        type: "contact-person",
        documentId: c.documentId,
        name: `${c.name} (${u.name})`,
        municipalityCode: u.municipality?.code ?? null,
        ...statusOf(c),
        verifiedAt: c.verifiedAt,
        missing: lacks,
        brokenLinks: [],
        editUrl: edit("contact-person", c.documentId),
      });
    }
  }
  const swedish = new Set(snapshot.pages.filter((p) => p.locale === "sv").map((p) => p.documentId));
  for (const p of snapshot.pages) {
    if (p.locale !== "fi") continue;
    if (filter.municipality && p.municipality?.code !== filter.municipality) continue;
    if (!inArea(p.serviceAreas)) continue;
    const missing: Missing[] = [];
    if (!p.summary) missing.push("summary");
    if (!swedish.has(p.documentId)) missing.push("swedish");
    records.push({
      type: "page",
      documentId: p.documentId,
      name: p.title,
      municipalityCode: p.municipality?.code ?? null,
      ...statusOf(p),
      verifiedAt: p.verifiedAt,
      missing,
      brokenLinks: (p.links ?? []).flatMap((l) => broken(l.url)),
      editUrl: edit("page", p.documentId),
    });
  }
  for (const l of snapshot.links) {
    if (l.locale !== "fi") continue;
    if (filter.municipality && l.municipality?.code !== filter.municipality) continue;
    if (!inArea(l.serviceAreas)) continue;
    const bad = broken(l.url);
    if (bad.length === 0) continue;
    records.push({
      type: "link",
      documentId: l.documentId,
      name: l.title,
      municipalityCode: l.municipality?.code ?? null,
      status: "fresh",
      dueOn: null,
      verifiedAt: null,
      missing: [],
      brokenLinks: bad,
      editUrl: edit("link", l.documentId),
    });
  }
  const needsWork = (r: MaintenanceRecord) =>
    r.status !== "fresh" || r.missing.length > 0 || r.brokenLinks.length > 0;
  const order = { overdue: 0, due: 1, fresh: 2 } as const;
  return {
    summary: {
      records: records.filter((r) => r.type !== "link").length,
      fresh: records.filter((r) => r.type !== "link" && r.status === "fresh").length,
      due: records.filter((r) => r.status === "due").length,
      overdue: records.filter((r) => r.status === "overdue").length,
      incomplete: records.filter((r) => r.missing.length > 0).length,
      brokenLinks: records.reduce((n, r) => n + r.brokenLinks.length, 0),
    },
    records: records
      .filter(needsWork)
      .sort((a, b) => order[a.status] - order[b.status] || (a.dueOn ?? "").localeCompare(b.dueOn ?? "")),
  };
}
