import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../../tests/support";
import { adminLogin, documentIdWhere, startCms, type TestCms } from "./harness";

/**
 * What a municipality maintainer (an ordinary Strapi account) would try against Strapi as
 * `npm start` runs it: each door stays shut, and nothing is stored.
 */
const UNITS = "/content-manager/collection-types/api::service-unit.service-unit";
const PAGES = "/content-manager/collection-types/api::page.page";
const LAUKAA = "yllapitaja.laukaa@demo.soskes.example";
const JYVASKYLA = "yllapitaja.jyvaskyla@demo.soskes.example";
const EDITOR = "paatoimittaja@demo.soskes.example";

// Built with the official check-character rule for these tests; no real person is meant.
const HETU = "131052-308T";

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const SCRIPT = "<script>fetch('/__pwned?' + encodeURIComponent(localStorage.getItem('jwtToken')))</script>";

let cms: TestCms;
let server: Server;
let base: string;
const tokens: Record<string, string> = {};
const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

beforeAll(async () => {
  cms = await startCms({ seed: "demo" });
  server = cms.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const who of [LAUKAA, JYVASKYLA, EDITOR]) tokens[who] = await adminLogin(cms, who);
});
afterAll(async () => {
  const uploads = cms?.strapi.plugin("upload").service("upload") as
    { remove(file: unknown): Promise<unknown> } | undefined;
  for (const file of (await cms?.strapi.db.query("plugin::upload.file").findMany({})) ?? [])
    await uploads?.remove(file);
  await new Promise((resolve) => server?.close(resolve));
  await cms?.close();
});

type Uploaded = { id: number; url: string; ext: string; mime: string; name: string };
const upload = (who: string, name: string, bytes: Buffer | string, type = "application/octet-stream") =>
  cms
    .http()
    .post("/upload")
    .set(auth(who))
    .field("fileInfo", JSON.stringify({ name }))
    .attach("files", Buffer.from(bytes), { filename: name, contentType: type });

describe("the media library", () => {
  it("refuses what is not an allowed kind of file by its bytes, whatever its name or declared type", async () => {
    const before = await cms.strapi.db.query("plugin::upload.file").count({});
    for (const [name, bytes, type] of [
      ["sivu.html", `<!doctype html><html><body>${SCRIPT}</body></html>`, "text/html"],
      ["kuva.svg", `<svg xmlns="http://www.w3.org/2000/svg">${SCRIPT}</svg>`, "image/svg+xml"],
      ["koodi.js", "fetch('/__pwned')", "text/javascript"],
      ["kuva.png", `<html>${SCRIPT}</html>`, "image/png"],
      ["sivu.htm", "Tavallista tekstiä", "text/plain"],
      ["muistio.txt", Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), "text/plain"],
      ["paketti.zip", Buffer.from("504b0304140000000000", "hex"), "application/zip"],
      ["ohje.xml", `<?xml version="1.0"?><a/>`, "application/xml"],
    ] as const) {
      const res = await upload(LAUKAA, name, bytes, type);
      expect(res.status, name).toBe(400);
      expect((res.body as { error: { message: string } }).error.message, name).toContain(
        "mediakirjastoon voi ladata vain",
      );
    }
    expect(await cms.strapi.db.query("plugin::upload.file").count({})).toBe(before);
  });

  it("stores an allowed file under the kind its bytes show, and serves every file inert", async () => {
    const polyglot = await upload(
      LAUKAA,
      "kuva.html",
      Buffer.concat([PNG, Buffer.from(SCRIPT)]),
      "text/html",
    );
    expect(polyglot.status).toBe(201);
    const image = (polyglot.body as Uploaded[])[0]!;
    expect(image.ext).toBe(".png");
    expect(image.mime).toBe("image/png");
    expect(image.url).toMatch(/\.png$/);
    const served = await cms.http().get(image.url).expect(200);
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
    expect(served.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(served.headers["content-disposition"]).toBeUndefined();

    const text = await upload(LAUKAA, "muistio.txt", `Muistio\n<html>${SCRIPT}</html>\n`, "text/html");
    expect(text.status).toBe(201);
    const note = (text.body as Uploaded[])[0]!;
    expect(note.mime).toBe("text/plain");
    const servedText = await cms.http().get(note.url).expect(200);
    expect(servedText.headers["content-type"]).toMatch(/^text\/plain/);
    expect(servedText.headers["x-content-type-options"]).toBe("nosniff");
    expect(servedText.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(servedText.headers["content-disposition"]).toMatch(/^attachment/);
  });

  it("lets a maintainer change, replace and delete only their own uploads; the editor any", async () => {
    const own = (await upload(LAUKAA, "laukaa.png", PNG, "image/png")).body as Uploaded[];
    const id = own[0]!.id;
    const info = { fileInfo: JSON.stringify({ name: "toisen.png", alternativeText: "vaihdettu" }) };
    await cms.http().post(`/upload?id=${id}`).set(auth(JYVASKYLA)).field(info).expect(403);
    await cms
      .http()
      .post(`/upload?id=${id}`)
      .set(auth(JYVASKYLA))
      .attach("files", Buffer.from("Korvattu\n"), { filename: "korvaus.txt", contentType: "text/plain" })
      .expect(403);
    await cms.http().delete(`/upload/files/${id}`).set(auth(JYVASKYLA)).expect(403);
    const kept = (await cms.strapi.db.query("plugin::upload.file").findOne({ where: { id } })) as {
      name: string;
      mime: string;
    };
    expect(kept).toMatchObject({ name: "laukaa.png", mime: "image/png" });
    await cms.http().post(`/upload?id=${id}`).set(auth(LAUKAA)).field(info).expect(200);
    await cms.http().post(`/upload?id=${id}`).set(auth(EDITOR)).field(info).expect(200);
    await cms.http().delete(`/upload/files/${id}`).set(auth(EDITOR)).expect(200);
  });

  it.skipIf(!hasChromium)(
    "runs no script from any uploaded file in Chromium, with an admin's token in the page's storage",
    async () => {
      const files = [
        (
          (
            await upload(
              LAUKAA,
              "polyglotti.png",
              Buffer.concat([PNG, Buffer.from(`<html>${SCRIPT}</html>`)]),
            )
          ).body as Uploaded[]
        )[0]!,
        (
          (
            await upload(
              LAUKAA,
              "huomio.txt",
              `<html><body>${SCRIPT}<img src=x onerror="${"fetch('/__pwned')"}"></body></html>`,
            )
          ).body as Uploaded[]
        )[0]!,
        (
          (await upload(LAUKAA, "taulukko.csv", `nimi,arvo\n"<script>fetch('/__pwned')</script>",1\n`))
            .body as Uploaded[]
        )[0]!,
      ];
      const browser = await launchChromium();
      try {
        const context = await browser.newContext({ acceptDownloads: true });
        const page = await context.newPage();
        const pwned: string[] = [];
        page.on("request", (req) => {
          if (req.url().includes("/__pwned")) pwned.push(req.url());
        });
        // A page of Strapi's own origin with an admin's token where the admin panel keeps it.
        await page.goto(`${base}/api/ei-ole`);
        const token = await adminLogin(cms, "admin@demo.soskes.example");
        await page.evaluate(`localStorage.setItem("jwtToken", ${JSON.stringify(token)})`);
        // The detector works: script that does run on this origin is seen.
        await page.evaluate(async () => {
          await fetch("/__pwned?control").catch(() => undefined);
        });
        await expect.poll(() => pwned.length).toBe(1);
        for (const file of files) {
          await page.goto(`${base}${file.url}`).catch(() => undefined); // an attachment downloads
          await page.waitForTimeout(300);
        }
        expect(pwned).toEqual([`${base}/__pwned?control`]);
      } finally {
        await browser.close();
      }
    },
  );
});

describe("a maintainer's reads stay in their own municipality", () => {
  let laukaaUnit: string;
  beforeAll(async () => {
    // A county-wide unit above one Laukaa and one Jyväskylä unit: the path a deep populate walks.
    const county = await cms.strapi.documents("api::service-unit.service-unit").create({
      data: { name: "Keski-Suomen yhteinen päivystys", sourceId: "test:county" } as never,
    });
    laukaaUnit = await documentIdWhere(cms, "api::service-unit.service-unit", {
      sourceId: "demo:unit:410:lastensuojelu",
    });
    const jyvaskylaUnit = await documentIdWhere(cms, "api::service-unit.service-unit", {
      sourceId: "demo:unit:179:lastensuojelu",
    });
    const units = cms.strapi.db.query("api::service-unit.service-unit");
    const countyRows = (await units.findMany({ where: { documentId: county.documentId } })) as Array<{
      id: number;
    }>;
    for (const row of (await units.findMany({
      where: { documentId: { $in: [laukaaUnit, jyvaskylaUnit] } },
    })) as Array<{ id: number }>)
      await units.update({ where: { id: row.id }, data: { parent: countyRows[0]!.id } });
    // An unpublished draft in Jyväskylä, a secret only Jyväskylä's maintainers may read.
    await cms.strapi.documents("api::contact-person.contact-person").create({
      data: {
        name: "Salainen Luonnos",
        visibility: "members",
        unit: jyvaskylaUnit,
        municipality: await documentIdWhere(cms, "api::municipality.municipality", { code: "179" }),
      } as never,
    });
  });

  const foreign = (body: unknown) => {
    const text = JSON.stringify(body);
    return ["Jyväskylän", "Salainen Luonnos", "Keski-Suomen yhteinen", '"code":"179"', "Äänekoski"].filter(
      (w) => text.includes(w),
    );
  };

  it("through populate at any depth, in lists, single records and what a save returns", async () => {
    const deep =
      "populate[parent][populate][children][populate][contactPersons]=true" +
      "&populate[municipality][populate][region][populate][municipalities]=true" +
      "&populate[contactPersons]=true&populate[municipalities]=true";
    const list = await cms.http().get(`${UNITS}?page=1&pageSize=100&${deep}`).set(auth(LAUKAA)).expect(200);
    expect((list.body as { results: unknown[] }).results.length).toBeGreaterThan(0);
    expect(foreign(list.body)).toEqual([]);
    const one = await cms.http().get(`${UNITS}/${laukaaUnit}?${deep}`).set(auth(LAUKAA)).expect(200);
    expect(foreign(one.body)).toEqual([]);
    const saved = await cms
      .http()
      .put(`${UNITS}/${laukaaUnit}?${deep}`)
      .set(auth(LAUKAA))
      .send({ openingNote: "Päivitetty." })
      .expect(200);
    expect(foreign(saved.body)).toEqual([]);
    for (const field of ["parent", "children", "contactPersons", "municipalities"]) {
      const related = await cms
        .http()
        .get(`/content-manager/relations/api::service-unit.service-unit/${laukaaUnit}/${field}?pageSize=100`)
        .set(auth(LAUKAA));
      expect(foreign(related.body), field).toEqual([]);
    }
    // The county-wide parent relation itself is untouched by the maintainer's save.
    const stored = (await cms.strapi.db.query("api::service-unit.service-unit").findOne({
      where: { documentId: laukaaUnit, publishedAt: { $null: true } },
      populate: { parent: true },
    })) as { parent: { name: string } | null };
    expect(stored.parent?.name).toBe("Keski-Suomen yhteinen päivystys");
    // The regional editor still sees everything.
    const editor = await cms.http().get(`${UNITS}/${laukaaUnit}?${deep}`).set(auth(EDITOR)).expect(200);
    expect(foreign(editor.body)).toContain("Keski-Suomen yhteinen");
  });
});

describe("scope follows the account, not its e-mail", () => {
  it("a maintainer who takes the address of a pending assignment gains nothing", async () => {
    const jyvaskyla = await documentIdWhere(cms, "api::municipality.municipality", { code: "179" });
    await cms.strapi.documents("api::maintainer-assignment.maintainer-assignment").create({
      data: { email: "tuleva.yllapitaja@demo.soskes.example", municipalities: [jyvaskyla] } as never,
    });
    await cms
      .http()
      .put("/admin/users/me")
      .set(auth(LAUKAA))
      .send({ email: "tuleva.yllapitaja@demo.soskes.example" })
      .expect(200);
    const list = await cms.http().get(`${UNITS}?page=1&pageSize=100`).set(auth(LAUKAA)).expect(200);
    const names = (list.body as { results: Array<{ name: string }> }).results.map((r) => r.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith("Laukaan"))).toBe(true);
    const jyvaskylaUnit = await documentIdWhere(cms, "api::service-unit.service-unit", {
      sourceId: "demo:unit:179:lastensuojelu",
    });
    await cms
      .http()
      .put(`${UNITS}/${jyvaskylaUnit}`)
      .set(auth(LAUKAA))
      .send({ openingNote: "x" })
      .expect(403);
    // Put back, for the suites after this one.
    await cms.http().put("/admin/users/me").set(auth(LAUKAA)).send({ email: LAUKAA }).expect(200);
  });

  it("an account created for a pending assignment's address gets it", async () => {
    const konnevesi = await documentIdWhere(cms, "api::municipality.municipality", { code: "275" });
    await cms.strapi.documents("api::maintainer-assignment.maintainer-assignment").create({
      data: { email: "uusi.yllapitaja@demo.soskes.example", municipalities: [konnevesi] } as never,
    });
    const role = (await cms.strapi.db
      .query("admin::role")
      .findOne({ where: { code: "soskes-municipality-maintainer" } })) as { id: number };
    const users = cms.strapi.service("admin::user") as { create(input: object): Promise<unknown> };
    const user = (await users.create({
      email: "uusi.yllapitaja@demo.soskes.example",
      firstname: "Uusi",
      lastname: "Ylläpitäjä",
      password: "Testi-salasana-42",
      isActive: true,
      roles: [role.id],
    })) as { id: number };
    const assignment = (await cms.strapi.db
      .query("api::maintainer-assignment.maintainer-assignment")
      .findOne({ where: { email: "uusi.yllapitaja@demo.soskes.example" } })) as { adminUserId: number };
    expect(assignment.adminUserId).toBe(user.id);
  });
});

describe("the henkilötunnus guard in the admin", () => {
  it("refuses a code in any text or rich-text field, however it is written, in Finnish", async () => {
    const laukaaUnit = await documentIdWhere(cms, "api::service-unit.service-unit", {
      sourceId: "demo:unit:410:lastensuojelu",
    });
    for (const note of [
      `Asiakas ${HETU}`,
      "Asiakas １３１０５２-３０８Ｔ", // full-width
      "Asiakas 131052\u2212308T", // minus sign
      "Asiakas 1310\u00AD52-308T", // soft hyphen
      "Asiakas 131052-**308T**", // markup splitting the code
    ]) {
      const res = await cms
        .http()
        .put(`${UNITS}/${laukaaUnit}`)
        .set(auth(LAUKAA))
        .send({ openingNote: note });
      expect(res.status, note).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toContain("henkilötunnus");
    }
    const page = await cms
      .http()
      .post(PAGES)
      .set(auth(EDITOR))
      .send({
        title: "Ohje",
        slug: "ohje-hetu",
        kind: "guide",
        body: [
          {
            type: "paragraph",
            children: [
              { type: "text", text: "Tunnus 131052-" },
              { type: "text", text: "308T", bold: true },
            ],
          },
        ],
      });
    expect(page.status).toBe(400);
    expect(await cms.strapi.db.query("api::page.page").count({ where: { slug: "ohje-hetu" } })).toBe(0);
    // Lookalikes pass: a phone number, a date, a statute number.
    await cms
      .http()
      .put(`${UNITS}/${laukaaUnit}`)
      .set(auth(LAUKAA))
      .send({ openingNote: "Soita 040 131 0523 ma 13.10.2052, ks. 1301/2014 ja 131052-308X." })
      .expect(200);
  });
});

describe("cross-origin requests", () => {
  it("are answered only for Strapi's own address and the portal's", async () => {
    const evil = await cms
      .http()
      .options("/admin/users/me")
      .set("Origin", "https://evil.example")
      .set("Access-Control-Request-Method", "GET");
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
    const portal = await cms
      .http()
      .options("/admin/users/me")
      .set("Origin", "http://localhost:3000")
      .set("Access-Control-Request-Method", "GET");
    expect(portal.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
  });
});
