import type { Core, UID } from "@strapi/strapi";
import { adminServices } from "../strapi-services";
import { EDITOR_ROLE_CODE, MAINTAINER_ROLE_CODE, ASSIGNMENT_UID } from "../rbac/scope";
import { HUB_PAGES, LINKS, eventsFor, newsFor, p } from "./content";
import { GUIDE_PAGES } from "./guide";
import { DEMO_ADMIN_USERS, buildDemoDirectory, ownerFor } from "./demo";
import { MUNICIPALITIES, REGION, SEARCH_SYNONYMS, SERVICE_AREAS, STATUTES, finlexUrl } from "./reference";

export type SeedOptions = {
  demo: boolean;
  demoPassword: string;
  log?: (line: string) => void;
  now?: Date;
};

export type SeedReport = { created: Record<string, number>; total: number };

type Doc = { documentId: string };

const SEED_STORE_KEY = "seed";

/** A spread of "verified on" dates so that the demo has fresh, due and overdue records. */
function verifiedAt(now: Date, index: number): string {
  const daysAgo = (index * 37) % 420;
  return new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
}

/** Creation of what is missing, shared by every step of the seed. */
function seederFor(strapi: Core.Strapi, options: SeedOptions) {
  const now = options.now ?? new Date();
  const created: Record<string, number> = {};
  let index = 0;

  async function ensure<T extends Record<string, unknown>>(
    uid: UID.ContentType,
    where: Record<string, unknown>,
    data: () => T,
    opts: { publish?: boolean; locale?: string } = {},
  ): Promise<string> {
    const existing = (await strapi.db.query(uid).findOne({ where, select: ["documentId"] })) as Doc | null;
    if (existing) return existing.documentId;
    const doc = (await strapi.documents(uid).create({
      data: data() as never,
      ...(opts.locale ? { locale: opts.locale } : {}),
      ...(opts.publish === false ? {} : { status: "published" as const }),
    })) as Doc;
    created[uid] = (created[uid] ?? 0) + 1;
    return doc.documentId;
  }
  const steward = (code: string | null, months = 12) => ({
    owner: ownerFor(code),
    verifiedAt: verifiedAt(now, index++),
    reviewIntervalMonths: months,
  });
  return { ensure, steward, created, now, log: options.log ?? (() => undefined) };
}
type Seeder = ReturnType<typeof seederFor>;

/** Ids of the reference records, by natural key, for the records that point at them. */
type ReferenceIds = {
  regionId: string;
  municipalityIds: Map<string, string>;
  statuteIds: Map<string, string>;
  areas: (slugs: string[]) => string[];
  muns: (codes: string[]) => string[];
};

/** The region, its municipalities, the service areas, search synonyms and statutes. */
async function seedReference({ ensure, steward, log }: Seeder): Promise<ReferenceIds> {
  log("Hyvinvointialue ja kunnat");
  const regionId = await ensure("api::region.region", { code: REGION.code }, () => ({ ...REGION }));
  const municipalityIds = new Map<string, string>();
  for (const m of MUNICIPALITIES) {
    municipalityIds.set(
      m.code,
      await ensure("api::municipality.municipality", { code: m.code }, () => ({
        name: m.name,
        nameSv: m.nameSv,
        code: m.code,
        region: regionId,
        ...steward(m.code),
      })),
    );
  }

  log("Palvelualueet");
  const areaIds = new Map<string, string>();
  for (const [i, area] of SERVICE_AREAS.entries()) {
    areaIds.set(
      area.slug,
      await ensure("api::service-area.service-area", { slug: area.slug }, () => ({
        ...area,
        order: (i + 1) * 10,
      })),
    );
  }
  const areas = (slugs: string[]) => slugs.map((s) => areaIds.get(s)).filter((v): v is string => Boolean(v));
  const muns = (codes: string[]) =>
    codes.map((c) => municipalityIds.get(c)).filter((v): v is string => Boolean(v));

  log("Hakusanojen synonyymit");
  for (const terms of SEARCH_SYNONYMS) {
    const joined = terms.join(", ");
    await ensure("api::search-synonym.search-synonym", { terms: joined }, () => ({ terms: joined }));
  }

  log("Säädökset ja pykälät");
  const statuteIds = new Map<string, string>();
  for (const s of STATUTES) {
    statuteIds.set(
      s.number,
      await ensure("api::statute.statute", { number: s.number }, () => ({
        title: s.title,
        titleSv: s.titleSv,
        number: s.number,
        shortName: s.shortName,
        aliases: s.aliases.join("\n"),
        finlexUrl: finlexUrl(s.number),
        inForceFrom: s.inForceFrom,
        serviceAreas: areas(s.serviceAreas),
        summary: s.summary,
        sections: s.sections,
        ...steward(null, 12),
      })),
    );
  }
  return { regionId, municipalityIds, statuteIds, areas, muns };
}

/** The maintainers' guide (kept by the region's editors, checked yearly). */
async function seedGuide({ ensure, steward, log, now }: Seeder, demo: boolean): Promise<void> {
  log("Ylläpitäjän opas");
  for (const page of GUIDE_PAGES) {
    await ensure(
      "api::page.page",
      { slug: page.slug, locale: "fi" },
      () => ({
        title: page.title,
        slug: page.slug,
        kind: "guide",
        summary: page.summary,
        body: page.body,
        links: [],
        serviceAreas: [],
        statuteReferences: [],
        // The region's editors keep the guide; it is checked yearly.
        ...(demo ? steward(null) : { verifiedAt: now.toISOString(), reviewIntervalMonths: 12 }),
      }),
      { locale: "fi" },
    );
  }
}

/** Demo units and their contact persons (fictional). */
async function seedDemoDirectory({ ensure, steward, log }: Seeder, ids: ReferenceIds): Promise<void> {
  const { regionId, municipalityIds, areas, muns } = ids;
  const { units, persons } = buildDemoDirectory();
  log(`Toimipisteet (${units.length})`);
  const unitIds = new Map<string, string>();
  for (const u of units) {
    unitIds.set(
      u.sourceId,
      await ensure("api::service-unit.service-unit", { sourceId: u.sourceId }, () => ({
        ...u,
        parent: u.parent ? unitIds.get(u.parent) : undefined,
        region: regionId,
        municipality: u.municipality ? municipalityIds.get(u.municipality) : undefined,
        municipalities: muns(u.municipalities),
        serviceAreas: areas(u.serviceAreas),
        languages: u.languages.map((code) => ({ code })),
        ...steward(u.municipality),
      })),
    );
  }
  log(`Yhteyshenkilöt (${persons.length})`);
  for (const person of persons) {
    await ensure("api::contact-person.contact-person", { sourceId: person.sourceId }, () => ({
      ...person,
      unit: unitIds.get(person.unit),
      municipality: person.municipality ? municipalityIds.get(person.municipality) : undefined,
      languages: person.languages.map((code) => ({ code })),
      visibility: "members",
      ...steward(person.municipality, 6),
    }));
  }
}

/** Demo hub pages, events, news and links. */
async function seedDemoEditorial({ ensure, steward, log, now }: Seeder, ids: ReferenceIds): Promise<void> {
  const { municipalityIds, statuteIds, areas } = ids;
  log("Palvelualueiden sivut, tapahtumat, uutiset ja linkit");
  for (const page of HUB_PAGES) {
    await ensure(
      "api::page.page",
      { slug: page.slug, locale: "fi" },
      () => ({
        title: page.title,
        slug: page.slug,
        kind: "hub",
        summary: page.summary,
        body: page.body,
        links: page.links,
        serviceAreas: areas(page.serviceAreas),
        statuteReferences: page.references.map((r) => ({
          statute: statuteIds.get(r.statute),
          section: r.section,
          note: r.note,
        })),
        ...steward(null),
      }),
      { locale: "fi" },
    );
  }
  for (const event of eventsFor(now)) {
    await ensure(
      "api::event.event",
      { title: event.title, locale: "fi" },
      () => ({
        ...event,
        description: [p(event.summary)],
        serviceAreas: areas(event.serviceAreas),
        ...steward(null),
      }),
      { locale: "fi" },
    );
  }
  for (const item of newsFor(now)) {
    await ensure(
      "api::news.news",
      { slug: item.slug, locale: "fi" },
      () => ({
        ...item,
        body: [p(item.body)],
        serviceAreas: areas(item.serviceAreas),
        municipality: item.municipality ? municipalityIds.get(item.municipality) : undefined,
        ...steward(item.municipality ?? null),
      }),
      { locale: "fi" },
    );
  }
  for (const link of LINKS) {
    await ensure(
      "api::link.link",
      { url: link.url, locale: "fi" },
      () => ({
        ...link,
        serviceAreas: areas(link.serviceAreas),
        ...steward(null),
      }),
      { locale: "fi" },
    );
  }
}

/**
 * Creates what is missing and never overwrites: records are matched by their natural key
 * (code, slug, number, sourceId, url), so a second run creates nothing and an editor's
 * changes survive.
 */
export async function seed(strapi: Core.Strapi, options: SeedOptions): Promise<SeedReport> {
  const seeder = seederFor(strapi, options);
  const { created, now, log } = seeder;
  const ids = await seedReference(seeder);
  await seedGuide(seeder, options.demo);
  if (options.demo) {
    log("Esimerkkikäyttäjät (Strapi-ylläpito)");
    await seedAdminUsers(strapi, options.demoPassword, created);
    await seedDemoDirectory(seeder, ids);
    await seedDemoEditorial(seeder, ids);
  }

  await strapi.store({ type: "plugin", name: "soskes" }).set({
    key: SEED_STORE_KEY,
    value: { at: now.toISOString(), demo: options.demo },
  });
  const total = Object.values(created).reduce((a, b) => a + b, 0);
  log(total === 0 ? "Valmis: kaikki tiedot olivat jo olemassa." : `Valmis: luotiin ${total} tietuetta.`);
  return { created, total };
}

export async function hasBeenSeeded(strapi: Core.Strapi): Promise<boolean> {
  const value = await strapi.store({ type: "plugin", name: "soskes" }).get({ key: SEED_STORE_KEY });
  return Boolean(value);
}

async function seedAdminUsers(
  strapi: Core.Strapi,
  password: string,
  created: Record<string, number>,
): Promise<void> {
  const services = adminServices(strapi);
  const roleId = async (code: string): Promise<number> => {
    const role = await services.role.findOne({ code });
    if (!role) throw new Error(`Strapi admin role ${code} is missing`);
    return role.id;
  };
  const roleIds = {
    "super-admin": await roleId("strapi-super-admin"),
    editor: await roleId(EDITOR_ROLE_CODE),
    maintainer: await roleId(MAINTAINER_ROLE_CODE),
  };
  for (const user of DEMO_ADMIN_USERS) {
    const exists = (await strapi.db.query("admin::user").findOne({ where: { email: user.email } })) as {
      id: number;
    } | null;
    if (!exists) {
      await services.user.create({
        email: user.email,
        firstname: user.firstname,
        lastname: user.lastname,
        password,
        isActive: true,
        roles: [roleIds[user.role]],
      });
      created["admin::user"] = (created["admin::user"] ?? 0) + 1;
    }
    if (user.municipalities) {
      const assignment = (await strapi.db
        .query(ASSIGNMENT_UID)
        .findOne({ where: { email: user.email } })) as { id: number } | null;
      if (!assignment) {
        const ids = (await strapi.db.query("api::municipality.municipality").findMany({
          where: { code: { $in: user.municipalities } },
          select: ["documentId"],
        })) as Doc[];
        await strapi.documents(ASSIGNMENT_UID).create({
          data: {
            email: user.email,
            municipalities: [...new Set(ids.map((d) => d.documentId))],
            note: `Esimerkki: ${user.firstname} ${user.lastname}`,
          } as never,
        });
        created[ASSIGNMENT_UID] = (created[ASSIGNMENT_UID] ?? 0) + 1;
      }
    }
  }
}
