import { finnishDate } from "@soskes/chat";
import { type Router } from "express";
import type { Logger } from "pino";
import { z } from "zod";
import type { Services } from "../services.js";
import type { CmsUnit, Snapshot } from "../content/content-service.js";
import type { Db } from "../db/database.js";
import { errors } from "../errors.js";
import { guardedFetch, RefusedRequest } from "../net/guarded-fetch.js";
import { handler, parse, strictRouter } from "../validate.js";
import { dueOn, REMINDER_DAYS } from "./freshness.js";

/** Every external address in published content: unit websites, page links, link records. */
export function externalLinks(snapshot: Snapshot): string[] {
  const urls = new Set<string>();
  const add = (url: string | null | undefined) => {
    if (url && /^https?:\/\//i.test(url)) urls.add(url);
  };
  for (const u of snapshot.units) add(u.website);
  for (const p of snapshot.pages) for (const l of p.links ?? []) add(l.url);
  for (const l of snapshot.links) add(l.url);
  return [...urls];
}

/** How the link check reaches the internet; tests add a stand-in public address. */
export type LinkCheckNet = { ports: readonly number[]; allowAddresses?: readonly string[] };

/**
 * One address: HEAD, then GET where HEAD is not allowed; an answer below 400 within the time is
 * fine. Through the guarded client only: an address inside the installation's network is not
 * requested at all and is reported as "internal_address".
 */
export async function checkLink(
  url: string,
  timeoutMs: number,
  net: LinkCheckNet = { ports: [80, 443] },
): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const attempt = (method: "HEAD" | "GET") =>
    guardedFetch(url, {
      method,
      timeoutMs,
      ports: net.ports,
      allowAddresses: net.allowAddresses,
      userAgent: "SosKes-linkkitarkistus/1.0",
      maxBytes: 0,
    });
  try {
    let res = await attempt("HEAD");
    if (res.status === 405 || res.status === 501) res = await attempt("GET");
    return { ok: res.status < 400, status: res.status, error: null };
  } catch (err) {
    if (err instanceof RefusedRequest) return { ok: false, status: null, error: "internal_address" };
    const name = (err as Error).name;
    return {
      ok: false,
      status: null,
      error: name === "TimeoutError" || name === "AbortError" ? "timeout" : "unreachable",
    };
  }
}

/**
 * The scheduled link check: every external address not checked in the last day, a few at a
 * time, each answer remembered. Addresses no longer in the content are forgotten.
 */
export async function runLinkCheck(
  deps: { db: Db; logger: Logger },
  snapshot: Snapshot,
  options: {
    now?: number;
    timeoutMs?: number;
    maxAgeMs?: number;
    concurrency?: number;
    net?: LinkCheckNet;
  } = {},
): Promise<{ checked: number; broken: number }> {
  const now = options.now ?? Date.now();
  const urls = externalLinks(snapshot);
  const known = new Map(
    (await deps.db.selectFrom("link_checks").selectAll().execute()).map((r) => [r.url, r]),
  );
  const due = urls.filter((u) => {
    const last = known.get(u);
    return !last || now - last.checked_at > (options.maxAgeMs ?? 24 * 3600_000);
  });
  let broken = 0;
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const url = due[next++]!;
      const result = await checkLink(url, options.timeoutMs ?? 10_000, options.net);
      if (!result.ok) broken += 1;
      const values = { ok: result.ok ? 1 : 0, status: result.status, error: result.error, checked_at: now };
      await deps.db
        .insertInto("link_checks")
        .values({ url, ...values })
        .onConflict((oc) => oc.column("url").doUpdateSet(values))
        .execute();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  const gone = [...known.keys()].filter((u) => !urls.includes(u));
  if (gone.length > 0) await deps.db.deleteFrom("link_checks").where("url", "in", gone).execute();
  if (broken > 0) deps.logger.info({ checked: due.length, broken }, "link check found broken links");
  return { checked: due.length, broken };
}

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

const Query = z.object({
  municipality: z
    .string()
    .regex(/^([0-9]{3})?$/, "municipality_code")
    .optional(),
  serviceArea: z
    .string()
    .regex(/^([a-z0-9-]{2,80})?$/, "service_area")
    .optional(),
});

/** The maintainer dashboard: maintainers see the municipalities they keep; admins the whole region. */
export function maintenanceRouter(services: Services): Router {
  const router = strictRouter();
  router.get(
    "/maintenance",
    handler(async (req, res) => {
      if (!req.user) throw errors.unauthorized();
      const row = await services.db
        .selectFrom("users")
        .select("maintains")
        .where("id", "=", req.user.id)
        .executeTakeFirst();
      const maintains = JSON.parse(row?.maintains ?? "[]") as string[];
      const admin = req.user.role === "admin";
      if (!admin && maintains.length === 0) throw errors.forbidden();
      const q = parse(Query, req.query);
      const municipality = q.municipality ?? (admin ? "" : maintains[0]!);
      if (!admin && !maintains.includes(municipality)) throw errors.forbidden();
      const { data, stale } = await services.content.current();
      const checks = new Map(
        (await services.db.selectFrom("link_checks").selectAll().execute()).map((c) => [c.url, c]),
      );
      const report = maintenanceReport(
        data,
        checks,
        { municipality, serviceArea: q.serviceArea ?? "" },
        { now: Date.now(), cmsPublicUrl: services.config.cms.publicUrl },
      );
      res.set("Cache-Control", "private, no-store");
      res.json({
        data: {
          municipality,
          serviceArea: q.serviceArea ?? "",
          municipalities: admin ? null : maintains,
          ...report,
        },
        meta: { stale },
      });
    }),
  );
  return router;
}
