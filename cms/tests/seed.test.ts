import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCms, type TestCms } from "./harness";

const AREAS_EVERY_MUNICIPALITY = [
  "lastensuojelu",
  "aikuissosiaalityo",
  "ikaantyneiden-palvelut",
  "vammaispalvelut",
];

type Unit = {
  name: string;
  alwaysOpen: boolean;
  municipalities: Array<{ code: string }>;
  serviceAreas: Array<{ slug: string }>;
};

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms({ seed: "demo" });
});
afterAll(async () => {
  await cms?.close();
});

describe("content model", () => {
  it("has every content type the portal needs, with draft & publish", () => {
    for (const name of [
      "region",
      "municipality",
      "service-area",
      "service-unit",
      "contact-person",
      "statute",
      "page",
      "event",
      "news",
      "link",
    ]) {
      const ct = cms.strapi.contentTypes[`api::${name}.${name}` as never] as {
        options: { draftAndPublish: boolean };
        attributes: Record<string, unknown>;
      };
      expect(ct, name).toBeDefined();
      expect(ct.options.draftAndPublish, name).toBe(true);
    }
  });

  it("gives every editable record an owner, verifiedAt and reviewIntervalMonths", () => {
    for (const name of [
      "municipality",
      "service-unit",
      "contact-person",
      "statute",
      "page",
      "event",
      "news",
      "link",
    ]) {
      const attributes = (
        cms.strapi.contentTypes[`api::${name}.${name}` as never] as { attributes: Record<string, unknown> }
      ).attributes;
      expect(Object.keys(attributes), name).toEqual(
        expect.arrayContaining(["owner", "verifiedAt", "reviewIntervalMonths"]),
      );
    }
  });

  it("localises pages in Finnish and Swedish, Finnish first", async () => {
    const locales = cms.strapi
      .plugin("i18n")
      .service<{ find(): Promise<Array<{ code: string }>>; getDefaultLocale(): Promise<string> }>("locales");
    const codes = (await locales.find()).map((l) => l.code).sort();
    expect(codes).toEqual(["fi", "sv"]);
    expect(await locales.getDefaultLocale()).toBe("fi");
    const page = cms.strapi.contentTypes["api::page.page" as never] as {
      pluginOptions: { i18n: { localized: boolean } };
    };
    expect(page.pluginOptions.i18n.localized).toBe(true);
  });
});

describe("seed", () => {
  it("creates Keski-Suomen hyvinvointialue and its 22 municipalities with official codes", async () => {
    const region = await cms.strapi
      .documents("api::region.region")
      .findFirst({ status: "published", populate: { municipalities: true } });
    expect(region?.name).toBe("Keski-Suomen hyvinvointialue");
    const municipalities = await cms.strapi
      .documents("api::municipality.municipality")
      .findMany({ status: "published", limit: 100 });
    expect(municipalities).toHaveLength(22);
    const byCode = Object.fromEntries(municipalities.map((m) => [m.code, m.name]));
    expect(byCode).toMatchObject({
      "077": "Hankasalmi",
      "179": "Jyväskylä",
      "410": "Laukaa",
      "500": "Muurame",
      "931": "Viitasaari",
      "992": "Äänekoski",
    });
  });

  it("has a unit for every municipality in the four core service areas", async () => {
    const units = (await cms.strapi.documents("api::service-unit.service-unit").findMany({
      status: "published",
      limit: 1000,
      populate: { municipalities: { fields: ["code"] }, serviceAreas: { fields: ["slug"] } },
    })) as unknown as Unit[];
    const municipalities = await cms.strapi
      .documents("api::municipality.municipality")
      .findMany({ status: "published", limit: 100 });
    for (const m of municipalities) {
      for (const area of AREAS_EVERY_MUNICIPALITY) {
        const serving = units.filter(
          (u) =>
            u.municipalities.some((x) => x.code === m.code) && u.serviceAreas.some((a) => a.slug === area),
        );
        expect(serving.length, `${m.name} / ${area}`).toBeGreaterThan(0);
      }
    }
  });

  it("has one county-wide sosiaalipäivystys unit, open 24/7, serving all 22", async () => {
    const units = (await cms.strapi.documents("api::service-unit.service-unit").findMany({
      status: "published",
      filters: { serviceAreas: { slug: "sosiaalipaivystys" } },
      populate: { municipalities: { fields: ["code"] }, serviceAreas: { fields: ["slug"] } },
    })) as unknown as Unit[];
    expect(units).toHaveLength(1);
    expect(units[0]?.alwaysOpen).toBe(true);
    expect(units[0]?.municipalities).toHaveLength(22);
  });

  it("has the core statutes with their key sections and aliases", async () => {
    const statutes = await cms.strapi
      .documents("api::statute.statute")
      .findMany({ status: "published", limit: 100, populate: { sections: true } });
    const byNumber = new Map(statutes.map((s) => [s.number, s]));
    for (const number of [
      "1301/2014",
      "417/2007",
      "675/2023",
      "980/2012",
      "1412/1997",
      "812/2000",
      "442/1999",
      "937/2005",
      "41/1986",
      "1116/1990",
      "703/2023",
      "612/2021",
      "434/2003",
      "263/2015",
      "22/2012",
    ]) {
      expect(byNumber.has(number), number).toBe(true);
    }
    const sections = (number: string) =>
      ((byNumber.get(number)?.sections ?? []) as Array<{ number: string }>).map((s) => s.number);
    expect(sections("1301/2014")).toEqual(expect.arrayContaining(["29", "35", "36", "42"]));
    expect(sections("417/2007")).toEqual(expect.arrayContaining(["25", "38", "40"]));
    expect(sections("980/2012")).toContain("25");
    expect(byNumber.get("1301/2014")?.shortName).toBe("SHL");
    expect(byNumber.get("417/2007")?.aliases).toContain("LSL");
    expect(byNumber.get("937/2005")?.aliases).toContain("omaishoitolaki");
  });

  it("writes a hub page for every service area", async () => {
    const pages = await cms.strapi
      .documents("api::page.page")
      .findMany({ status: "published", locale: "fi", limit: 100, filters: { kind: "hub" } });
    const areas = await cms.strapi
      .documents("api::service-area.service-area")
      .findMany({ status: "published", limit: 100 });
    expect(areas).toHaveLength(17);
    expect(new Set(pages.map((p) => p.slug))).toEqual(new Set(areas.map((a) => a.slug)));
  });

  it("writes the maintainer guide as pages anyone may improve", async () => {
    const guide = await cms.strapi
      .documents("api::page.page")
      .findMany({ status: "published", locale: "fi", limit: 100, filters: { kind: "guide" } });
    const slugs = guide
      .map((p) => p.slug)
      .filter((s): s is string => Boolean(s?.startsWith("yllapitajan-opas-")));
    expect(slugs.sort()).toEqual([
      "yllapitajan-opas-aukioloajat",
      "yllapitajan-opas-hyva-sisalto",
      "yllapitajan-opas-tarkistaminen",
      "yllapitajan-opas-toimipiste",
      "yllapitajan-opas-yhteyshenkilot",
    ]);
  });

  it("creates nothing on a second run and keeps an editor's change", async () => {
    const unit = await cms.strapi
      .documents("api::service-unit.service-unit")
      .findFirst({ filters: { sourceId: "demo:unit:410:lastensuojelu" } });
    await cms.strapi
      .documents("api::service-unit.service-unit")
      .update({ documentId: unit!.documentId, data: { openingNote: "Muokattu" } });
    const report = await cms.seed(true);
    expect(report.total).toBe(0);
    const after = await cms.strapi
      .documents("api::service-unit.service-unit")
      .findOne({ documentId: unit!.documentId });
    expect(after?.openingNote).toBe("Muokattu");
  });
});

describe("content API for the portal", () => {
  it("refuses anonymous reads and serves published content to the portal's read-only token", async () => {
    await cms.http().get("/api/municipalities").expect(401);
    const token = JSON.parse(
      await import("node:fs").then((fs) => fs.readFileSync(`${cms.dataDir}/secrets.json`, "utf8")),
    ) as { CMS_API_TOKEN: string };
    const res = await cms
      .http()
      .get("/api/municipalities?pagination[pageSize]=100")
      .set("Authorization", `Bearer ${token.CMS_API_TOKEN}`)
      .expect(200);
    expect((res.body as { data: unknown[] }).data).toHaveLength(22);
    await cms
      .http()
      .post("/api/municipalities")
      .set("Authorization", `Bearer ${token.CMS_API_TOKEN}`)
      .send({ data: { name: "X", code: "999" } })
      .expect(403);
  });
});
