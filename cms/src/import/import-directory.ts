import { createHash } from "node:crypto";
import type { Core, UID } from "@strapi/strapi";
import { ImportFileSchema, type ImportFile } from "./schema";

export type ImportProblem = { path: string; message: string };
export type ImportCounts = { created: number; updated: number; unchanged: number };

const UNIT = "api::service-unit.service-unit" satisfies UID.ContentType;
const CONTACT = "api::contact-person.contact-person" satisfies UID.ContentType;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

type Lookups = {
  municipalities: Map<string, string>;
  serviceAreas: Map<string, string>;
  existingUnits: Set<string>;
};

async function loadLookups(strapi: Core.Strapi): Promise<Lookups> {
  const municipalities = (await strapi.db.query("api::municipality.municipality").findMany({
    select: ["code", "documentId"],
  })) as Array<{ code: string; documentId: string }>;
  const areas = (await strapi.db.query("api::service-area.service-area").findMany({
    select: ["slug", "documentId"],
  })) as Array<{ slug: string; documentId: string }>;
  const units = (await strapi.db.query(UNIT).findMany({
    where: { sourceId: { $notNull: true } },
    select: ["sourceId"],
  })) as Array<{ sourceId: string }>;
  return {
    municipalities: new Map(municipalities.map((m) => [m.code, m.documentId])),
    serviceAreas: new Map(areas.map((a) => [a.slug, a.documentId])),
    existingUnits: new Set(units.map((u) => u.sourceId)),
  };
}

/** Checks the whole file and reports every problem with its path; writes nothing. */
export async function validateImport(
  strapi: Core.Strapi,
  raw: unknown,
): Promise<{ file?: ImportFile; problems: ImportProblem[] }> {
  const parsed = ImportFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path) || "(tiedosto)",
        message: issue.message,
      })),
    };
  }
  const file = parsed.data;
  const problems: ImportProblem[] = [];
  const lookups = await loadLookups(strapi);
  const add = (path: string, message: string) => problems.push({ path, message });

  const unitIds = new Map<string, string>();
  const seen = (list: "organizations" | "serviceLocations", i: number, id: string) => {
    const earlier = unitIds.get(id);
    if (earlier) add(`${list}[${i}].sourceId`, `tunniste "${id}" on jo käytössä kohdassa ${earlier}`);
    else unitIds.set(id, `${list}[${i}]`);
  };
  file.organizations.forEach((o, i) => seen("organizations", i, o.sourceId));
  file.serviceLocations.forEach((l, i) => seen("serviceLocations", i, l.sourceId));
  const knownUnit = (id: string) => unitIds.has(id) || lookups.existingUnits.has(id);
  const knownMunicipality = (path: string, code: string | undefined) => {
    if (code !== undefined && !lookups.municipalities.has(code))
      add(path, `kuntaa ${code} ei ole hakemistossa`);
  };

  file.organizations.forEach((o, i) => {
    if (o.parentSourceId !== undefined && !knownUnit(o.parentSourceId)) {
      add(
        `organizations[${i}].parentSourceId`,
        `organisaatiota "${o.parentSourceId}" ei löydy tiedostosta eikä hakemistosta`,
      );
    }
    if (o.parentSourceId === o.sourceId)
      add(`organizations[${i}].parentSourceId`, "organisaatio ei voi olla oma yläorganisaationsa");
    knownMunicipality(`organizations[${i}].municipalityCode`, o.municipalityCode);
  });
  const orgIds = new Set(file.organizations.map((o) => o.sourceId));
  const parents = new Map(file.organizations.map((o) => [o.sourceId, o.parentSourceId]));
  file.organizations.forEach((o, i) => {
    const visited = new Set<string>();
    let current: string | undefined = o.sourceId;
    while (current && orgIds.has(current)) {
      if (visited.has(current)) {
        add(`organizations[${i}].parentSourceId`, "organisaatiopuussa on kehä");
        break;
      }
      visited.add(current);
      current = parents.get(current);
    }
  });
  file.serviceLocations.forEach((l, i) => {
    if (!knownUnit(l.organizationSourceId)) {
      add(
        `serviceLocations[${i}].organizationSourceId`,
        `organisaatiota "${l.organizationSourceId}" ei löydy tiedostosta eikä hakemistosta`,
      );
    }
    knownMunicipality(`serviceLocations[${i}].municipalityCode`, l.municipalityCode);
    l.areaMunicipalityCodes.forEach((c, j) =>
      knownMunicipality(`serviceLocations[${i}].areaMunicipalityCodes[${j}]`, c),
    );
    if (!l.areaMunicipalityCodes.includes(l.municipalityCode)) {
      add(
        `serviceLocations[${i}].areaMunicipalityCodes`,
        `toimipisteen oma kunta ${l.municipalityCode} puuttuu palveltavista kunnista`,
      );
    }
    l.openingHours.exceptions.forEach((e, j) => {
      if (!e.closed && (!e.opens || !e.closes)) {
        add(
          `serviceLocations[${i}].openingHours.exceptions[${j}]`,
          "poikkeusaukiololle, joka ei ole suljettu, tarvitaan opens ja closes",
        );
      }
    });
  });
  const locationIds = new Set(file.serviceLocations.map((l) => l.sourceId));
  file.connections.forEach((c, i) => {
    if (!locationIds.has(c.serviceLocationSourceId)) {
      add(
        `connections[${i}].serviceLocationSourceId`,
        `toimipistettä "${c.serviceLocationSourceId}" ei ole tiedostossa`,
      );
    }
    if (!lookups.serviceAreas.has(c.serviceArea))
      add(`connections[${i}].serviceArea`, `palvelualuetta "${c.serviceArea}" ei ole`);
  });
  const contactIds = new Map<string, number>();
  file.contacts.forEach((c, i) => {
    const earlier = contactIds.get(c.sourceId);
    if (earlier !== undefined)
      add(`contacts[${i}].sourceId`, `tunniste "${c.sourceId}" on jo käytössä kohdassa contacts[${earlier}]`);
    else contactIds.set(c.sourceId, i);
    if (
      !locationIds.has(c.serviceLocationSourceId) &&
      !lookups.existingUnits.has(c.serviceLocationSourceId)
    ) {
      add(
        `contacts[${i}].serviceLocationSourceId`,
        `toimipistettä "${c.serviceLocationSourceId}" ei löydy tiedostosta eikä hakemistosta`,
      );
    }
  });
  return problems.length > 0 ? { problems } : { file, problems };
}

type Publishable = { publish(params: { documentId: string }): Promise<unknown> };

const hashOf = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const withSeconds = (t: string | undefined) => (t ? `${t}:00.000` : undefined);

function depthOrder(file: ImportFile): ImportFile["organizations"] {
  const byId = new Map(file.organizations.map((o) => [o.sourceId, o]));
  const depth = (id: string | undefined, guard = 0): number => {
    const org = id ? byId.get(id) : undefined;
    return org && guard < 1000 ? 1 + depth(org.parentSourceId, guard + 1) : 0;
  };
  return [...file.organizations].sort((a, b) => depth(a.sourceId) - depth(b.sourceId));
}

/**
 * Upserts by sourceId inside one transaction: everything is written or nothing is. A record
 * whose imported content has not changed since the last import is left untouched.
 */
export async function applyImport(
  strapi: Core.Strapi,
  file: ImportFile,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ImportCounts> {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const total = file.organizations.length + file.serviceLocations.length + file.contacts.length;
  let done = 0;
  const lookups = await loadLookups(strapi);
  const municipality = (code: string | undefined) => (code ? lookups.municipalities.get(code) : undefined);
  const areasByLocation = new Map<string, string[]>();
  for (const c of file.connections) {
    areasByLocation.set(c.serviceLocationSourceId, [
      ...(areasByLocation.get(c.serviceLocationSourceId) ?? []),
      c.serviceArea,
    ]);
  }

  await strapi.db.transaction(async () => {
    const unitDocs = new Map<string, string>();
    const unitDocumentId = async (sourceId: string | undefined): Promise<string | undefined> => {
      if (!sourceId) return undefined;
      const known = unitDocs.get(sourceId);
      if (known) return known;
      const row = (await strapi.db.query(UNIT).findOne({ where: { sourceId }, select: ["documentId"] })) as {
        documentId: string;
      } | null;
      return row?.documentId;
    };

    const upsert = async (
      uid: UID.ContentType,
      sourceId: string,
      source: unknown,
      data: () => Promise<Record<string, unknown>>,
    ) => {
      const importHash = hashOf(source);
      const existing = (await strapi.db.query(uid).findOne({
        where: { sourceId },
        select: ["documentId", "importHash"],
      })) as { documentId: string; importHash: string | null } | null;
      let documentId = existing?.documentId;
      if (!existing) {
        const doc = (await strapi
          .documents(uid)
          .create({ data: { ...(await data()), sourceId, importHash } as never, status: "published" })) as {
          documentId: string;
        };
        documentId = doc.documentId;
        counts.created += 1;
      } else if (existing.importHash !== importHash) {
        await strapi
          .documents(uid)
          .update({ documentId: existing.documentId, data: { ...(await data()), importHash } as never });
        await (strapi.documents(uid) as unknown as Publishable).publish({ documentId: existing.documentId });
        counts.updated += 1;
      } else {
        counts.unchanged += 1;
      }
      done += 1;
      onProgress(done, total);
      return documentId as string;
    };

    for (const org of depthOrder(file)) {
      const id = await upsert(UNIT, org.sourceId, { kind: "organization", ...org }, async () => ({
        name: org.name,
        nameSv: org.nameSv,
        parent: await unitDocumentId(org.parentSourceId),
        municipality: municipality(org.municipalityCode),
        website: org.website,
        phones: org.phones,
        emails: org.emails,
      }));
      unitDocs.set(org.sourceId, id);
    }
    for (const loc of file.serviceLocations) {
      const areas = areasByLocation.get(loc.sourceId) ?? [];
      const id = await upsert(UNIT, loc.sourceId, { kind: "location", ...loc, areas }, async () => ({
        name: loc.name,
        nameSv: loc.nameSv,
        description: loc.description,
        parent: await unitDocumentId(loc.organizationSourceId),
        municipality: municipality(loc.municipalityCode),
        municipalities: loc.areaMunicipalityCodes.map(municipality),
        serviceAreas: areas.map((a) => lookups.serviceAreas.get(a)),
        visitingAddress: loc.visitingAddress,
        postalAddress: loc.postalAddress,
        phones: loc.phones,
        emails: loc.emails,
        website: loc.website,
        alwaysOpen: loc.openingHours.alwaysOpen,
        openingHours: loc.openingHours.regular.map((r) => ({
          fromDay: r.from,
          toDay: r.to,
          opens: withSeconds(r.opens),
          closes: withSeconds(r.closes),
          label: r.label,
        })),
        openingExceptions: loc.openingHours.exceptions.map((e) => ({
          ...e,
          opens: withSeconds(e.opens),
          closes: withSeconds(e.closes),
        })),
        openingNote: loc.openingHours.note,
        languages: loc.languages.map((code) => ({ code })),
        oid: loc.oid,
      }));
      unitDocs.set(loc.sourceId, id);
    }
    const locationMunicipality = new Map(file.serviceLocations.map((l) => [l.sourceId, l.municipalityCode]));
    for (const contact of file.contacts) {
      await upsert(CONTACT, contact.sourceId, contact, async () => {
        let code = locationMunicipality.get(contact.serviceLocationSourceId);
        if (!code) {
          const unit = (await strapi.db.query(UNIT).findOne({
            where: { sourceId: contact.serviceLocationSourceId },
            populate: { municipality: { select: ["code"] } },
          })) as { municipality?: { code: string } | null } | null;
          code = unit?.municipality?.code;
        }
        return {
          name: contact.name,
          title: contact.title,
          unit: await unitDocumentId(contact.serviceLocationSourceId),
          municipality: municipality(code),
          phones: contact.phones,
          email: contact.email,
          responsibilities: contact.responsibilities,
          languages: contact.languages.map((c) => ({ code: c })),
          visibility: contact.visibility,
        };
      });
    }
  });
  return counts;
}
