import { errors } from "@strapi/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminLogin, documentIdWhere, startCms, type TestCms } from "./harness";

const UNITS = "/content-manager/collection-types/api::service-unit.service-unit";
const CONTACTS = "/content-manager/collection-types/api::contact-person.contact-person";
const MUNICIPALITIES = "/content-manager/collection-types/api::municipality.municipality";
const LAUKAA = "yllapitaja.laukaa@demo.soskes.example";

let cms: TestCms;
let token: string;
let laukaaUnit: string;
let jyvaskylaUnit: string;
let jyvaskyla: string;
let laukaa: string;
const auth = () => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  cms = await startCms({ seed: "demo" });
  token = await adminLogin(cms, LAUKAA);
  laukaaUnit = await documentIdWhere(cms, "api::service-unit.service-unit", {
    sourceId: "demo:unit:410:lastensuojelu",
  });
  jyvaskylaUnit = await documentIdWhere(cms, "api::service-unit.service-unit", {
    sourceId: "demo:unit:179:lastensuojelu",
  });
  jyvaskyla = await documentIdWhere(cms, "api::municipality.municipality", { code: "179" });
  laukaa = await documentIdWhere(cms, "api::municipality.municipality", { code: "410" });
});
afterAll(async () => {
  await cms?.close();
});

describe("Kunnan ylläpitäjä (Laukaa) in the Strapi admin", () => {
  it("sees only Laukaa's units in the list view and relation pickers", async () => {
    const list = await cms.http().get(`${UNITS}?page=1&pageSize=100`).set(auth()).expect(200);
    const names = (list.body as { results: Array<{ name: string }> }).results.map((r) => r.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith("Laukaan"))).toBe(true);
    const picker = await cms
      .http()
      .get(`/content-manager/relations/api::contact-person.contact-person/unit?pageSize=100`)
      .set(auth())
      .expect(200);
    const options = (picker.body as { results: Array<{ name: string }> }).results.map((r) => r.name);
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((n) => n.startsWith("Laukaan"))).toBe(true);
    const municipalities = await cms
      .http()
      .get(`/content-manager/relations/api::service-unit.service-unit/municipality?pageSize=100`)
      .set(auth())
      .expect(200);
    expect((municipalities.body as { results: Array<{ name: string }> }).results.map((r) => r.name)).toEqual([
      "Laukaa",
    ]);
  });

  it("edits and publishes a Laukaa unit", async () => {
    await cms
      .http()
      .put(`${UNITS}/${laukaaUnit}`)
      .set(auth())
      .send({ openingNote: "Puhelinaika ma–to klo 9–11." })
      .expect(200);
    await cms.http().post(`${UNITS}/${laukaaUnit}/actions/publish`).set(auth()).send({}).expect(200);
    const published = await cms.strapi
      .documents("api::service-unit.service-unit")
      .findOne({ documentId: laukaaUnit, status: "published" });
    expect(published?.openingNote).toBe("Puhelinaika ma–to klo 9–11.");
  });

  it("saves and publishes the whole edit form as the admin UI sends it", async () => {
    const unchanged = { connect: [], disconnect: [] };
    const form = {
      name: "Laukaan lastensuojelu",
      openingNote: "Lomakkeen kautta julkaistu.",
      parent: unchanged,
      children: unchanged,
      region: unchanged,
      municipality: unchanged,
      municipalities: unchanged,
      serviceAreas: unchanged,
      contactPersons: unchanged,
    };
    await cms.http().put(`${UNITS}/${laukaaUnit}`).set(auth()).send(form).expect(200);
    await cms.http().post(`${UNITS}/${laukaaUnit}/actions/publish`).set(auth()).send(form).expect(200);
    const published = await cms.strapi
      .documents("api::service-unit.service-unit")
      .findOne({ documentId: laukaaUnit, status: "published" });
    expect(published?.openingNote).toBe("Lomakkeen kautta julkaistu.");
  });

  it("cannot empty the owner municipality of its own unit, and is told why in Finnish", async () => {
    const res = await cms
      .http()
      .put(`${UNITS}/${laukaaUnit}`)
      .set(auth())
      .send({ municipality: { connect: [], disconnect: [{ documentId: laukaa }] } })
      .expect(403);
    expect((res.body as { error: { message: string } }).error.message).toBe(
      "Tietueella on oltava kunta. Kunnan ylläpitäjänä voit muokata vain omien kuntiesi tietoja (410).",
    );
  });

  it("creates a Laukaa unit and a contact person in it", async () => {
    const created = await cms
      .http()
      .post(UNITS)
      .set(auth())
      .send({ name: "Laukaan perhetyö", municipality: { connect: [{ documentId: laukaa }] } })
      .expect(201);
    const unitId = (created.body as { data: { documentId: string; name: string } }).data.documentId;
    // The editor view reloads the record after saving: it must show what was written.
    const reloaded = await cms.http().get(`${UNITS}/${unitId}`).set(auth()).expect(200);
    expect((reloaded.body as { data: { name: string } }).data.name).toBe("Laukaan perhetyö");
    const person = await cms
      .http()
      .post(CONTACTS)
      .set(auth())
      .send({
        name: "Testi Henkilö",
        visibility: "members",
        unit: { connect: [{ documentId: unitId }] },
        municipality: { connect: [{ documentId: laukaa }] },
      })
      .expect(201);
    const personId = (person.body as { data: { documentId: string } }).data.documentId;
    const reloadedPerson = await cms.http().get(`${CONTACTS}/${personId}`).set(auth()).expect(200);
    expect((reloadedPerson.body as { data: { name: string } }).data.name).toBe("Testi Henkilö");
  });

  it("cannot edit, publish, unpublish or delete a Jyväskylä unit", async () => {
    await cms.http().put(`${UNITS}/${jyvaskylaUnit}`).set(auth()).send({ openingNote: "x" }).expect(403);
    await cms.http().post(`${UNITS}/${jyvaskylaUnit}/actions/publish`).set(auth()).send({}).expect(403);
    await cms.http().post(`${UNITS}/${jyvaskylaUnit}/actions/unpublish`).set(auth()).send({}).expect(403);
    await cms.http().delete(`${UNITS}/${jyvaskylaUnit}`).set(auth()).expect(403);
    await cms.http().get(`${UNITS}/${jyvaskylaUnit}`).set(auth()).expect(403);
    const unit = await cms.strapi
      .documents("api::service-unit.service-unit")
      .findOne({ documentId: jyvaskylaUnit, status: "published" });
    expect(unit?.openingNote).not.toBe("x");
  });

  it("cannot create a record in Jyväskylä, or one with no municipality", async () => {
    await cms
      .http()
      .post(UNITS)
      .set(auth())
      .send({ name: "Jyväskylän uusi", municipality: { connect: [{ documentId: jyvaskyla }] } })
      .expect(403);
    await cms.http().post(UNITS).set(auth()).send({ name: "Jyväskylän uusi" }).expect(403);
    const foreignUnitContact = await cms
      .http()
      .post(CONTACTS)
      .set(auth())
      .send({ name: "Vieras", visibility: "members", unit: { connect: [{ documentId: jyvaskylaUnit }] } });
    expect(foreignUnitContact.status).toBe(403);
    expect(
      await cms.strapi.db
        .query("api::service-unit.service-unit")
        .count({ where: { name: "Jyväskylän uusi" } }),
    ).toBe(0);
  });

  it("cannot move its own unit to Jyväskylä nor pull Jyväskylä's records in through a relation", async () => {
    await cms
      .http()
      .put(`${UNITS}/${laukaaUnit}`)
      .set(auth())
      .send({ municipality: { connect: [{ documentId: jyvaskyla }] } })
      .expect(403);
    await cms
      .http()
      .put(`${UNITS}/${laukaaUnit}`)
      .set(auth())
      .send({ municipalities: { connect: [{ documentId: jyvaskyla }] } })
      .expect(403);
    const foreignPerson = (await cms.strapi.db.query("api::contact-person.contact-person").findOne({
      where: { municipality: { code: "179" } },
      select: ["documentId"],
    })) as { documentId: string };
    await cms
      .http()
      .put(`${UNITS}/${laukaaUnit}`)
      .set(auth())
      .send({ contactPersons: { connect: [{ documentId: foreignPerson.documentId }] } })
      .expect(403);
    const unit = (await cms.strapi.db.query("api::service-unit.service-unit").findOne({
      where: { documentId: laukaaUnit, publishedAt: { $null: true } },
      populate: { municipality: true, contactPersons: true },
    })) as { municipality: { code: string }; contactPersons: Array<{ documentId: string }> };
    expect(unit.municipality.code).toBe("410");
    expect(unit.contactPersons.map((p) => p.documentId)).not.toContain(foreignPerson.documentId);
  });

  it("refuses a bulk action that includes a Jyväskylä record and changes nothing", async () => {
    await cms
      .http()
      .post(`${UNITS}/actions/bulkDelete`)
      .set(auth())
      .send({ documentIds: [laukaaUnit, jyvaskylaUnit] })
      .expect(403);
    await cms
      .http()
      .post(`${UNITS}/actions/bulkPublish`)
      .set(auth())
      .send({ documentIds: [laukaaUnit, jyvaskylaUnit] })
      .expect(403);
    await cms
      .http()
      .post(`${UNITS}/actions/bulkUnpublish`)
      .set(auth())
      .send({ documentIds: [laukaaUnit, jyvaskylaUnit] })
      .expect(403);
    expect(
      await cms.strapi.db
        .query("api::service-unit.service-unit")
        .count({ where: { documentId: { $in: [laukaaUnit, jyvaskylaUnit] } } }),
    ).toBe(4);
  });

  it("may update its own municipality but not another, nor create municipalities", async () => {
    await cms
      .http()
      .put(`${MUNICIPALITIES}/${laukaa}`)
      .set(auth())
      .send({ switchboardPhone: "014 0000 410" })
      .expect(200);
    await cms
      .http()
      .put(`${MUNICIPALITIES}/${jyvaskyla}`)
      .set(auth())
      .send({ switchboardPhone: "1" })
      .expect(403);
    await cms.http().post(MUNICIPALITIES).set(auth()).send({ name: "Uusikunta", code: "998" }).expect(403);
  });

  it("cannot see or change maintainer assignments", async () => {
    await cms
      .http()
      .get("/content-manager/collection-types/api::maintainer-assignment.maintainer-assignment")
      .set(auth())
      .expect(403);
  });
});

describe("server-side guard behind the condition", () => {
  const asMaintainer = async <T>(fn: () => Promise<T>): Promise<T> => {
    const user = (await cms.strapi.db
      .query("admin::user")
      .findOne({ where: { email: LAUKAA }, populate: ["roles"] })) as object;
    const context = cms.strapi.requestContext;
    const run = context.run.bind(context) as unknown as (store: unknown, cb: () => Promise<T>) => Promise<T>;
    return run({ state: { user, auth: { strategy: { name: "admin" } } } }, fn);
  };

  it("refuses document-service writes to another municipality with a Finnish explanation", async () => {
    const attempt = asMaintainer(() =>
      cms.strapi
        .documents("api::service-unit.service-unit")
        .update({ documentId: jyvaskylaUnit, data: { openingNote: "y" } }),
    );
    await expect(attempt).rejects.toBeInstanceOf(errors.ForbiddenError);
    await expect(attempt).rejects.toThrow(/toiselle kunnalle/);
    await expect(
      asMaintainer(() =>
        cms.strapi.documents("api::service-unit.service-unit").delete({ documentId: jyvaskylaUnit }),
      ),
    ).rejects.toThrow(/toiselle kunnalle/);
  });

  it("refuses county-wide records and creating without a municipality", async () => {
    const root = await documentIdWhere(cms, "api::service-unit.service-unit", {
      sourceId: "demo:unit:sosiaalipaivystys",
    });
    await expect(
      asMaintainer(() =>
        cms.strapi
          .documents("api::service-unit.service-unit")
          .update({ documentId: root, data: { openingNote: "z" } }),
      ),
    ).rejects.toThrow(/koko alueen/);
    await expect(
      asMaintainer(() =>
        cms.strapi.documents("api::service-unit.service-unit").create({ data: { name: "Ilman kuntaa" } }),
      ),
    ).rejects.toThrow(/Valitse tietueelle kunta/);
  });

  it("lets a contact person created in an own unit inherit the unit's municipality", async () => {
    const person = await asMaintainer(() =>
      cms.strapi.documents("api::contact-person.contact-person").create({
        data: { name: "Perii Kunnan", unit: laukaaUnit, visibility: "members" },
        populate: { municipality: true },
      }),
    );
    expect((person as { municipality?: { code: string } }).municipality?.code).toBe("410");
  });

  it("does not limit the regional editor", async () => {
    const editorToken = await adminLogin(cms, "paatoimittaja@demo.soskes.example");
    await cms
      .http()
      .put(`${UNITS}/${jyvaskylaUnit}`)
      .set({ Authorization: `Bearer ${editorToken}` })
      .send({ openingNote: "Päätoimittajan muutos" })
      .expect(200);
  });
});
