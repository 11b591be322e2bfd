import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestCms } from "../../../cms/tests/harness.js";
import { startPortalWithCms } from "../test/cms.js";
import { browser, startTestPortal, type TestPortal } from "../test/fixtures.js";

type Unit = {
  id: string;
  name: string;
  countyWide: boolean;
  openNow: boolean;
  alwaysOpen: boolean;
  phones: Array<{ number: string }>;
  municipalities: Array<{ code: string }>;
  openingNote: string | null;
};
type Body<T> = { data: T; meta: { stale: boolean; total?: number } };

let cms: TestCms;
let portal: TestPortal;
let member: ReturnType<typeof browser>;

beforeAll(async () => {
  ({ cms, portal } = await startPortalWithCms());
  member = browser(portal);
  expect((await member.login("sosiaalityontekija@demo.soskes.example")).status).toBe(200);
});
afterAll(async () => {
  await portal?.drop();
  await cms?.close();
});

describe("who serves this client: GET /api/directory/units", () => {
  it("401 before login", async () => {
    await supertest(portal.server)
      .get("/api/directory/units?municipality=410&serviceArea=lastensuojelu")
      .expect(401);
  });

  it("400 for a malformed or unknown municipality or service area", async () => {
    const malformed = await member.get("/api/directory/units?municipality=41");
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      error: { name: "invalid_input", details: { fields: { municipality: "municipality_code" } } },
    });
    const unknown = await member.get("/api/directory/units?municipality=999&serviceArea=ei-ole");
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: {
        details: { fields: { municipality: "unknown_municipality", serviceArea: "unknown_service_area" } },
      },
    });
  });

  it("finds Laukaa's child-protection unit with its phone, and no other municipality's", async () => {
    const res = await member.get("/api/directory/units?municipality=410&serviceArea=lastensuojelu");
    expect(res.status).toBe(200);
    const units = (res.body as Body<Unit[]>).data;
    expect(units.map((u) => u.name)).toContain("Laukaan lastensuojelu");
    expect(units.every((u) => u.municipalities.some((m) => m.code === "410"))).toBe(true);
    expect(units.find((u) => u.name === "Laukaan lastensuojelu")?.phones[0]?.number).toMatch(/^014 0000/);
  });

  it("finds a unit shared by several municipalities", async () => {
    const res = await member.get("/api/directory/units?municipality=500&serviceArea=vammaispalvelut");
    expect((res.body as Body<Unit[]>).data.map((u) => u.name)).toEqual(["Vammaispalvelut, Jyväskylän seutu"]);
  });

  it("includes the county-wide 24/7 sosiaalipäivystys for every municipality, open now", async () => {
    const res = await member.get("/api/directory/units?municipality=312&serviceArea=sosiaalipaivystys");
    const [unit] = (res.body as Body<Unit[]>).data;
    expect(unit).toMatchObject({ countyWide: true, alwaysOpen: true, openNow: true });
  });
});

describe("units and statutes", () => {
  it("shows a unit with the contacts members may see, and hides the others", async () => {
    const list = (await member.get("/api/directory/units?municipality=410&serviceArea=lastensuojelu"))
      .body as Body<Unit[]>;
    const unit = list.data.find((u) => u.name === "Laukaan lastensuojelu")!;
    const detail = (await member.get(`/api/units/${unit.id}`)).body as Body<{
      contacts: Array<{ name: string }>;
    }>;
    expect(detail.data.contacts.length).toBeGreaterThan(0);
    const hidden = detail.data.contacts[0]!.name;
    const person = await cms.strapi
      .documents("api::contact-person.contact-person")
      .findFirst({ filters: { name: hidden } });
    await cms.strapi
      .documents("api::contact-person.contact-person")
      .update({ documentId: person!.documentId, data: { visibility: "maintainers" } as never });
    await cms.strapi
      .documents("api::contact-person.contact-person")
      .publish({ documentId: person!.documentId });
    await expect
      .poll(async () =>
        (
          (await member.get(`/api/units/${unit.id}`)).body as Body<{ contacts: Array<{ name: string }> }>
        ).data.contacts.map((c) => c.name),
      )
      .not.toContain(hidden);
    expect((await member.get("/api/units/ei-ole-olemassa")).status).toBe(404);
  });

  it("ignores query-parameter attacks: Strapi's filters, populate and lookups have no effect and reveal nothing", async () => {
    const plain = (await member.get("/api/directory/units?municipality=410&serviceArea=lastensuojelu"))
      .body as Body<Unit[]>;
    const unitId = plain.data[0]!.id;
    const attacks = [
      "populate=*",
      "populate[contactPersons][populate]=*",
      "filters[owner][$contains]=@",
      "filters[contactPersons][visibility][$eq]=maintainers",
      "filters[$or][0][owner][$notNull]=true",
      "fields[0]=owner&fields[1]=verifiedAt",
      "where[owner][$ne]=x",
      "publicationState=preview&status=draft&locale=all",
      "sort=owner:asc&pagination[pageSize]=10000",
    ];
    const plainUnit = JSON.stringify((await member.get(`/api/units/${unitId}`)).body);
    for (const attack of attacks) {
      const list = await member.get(
        `/api/directory/units?municipality=410&serviceArea=lastensuojelu&${attack}`,
      );
      // Unknown parameters are either refused or ignored — never passed on to Strapi.
      if (list.status === 200) expect(JSON.stringify(list.body), attack).toBe(JSON.stringify(plain));
      else expect(list.status, attack).toBe(400);
      const unit = await member.get(`/api/units/${unitId}?${attack}`);
      expect(JSON.stringify(unit.body), attack).toBe(plainUnit);
      for (const body of [list.text, unit.text]) {
        expect(body, attack).not.toMatch(/"owner"|reviewIntervalMonths|"maintainers"/);
      }
    }
  });

  it("serves a statute by its number with section anchors and the Finlex link", async () => {
    const res = await member.get("/api/statutes/417-2007");
    expect(res.status).toBe(200);
    const statute = (
      res.body as Body<{
        title: string;
        shortName: string;
        finlexUrl: string;
        sections: Array<{ number: string; anchor: string; title: string }>;
      }>
    ).data;
    expect(statute).toMatchObject({
      title: "Lastensuojelulaki",
      shortName: "LSL",
      finlexUrl: "https://www.finlex.fi/fi/lainsaadanto/2007/417",
    });
    expect(statute.sections.find((s) => s.number === "25")).toMatchObject({
      anchor: "pykala-25",
      title: "Ilmoitusvelvollisuus",
    });
    expect((await member.get("/api/statutes/999-2099")).status).toBe(404);
    const list = (await member.get("/api/statutes")).body as Body<Array<{ number: string }>>;
    expect(list.data).toHaveLength(15);
  });
});

describe("freshness through Strapi's webhook", () => {
  it("refuses a webhook with a wrong secret", async () => {
    await supertest(portal.server)
      .post("/api/cms/webhook")
      .set("Authorization", "Bearer wrong")
      .send({ event: "entry.publish" })
      .expect(401);
    await supertest(portal.server).post("/api/cms/webhook").send({ event: "entry.publish" }).expect(401);
  });

  it("shows a change published in Strapi within a second", async () => {
    const unit = await cms.strapi
      .documents("api::service-unit.service-unit")
      .findFirst({ filters: { sourceId: "demo:unit:410:aikuissosiaalityo" } });
    await cms.strapi.documents("api::service-unit.service-unit").update({
      documentId: unit!.documentId,
      data: { openingNote: "Uusi puhelinaika ti–to 10–12." } as never,
    });
    await cms.strapi.documents("api::service-unit.service-unit").publish({ documentId: unit!.documentId });
    const started = Date.now();
    await expect
      .poll(
        async () =>
          ((await member.get(`/api/units/${unit!.documentId}`)).body as Body<Unit>).data.openingNote,
        { timeout: 1000, interval: 50 },
      )
      .toBe("Uusi puhelinaika ti–to 10–12.");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("service-area hubs, events, news and calendar feeds", () => {
  it("401 for a hub before login, 404 for an unknown area or page", async () => {
    await supertest(portal.server).get("/api/service-areas/lastensuojelu").expect(401);
    expect((await member.get("/api/service-areas/ei-ole")).status).toBe(404);
    expect((await member.get("/api/pages/ei-ole")).status).toBe(404);
  });

  it("serves the child-protection hub with its page, statute references, events and news", async () => {
    const res = await member.get("/api/service-areas/lastensuojelu");
    expect(res.status).toBe(200);
    const hub = (
      res.body as Body<{
        area: { name: string };
        hub: {
          title: string;
          body: Array<{ type: string }>;
          statuteReferences: Array<{ statuteSlug: string; section: string; anchor: string }>;
        };
        statutes: Array<{ number: string }>;
        events: Array<{ title: string }>;
        news: Array<{ slug: string }>;
      }>
    ).data;
    expect(hub.area.name).toBe("Lastensuojelu");
    expect(hub.hub.title).toBe("Lastensuojelu");
    expect(hub.hub.body.length).toBeGreaterThan(0);
    expect(hub.hub.statuteReferences).toContainEqual(
      expect.objectContaining({ statuteSlug: "417-2007", section: "25", anchor: "pykala-25" }),
    );
    expect(hub.statutes.map((s) => s.number)).toContain("417/2007");
    expect(hub.events.map((e) => e.title)).toContain("Lastensuojelun verkostopäivä");
    expect(hub.news.map((n) => n.slug)).toContain("lastensuojeluilmoituslomake-paivitetty");
  });

  it("lists upcoming events and news, and validates the filter", async () => {
    const events = (await member.get("/api/events?serviceArea=tyonohjaus")).body as Body<
      Array<{ title: string; startsAt: string }>
    >;
    expect(events.data.map((e) => e.title)).toEqual(["Työnohjaajien kevättapaaminen"]);
    expect(new Date(events.data[0]!.startsAt).getTime()).toBeGreaterThan(Date.now());
    expect((await member.get("/api/events?serviceArea=Ei%20kelpaa")).status).toBe(400);
    const news = (await member.get("/api/news")).body as Body<Array<{ date: string }>>;
    expect(news.data.length).toBeGreaterThan(0);
    expect([...news.data].map((n) => n.date)).toEqual(
      [...news.data]
        .map((n) => n.date)
        .sort()
        .reverse(),
    );
  });

  it("gives each member secret iCal feeds that work without the session cookie", async () => {
    const urls = (
      (await member.get("/api/me/calendar")).body as Body<{ personal: string; byServiceArea: string }>
    ).data;
    const path = new URL(urls.personal).pathname;
    const personal = await supertest(portal.server).get(path).expect(200);
    expect(personal.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(personal.text).toContain("BEGIN:VCALENDAR");
    expect(personal.text).toContain("SUMMARY:Lastensuojelun verkostopäivä");
    const area = await supertest(portal.server).get(`${path}?serviceArea=tyonohjaus`).expect(200);
    expect(area.text).toContain("SUMMARY:Työnohjaajien kevättapaaminen");
    expect(area.text).not.toContain("Lastensuojelun verkostopäivä");
    await supertest(portal.server)
      .get("/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")
      .expect(404);
    await supertest(portal.server).get("/api/calendar/short.ics").expect(400);
    const again = ((await member.get("/api/me/calendar")).body as Body<{ personal: string }>).data;
    expect(again.personal).toBe(urls.personal);
  });
});

describe("public content by configuration", () => {
  it("lets visitors read only the kinds PUBLIC_CONTENT names, and never named contact persons", async () => {
    const cmsUrl = portal.config.cms.url;
    const open = await startTestPortal("sqlite", {
      env: { DATA_DIR: cms.dataDir, CMS_URL: cmsUrl, PUBLIC_CONTENT: "directory,statutes" },
    });
    try {
      const visitor = supertest(open.server);
      await visitor.get("/api/statutes/417-2007").expect(200);
      await visitor.get("/api/municipalities").expect(200);
      const units = (
        await visitor.get("/api/directory/units?municipality=410&serviceArea=lastensuojelu").expect(200)
      ).body as Body<Unit[]>;
      const detail = (await visitor.get(`/api/units/${units.data[0]!.id}`).expect(200)).body as Body<{
        contacts: unknown[];
      }>;
      expect(detail.data.contacts).toEqual([]);
      await visitor.get("/api/news").expect(401);
      await visitor.get("/api/service-areas/lastensuojelu").expect(401);
      await visitor.get("/api/people?q=sanna").expect(401);
      expect(
        ((await visitor.get("/api/auth/providers")).body as Body<{ publicContent: string[] }>).data
          .publicContent,
      ).toEqual(["directory", "statutes"]);
      // The closed default: the first portal serves none of it to visitors.
      await supertest(portal.server).get("/api/statutes/417-2007").expect(401);
    } finally {
      await open.drop();
    }
  });
});

type SearchBody = Body<{
  hits: Array<{
    type: string;
    id: string;
    title: string;
    snippet: string;
    url: string;
    municipalityCodes: string[];
  }>;
  total: number;
  facets: {
    type: Record<string, number>;
    municipality: Record<string, number>;
    serviceArea: Record<string, number>;
  };
  didYouMean: string | null;
}>;
type EvalFile = { within: number; queries: Array<{ q: string; expect: Record<string, string> }> };

describe("search: GET /api/search over the published content", () => {
  const search = async (q: string, extra = "") => {
    const res = await member.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as SearchBody).data;
  };

  beforeAll(async () => {
    await portal.searchSettled();
  });

  it("finds the expected item in the top 5 for at least 95 % of the sample queries and ours", async () => {
    const { readFileSync } = await import("node:fs");
    for (const name of ["search-queries.sample.json", "search-queries.more.json"]) {
      const file = JSON.parse(
        readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), "utf8"),
      ) as EvalFile;
      const missed: string[] = [];
      for (const { q, expect: want } of file.queries) {
        const { hits } = await search(q, `&limit=${file.within}`);
        const found = hits.some((h) =>
          Object.entries(want).every(([field, value]) =>
            field === "municipalityCode"
              ? h.municipalityCodes.includes(value)
              : String((h as Record<string, unknown>)[field]).toLowerCase() === value.toLowerCase(),
          ),
        );
        if (!found) missed.push(q);
      }
      expect(missed.length / file.queries.length, `${name}: missed ${missed.join(", ")}`).toBeLessThanOrEqual(
        0.05,
      );
    }
  });

  it("puts the right item first for what a social worker types in the header", async () => {
    expect((await search("laukaan lastensuojelu")).hits[0]).toMatchObject({
      type: "unit",
      title: "Laukaan lastensuojelu",
    });
    expect((await search("SHL 36")).hits[0]).toMatchObject({
      type: "section",
      url: "/lait/1301-2014#pykala-36",
    });
    expect((await search("sosiaalipaivystys")).hits.slice(0, 3).map((h) => h.type)).toContain("unit");
  });

  it("highlights matches, counts facets and suggests a correction for a typo", async () => {
    const res = await search("lastensuojleu laukaa");
    expect(res.didYouMean).toBe("lastensuojelu laukaa");
    expect(res.hits[0]!.snippet).toMatch(/<mark>Laukaan<\/mark>/);
    expect(res.facets.type.unit).toBeGreaterThan(0);
    const units = await search("lastensuojelu", "&type=unit&municipality=410");
    expect(units.hits.every((h) => h.type === "unit" && h.municipalityCodes.includes("410"))).toBe(true);
    expect(Object.keys(units.facets.type)).toEqual(["unit"]);
  });

  it("answers bad input with 400 and the field, and visitors of a closed portal with 401", async () => {
    const missing = await member.get("/api/search");
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      error: { name: "invalid_input", details: { fields: { q: expect.any(String) } } },
    });
    expect((await member.get("/api/search?q=a&type=bogus")).status).toBe(400);
    expect((await member.get(`/api/search?q=${"a".repeat(201)}`)).status).toBe(400);
    expect((await member.get("/api/search?q=a&limit=500")).status).toBe(400);
    await supertest(portal.server).get("/api/search?q=laukaa").expect(401);
  });

  it("never shows a contact kept for maintainers only", async () => {
    const hidden = await cms.strapi
      .documents("api::contact-person.contact-person")
      .findMany({ filters: { visibility: "maintainers" }, status: "published" });
    expect(hidden.length).toBeGreaterThan(0);
    for (const person of hidden as unknown as Array<{ name: string }>) {
      expect((await search(person.name, "&type=person")).hits.map((h) => h.title)).not.toContain(person.name);
    }
  });

  it("makes a published unit searchable within a second, and an unpublished one disappear", async () => {
    const documents = cms.strapi.documents("api::service-unit.service-unit");
    const unit = await documents.findFirst({ filters: { sourceId: "demo:unit:410:aikuissosiaalityo" } });
    await documents.update({
      documentId: unit!.documentId,
      data: { description: "Kokeiluna sovittelupalvelu." } as never,
    });
    await documents.publish({ documentId: unit!.documentId });
    const started = Date.now();
    await expect
      .poll(async () => (await search("sovittelupalvelu")).hits.map((h) => h.id), {
        timeout: 1000,
        interval: 50,
      })
      .toContain(unit!.documentId);
    expect(Date.now() - started).toBeLessThan(1000);
    await documents.unpublish({ documentId: unit!.documentId });
    await expect
      .poll(async () => (await search("sovittelupalvelu")).total, { timeout: 1000, interval: 50 })
      .toBe(0);
    await documents.publish({ documentId: unit!.documentId });
  });
});

describe("search for visitors when content is public", () => {
  it("shows visitors only the public kinds, in hits and facets alike", async () => {
    const open = await startTestPortal("sqlite", {
      env: { DATA_DIR: cms.dataDir, CMS_URL: portal.config.cms.url, PUBLIC_CONTENT: "statutes" },
    });
    try {
      await open.searchSettled();
      const res = (await supertest(open.server).get("/api/search?q=lastensuojelu").expect(200))
        .body as SearchBody;
      expect(res.data.total).toBeGreaterThan(0);
      expect(new Set(res.data.hits.map((h) => h.type))).toEqual(new Set(["statute", "section"]));
      expect(Object.keys(res.data.facets.type).sort()).toEqual(["section", "statute"]);
      expect(res.data.facets.municipality).toEqual({});
      const people = (
        await supertest(open.server).get("/api/search?q=sosiaality%C3%B6ntekij%C3%A4").expect(200)
      ).body as SearchBody;
      expect(people.data.hits.some((h) => h.type === "person")).toBe(false);
    } finally {
      await open.drop();
    }
  });
});
