import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, browser, startTestPortal, type TestPortal } from "../../test/fixtures.js";

type Person = {
  name: string;
  title: string | null;
  phone: string | null;
  expertise: string | null;
  municipalityCode: string | null;
};

describe.each(DATABASES)("profiles and people search on %s", (kind) => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal(kind);
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("401 before login, 400 for a too short query", async () => {
    await supertest(portal.server).get("/api/people?q=sanna").expect(401);
    const member = browser(portal);
    await member.login("moderaattori@demo.soskes.example");
    const res = await member.get("/api/people?q=s");
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { details: { fields: { q: "query_too_short" } } } });
  });

  it("finds colleagues by name or visible expertise, accents optional", async () => {
    const member = browser(portal);
    await member.login("moderaattori@demo.soskes.example");
    const byExpertise = (await member.get("/api/people?q=henkilokohtainen%20apu")).body as { data: Person[] };
    expect(byExpertise.data.map((p) => p.name)).toEqual(["Aarne Asiantuntija"]);
    const byName = (await member.get("/api/people?q=SANNA")).body as { data: Person[] };
    expect(byName.data[0]).toMatchObject({
      name: "Sanna Sosiaalinen",
      title: "Sosiaalityöntekijä",
      municipalityCode: "410",
    });
  });

  it("shows and searches only the fields a member chose to show", async () => {
    const sanna = browser(portal);
    await sanna.login("sosiaalityontekija@demo.soskes.example");
    const noCsrf = await sanna.agent.patch("/api/me").send({ phone: "040 0000 999" });
    expect(noCsrf.status).toBe(403);
    const invalid = await sanna.patch("/api/me", { phone: "soita", municipalityCode: "41" });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      error: { details: { fields: { phone: "phone", municipalityCode: "municipality_code" } } },
    });
    const updated = await sanna.patch("/api/me", {
      expertise: "Aikuissosiaalityö, asumisneuvonta",
      languages: ["fi", "sv"],
      visibility: { title: true, phone: false, expertise: false, languages: true },
    });
    expect(updated.status).toBe(200);

    const colleague = browser(portal);
    await colleague.login("moderaattori@demo.soskes.example");
    const found = (await colleague.get("/api/people?q=sanna")).body as { data: Person[] };
    expect(found.data[0]).toMatchObject({
      name: "Sanna Sosiaalinen",
      title: "Sosiaalityöntekijä",
      phone: null,
      expertise: null,
      municipalityCode: null,
      languages: ["fi", "sv"],
    });
    const hidden = (await colleague.get("/api/people?q=asumisneuvonta")).body as { data: Person[] };
    expect(hidden.data).toEqual([]);
  });
});
