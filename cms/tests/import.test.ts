import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as importModule from "../src/import/import-directory";
import { CMS_DIR, startCms, type TestCms } from "./harness";

const require = createRequire(__filename);
type ImportModule = typeof importModule;
const { applyImport, validateImport } = require(
  path.join(CMS_DIR, "dist/src/import/import-directory.js"),
) as ImportModule;

const example = (): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(CMS_DIR, "examples/directory-import.json"), "utf8")) as Record<
    string,
    unknown
  >;

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms({ seed: "demo" });
});
afterAll(async () => {
  await cms?.close();
});

const countAll = async () => ({
  units: await cms.strapi.db.query("api::service-unit.service-unit").count(),
  contacts: await cms.strapi.db.query("api::contact-person.contact-person").count(),
});

describe("directory import", () => {
  it("reports every problem of a bad file with its path and writes nothing", async () => {
    const before = await countAll();
    const bad = example();
    const [location] = bad.serviceLocations as Array<Record<string, unknown>>;
    location!.municipalityCode = "41";
    (location!.phones as Array<Record<string, unknown>>)[0]!.number = "soita meille";
    (bad.connections as Array<Record<string, unknown>>).push({
      serviceLocationSourceId: "esim:loc:perhekeskus-laukaa",
      serviceArea: "ei-ole",
    });
    (bad.contacts as Array<Record<string, unknown>>).push({
      sourceId: "esim:person:perheohjaaja",
      name: "",
      serviceLocationSourceId: "ei-ole",
    });
    const shape = await validateImport(cms.strapi, bad);
    expect(shape.file).toBeUndefined();
    expect(shape.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "serviceLocations[0].municipalityCode",
        "serviceLocations[0].phones[0].number",
        "contacts[1].name",
      ]),
    );

    const references = example();
    (references.connections as Array<Record<string, unknown>>).push({
      serviceLocationSourceId: "esim:loc:perhekeskus-laukaa",
      serviceArea: "ei-ole",
    });
    (references.contacts as Array<Record<string, unknown>>).push({
      sourceId: "esim:person:perheohjaaja",
      name: "Toinen",
      serviceLocationSourceId: "ei-ole",
    });
    (
      (references.serviceLocations as Array<Record<string, unknown>>)[0]!.areaMunicipalityCodes as string[]
    ).push("999");
    const refs = await validateImport(cms.strapi, references);
    expect(refs.problems).toEqual(
      expect.arrayContaining([
        { path: "connections[2].serviceArea", message: 'palvelualuetta "ei-ole" ei ole' },
        {
          path: "contacts[1].sourceId",
          message: 'tunniste "esim:person:perheohjaaja" on jo käytössä kohdassa contacts[0]',
        },
        { path: "contacts[1].serviceLocationSourceId", message: expect.stringContaining("ei-ole") as string },
        { path: "serviceLocations[0].areaMunicipalityCodes[2]", message: "kuntaa 999 ei ole hakemistossa" },
      ]),
    );
    expect(await countAll()).toEqual(before);
  });

  it("imports a valid file, then a re-import changes nothing", async () => {
    const before = await countAll();
    const { file } = await validateImport(cms.strapi, example());
    expect(file).toBeDefined();
    expect(await applyImport(cms.strapi, file!)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    // draft + published row per document
    expect(await countAll()).toEqual({ units: before.units + 4, contacts: before.contacts + 2 });

    const location = (await cms.strapi.documents("api::service-unit.service-unit").findFirst({
      status: "published",
      filters: { sourceId: "esim:loc:perhekeskus-laukaa" },
      populate: {
        municipality: true,
        municipalities: true,
        serviceAreas: true,
        parent: true,
        openingHours: true,
        openingExceptions: true,
      },
    })) as unknown as {
      municipality: { code: string };
      municipalities: Array<{ code: string }>;
      serviceAreas: Array<{ slug: string }>;
      parent: { sourceId: string };
      openingHours: Array<{ fromDay: string; opens: string }>;
      openingExceptions: Array<{ reason: string }>;
      updatedAt: string;
    };
    expect(location.municipality.code).toBe("410");
    expect(location.municipalities.map((m) => m.code).sort()).toEqual(["410", "892"]);
    expect(location.serviceAreas.map((a) => a.slug).sort()).toEqual([
      "kasvatus-ja-perheneuvonta",
      "lapsiperheiden-palvelut",
    ]);
    expect(location.parent.sourceId).toBe("esim:org:perhepalvelut");
    expect(location.openingHours[0]?.fromDay).toBe("mon");
    // SQLite returns 08:00:00.000, PostgreSQL 08:00:00
    expect(location.openingHours[0]?.opens).toMatch(/^08:00:00/);
    expect(location.openingExceptions[0]?.reason).toBe("Joulu");

    const again = await validateImport(cms.strapi, example());
    expect(await applyImport(cms.strapi, again.file!)).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const after = await cms.strapi
      .documents("api::service-unit.service-unit")
      .findFirst({ status: "published", filters: { sourceId: "esim:loc:perhekeskus-laukaa" } });
    expect(after?.updatedAt).toEqual(location.updatedAt);
    expect(await countAll()).toEqual({ units: before.units + 4, contacts: before.contacts + 2 });
  });

  it("updates only the records whose source changed", async () => {
    const changed = example();
    (changed.contacts as Array<Record<string, unknown>>)[0]!.title = "Vastaava perheohjaaja";
    const { file } = await validateImport(cms.strapi, changed);
    expect(await applyImport(cms.strapi, file!)).toEqual({ created: 0, updated: 1, unchanged: 2 });
    const person = await cms.strapi
      .documents("api::contact-person.contact-person")
      .findFirst({ status: "published", filters: { sourceId: "esim:person:perheohjaaja" } });
    expect(person?.title).toBe("Vastaava perheohjaaja");
  });

  it("rolls back everything when a write fails half-way", async () => {
    const before = await countAll();
    const broken = example();
    for (const list of ["organizations", "serviceLocations", "contacts"] as const) {
      for (const item of broken[list] as Array<Record<string, unknown>>)
        item.sourceId = `rollback:${String(item.sourceId)}`;
    }
    (broken.serviceLocations as Array<Record<string, unknown>>)[0]!.organizationSourceId =
      "rollback:esim:org:perhepalvelut";
    (broken.connections as Array<Record<string, unknown>>).forEach(
      (c) => (c.serviceLocationSourceId = "rollback:esim:loc:perhekeskus-laukaa"),
    );
    (broken.contacts as Array<Record<string, unknown>>)[0]!.serviceLocationSourceId =
      "rollback:esim:loc:perhekeskus-laukaa";
    const { file } = await validateImport(cms.strapi, broken);
    // A value the file format allows but the CMS refuses (too long for the unit's field).
    file!.contacts[0]!.title = "x".repeat(300);
    await expect(applyImport(cms.strapi, file!)).rejects.toThrow();
    expect(await countAll()).toEqual(before);
  });
});
