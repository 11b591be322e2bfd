import { afterAll, beforeAll, describe, expect, it } from "vitest";
import supertest from "supertest";
import {
  DATABASES,
  eventually,
  signedIn,
  startTestPortal,
  stubContent,
  stubUnit,
  type TestPortal,
} from "../test/fixtures.js";

type Body<T> = { data: T };

describe.each(DATABASES)("a content change reaches every node on %s", (kind) => {
  // One "Strapi" both nodes read: a change made in it is what the webhook announces.
  const strapi = { "service-units": [stubUnit({ documentId: "yksikko-1", name: "Perhetyö, vanha nimi" })] };
  let a: TestPortal;
  let b: TestPortal;

  beforeAll(async () => {
    a = await startTestPortal(kind, { content: stubContent(strapi) });
    // The second node shares the first one's database (and, on SQLite, its data directory).
    const shared: Record<string, string> = { DATA_DIR: a.config.dataDir };
    if (a.config.portal.database.client === "postgres")
      shared.DATABASE_URL = a.config.portal.database.connectionString;
    b = await startTestPortal("sqlite", { env: shared, content: stubContent(strapi) });
  });
  afterAll(async () => {
    await b?.close();
    await a?.drop();
  });

  it("drops the other node's cached content when Strapi's webhook reaches one node", async () => {
    const reader = await signedIn(b, `lukija-${kind}@content.example`);
    const name = async () =>
      ((await reader.web.get("/api/units/yksikko-1")).body as Body<{ name: string }>).data.name;
    expect(await name()).toBe("Perhetyö, vanha nimi");

    strapi["service-units"][0]!.name = "Perhetyö, uusi nimi";
    // Node B keeps its snapshot for minutes: only the event can tell it.
    expect(await name()).toBe("Perhetyö, vanha nimi");
    await supertest(a.server)
      .post("/api/cms/webhook")
      .set("Authorization", `Bearer ${a.config.cms.webhookSecret}`)
      .send({ event: "entry.publish", model: "service-unit", entry: { documentId: "yksikko-1" } })
      .expect(204);
    expect(await eventually(name, (n) => n === "Perhetyö, uusi nimi")).toBe("Perhetyö, uusi nimi");
  });

  it("finds the new name in search on the other node", async () => {
    const reader = await signedIn(b, `hakija-${kind}@content.example`);
    const hits = async () =>
      ((await reader.web.get("/api/search?q=uusi nimi")).body as Body<{ hits: Array<{ id: string }> }>).data
        .hits;
    expect((await eventually(hits, (h) => h.length > 0))[0]?.id).toBe("yksikko-1");
  });
});
