import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../commands/users.js";
import {
  DATABASES,
  browser,
  startTestPortal,
  stubContent,
  stubUnit,
  type TestPortal,
} from "../../test/fixtures.js";

const PASSWORD = "Testi-salasana-42";
type Browser = ReturnType<typeof browser>;

/** Just enough content to name what was viewed. */
const content = () =>
  stubContent({
    "service-units": [stubUnit({ documentId: "u-laukaa", name: "Laukaan lastensuojelu" })],
    pages: [
      {
        documentId: "p1",
        slug: "lastensuojelu",
        title: "Lastensuojelu",
        locale: "fi",
        kind: "general",
        summary: null,
        body: null,
        serviceAreas: [],
        municipality: null,
        statuteReferences: [],
      },
    ],
  });

describe.each(DATABASES)("the usage overview on %s", (kind) => {
  let portal: TestPortal;
  const as: Record<string, Browser> = {};

  beforeAll(async () => {
    portal = await startTestPortal(kind, { content: content() });
    for (const [key, role, code] of [
      ["admin", "admin", null],
      ["laukaa1", "member", "410"],
      ["laukaa2", "member", "410"],
      ["keuruu", "member", "249"],
    ] as const) {
      await createUser(portal.database.db, {
        email: `${key}@usage.example`,
        name: key,
        password: PASSWORD,
        emailVerified: true,
        role,
        municipalityCode: code ?? undefined,
      });
      as[key] = browser(portal);
      expect((await as[key].login(`${key}@usage.example`, PASSWORD)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("counts active members per municipality, searches that found nothing, and views", async () => {
    for (const who of ["laukaa1", "laukaa2", "keuruu"]) await as[who]!.get("/api/me");
    await as.laukaa1!.get("/api/search?q=kvanttiyhteys");
    await as.keuruu!.get("/api/search?q=Kvanttiyhteys");
    // Being typed, filtered, or an identity code: not counted.
    await as.keuruu!.get("/api/search?q=kvanttiyh&partial=1");
    await as.keuruu!.get("/api/search?q=131052-308T");
    portal.services.usage.view("unit", "u-laukaa");
    portal.services.usage.view("unit", "u-laukaa");
    portal.services.usage.view("page", "lastensuojelu");

    expect((await as.laukaa1!.get("/api/admin/usage")).status).toBe(403);
    expect((await as.admin!.get("/api/admin/usage?days=0")).status).toBe(400);
    const usage = (await as.admin!.get("/api/admin/usage?days=30")).body as {
      data: {
        activeUsers: number;
        byMunicipality: Array<{ municipalityCode: string | null; users: number }>;
        searchesWithoutResults: Array<{ query: string; count: number }>;
        topUnits: Array<{ id: string; name: string; views: number }>;
        topPages: Array<{ id: string; name: string; views: number }>;
      };
    };
    expect(usage.data.activeUsers).toBe(4);
    expect(usage.data.byMunicipality).toHaveLength(3);
    expect(usage.data.byMunicipality).toEqual(
      expect.arrayContaining([
        { municipalityCode: "249", users: 1 },
        { municipalityCode: null, users: 1 },
      ]),
    );
    expect(usage.data.byMunicipality[0]).toEqual({ municipalityCode: "410", users: 2 });
    expect(usage.data.searchesWithoutResults).toEqual([{ query: "kvanttiyhteys", count: 2 }]);
    expect(usage.data.topUnits).toEqual([{ id: "u-laukaa", name: "Laukaan lastensuojelu", views: 2 }]);
    expect(usage.data.topPages).toEqual([{ id: "lastensuojelu", name: "Lastensuojelu", views: 1 }]);
    // Nothing says who searched.
    const misses = await portal.database.db.selectFrom("search_misses").selectAll().execute();
    expect(Object.keys(misses[0]!).sort()).toEqual(["count", "day", "query"]);
  });
});
