import { addWorkingDays, finnishDate } from "@soskes/domain";
import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../commands/users.js";
import {
  DATABASES,
  browser,
  eventually,
  lawOnlyContent,
  startTestPortal,
  type TestPortal,
} from "../../test/fixtures.js";

const PASSWORD = "Testi-salasana-42";
// Built with the official check-character rule for these tests; no real person is meant.
const HETU = "131052-308T";
const QUESTION =
  "Kuinka henkilökohtaisen avun tuntimäärä arvioidaan, kun asiakkaan tarve vaihtelee viikoittain? Päätöksessä on käytetty kiinteää tuntimäärää.";

type Browser = ReturnType<typeof browser>;

describe.each(DATABASES)("eKonsultaatio requests, panels and audit on %s", (kind) => {
  let portal: TestPortal;
  const as: Record<string, Browser> = {};
  const ids: Record<string, number> = {};
  let requestId: number;

  const person = async (
    key: string,
    values: { unit?: string; role?: "member" | "expert" | "admin"; municipalityCode?: string } = {},
  ) => {
    const email = `${key}@consult.example`;
    const user = await createUser(portal.database.db, {
      email,
      name: `Testi ${key}`,
      password: PASSWORD,
      emailVerified: true,
      role: values.role ?? "member",
      unit: values.unit,
      municipalityCode: values.municipalityCode,
    });
    const web = browser(portal);
    expect((await web.login(email, PASSWORD)).status).toBe(200);
    as[key] = web;
    ids[key] = user.id;
  };

  beforeAll(async () => {
    portal = await startTestPortal(kind, { content: lawOnlyContent() });
    await person("admin", { role: "admin" });
    await person("requester", { unit: "Saarijärven sosiaalipalvelut", municipalityCode: "729" });
    await person("other", { unit: "Keuruun sosiaalipalvelut" });
    await person("expert", { role: "expert", unit: "Jyväskylän vammaispalvelut" });
    await person("expert2", { role: "expert", unit: "Jämsän vammaispalvelut" });
    await person("sameUnit", { role: "expert", unit: "Saarijärven sosiaalipalvelut" });
    await person("otherPanel", { role: "expert", unit: "Äänekosken palvelut" });
    await person("lead", { role: "expert", unit: "saarijärven sosiaalipalvelut " });
    const panel = await as.admin!.post("/api/panels", {
      serviceArea: "lastensuojelu",
      name: "Lastensuojelun paneeli",
    });
    expect(panel.status).toBe(201);
    const panelId = (panel.body as { data: { id: number } }).data.id;
    for (const key of ["expert", "expert2", "sameUnit"])
      expect((await as.admin!.post(`/api/panels/${panelId}/members`, { userId: ids[key] })).status).toBe(204);
    expect(
      (await as.admin!.post(`/api/panels/${panelId}/members`, { userId: ids.lead, lead: true })).status,
    ).toBe(204);
    const other = await as.admin!.post("/api/panels", {
      serviceArea: "aikuissosiaalityo",
      name: "Aikuissosiaalityön paneeli",
    });
    const otherId = (other.body as { data: { id: number } }).data.id;
    await as.admin!.post(`/api/panels/${otherId}/members`, { userId: ids.otherPanel });
  });
  afterAll(async () => {
    await portal?.drop();
  });

  const ask = (who: string, body: object) =>
    as[who]!.post("/api/consultations", {
      serviceArea: "lastensuojelu",
      topic: "Tuntimäärän arviointi",
      question: QUESTION,
      anonymised: true,
      ...body,
    });

  it("only members ask; panels are managed by admins", async () => {
    await supertest(portal.server).get("/api/consultations").expect(401);
    expect((await as.other!.post("/api/panels", { serviceArea: "x-alue", name: "Paneeli" })).status).toBe(
      403,
    );
    const dup = await as.admin!.post("/api/panels", { serviceArea: "lastensuojelu", name: "Toinen" });
    expect(dup.status).toBe(409);
  });

  it("refuses identity codes and unconfirmed checklists; flags names, addresses and birth dates", async () => {
    const hetu = await ask("requester", { question: `${QUESTION} Asiakkaan tunnus ${HETU}.` });
    expect(hetu.status).toBe(422);
    expect(hetu.body).toMatchObject({ error: { name: "hetu_detected" } });
    const unticked = await ask("requester", { anonymised: false });
    expect(unticked.status).toBe(400);
    expect(unticked.body).toMatchObject({
      error: { details: { fields: { anonymised: "anonymisation_checklist" } } },
    });
    const named = await ask("requester", {
      question: `${QUESTION} Asiakas Matti Virtanen asuu Kauppakatu 5:ssä.`,
    });
    expect(named.status).toBe(422);
    expect(named.body).toMatchObject({
      error: {
        name: "anonymisation_flags",
        details: {
          flags: [
            { kind: "name", text: "Matti Virtanen" },
            { kind: "address", text: "Kauppakatu 5" },
          ],
        },
      },
    });
    // Nothing was stored.
    const mine = (await as.requester!.get("/api/consultations")).body as { data: unknown[] };
    expect(mine.data).toHaveLength(0);
    const noPanel = await ask("requester", { serviceArea: "paihdepalvelut" });
    expect(noPanel.body).toMatchObject({ error: { name: "no_panel" } });
  });

  it("creates a request with its target date in working days", async () => {
    const res = await ask("requester", {});
    expect(res.status).toBe(201);
    const data = (res.body as { data: { id: number; dueOn: string; status: string; requesterUnit: string } })
      .data;
    requestId = data.id;
    expect(data.status).toBe("new");
    expect(data.requesterUnit).toBe("Saarijärven sosiaalipalvelut");
    expect(data.dueOn).toBe(addWorkingDays(finnishDate(Date.now()), 5));
    const urgent = await ask("requester", { urgency: "urgent", topic: "Kiireellinen sijoitus" });
    expect((urgent.body as { data: { dueOn: string } }).data.dueOn).toBe(
      addWorkingDays(finnishDate(Date.now()), 2),
    );
  });

  it("authorisation matrix for reading: others get the same 404 as for a request that does not exist", async () => {
    const expected: Record<string, number> = {
      requester: 200,
      other: 404,
      expert: 200,
      expert2: 200,
      sameUnit: 404,
      otherPanel: 404,
      lead: 200,
      admin: 200,
    };
    const none = await as.other!.get("/api/consultations/999999");
    for (const [who, status] of Object.entries(expected)) {
      const res = await as[who]!.get(`/api/consultations/${requestId}`);
      expect(`${who} ${res.status}`).toBe(`${who} ${status}`);
      if (status === 404) expect(res.body).toEqual(none.body);
    }
    // Routed to the panel's experts, never to one from the requester's own unit; the lead sees all.
    const inbox = async (who: string) =>
      (
        (await as[who]!.get("/api/consultations?scope=inbox")).body as { data: Array<{ id: number }> }
      ).data.map((c) => c.id);
    expect(await inbox("expert")).toContain(requestId);
    expect(await inbox("sameUnit")).not.toContain(requestId);
    expect(await inbox("lead")).toContain(requestId);
    expect(await inbox("otherPanel")).toEqual([]);
    expect(await inbox("requester")).toEqual([]);
  });

  it("claims: panel experts only, never from the requester's unit, once", async () => {
    const claim = (who: string) => as[who]!.post(`/api/consultations/${requestId}/claim`);
    expect((await claim("other")).status).toBe(404);
    expect((await claim("otherPanel")).status).toBe(404);
    expect((await claim("sameUnit")).status).toBe(404);
    expect((await claim("requester")).status).toBe(403);
    expect((await claim("admin")).status).toBe(403);
    const conflicted = await claim("lead");
    expect(conflicted.status).toBe(403);
    expect(conflicted.body).toMatchObject({ error: { name: "conflict_of_interest" } });
    const taken = await claim("expert");
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ data: { status: "claimed", claimedBy: { id: ids.expert } } });
    const late = await claim("expert2");
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { name: "already_claimed" } });
  });

  it("the conversation is a private thread: requester, the expert who took it and the lead", async () => {
    const threadOf = async (who: string) =>
      ((await as[who]!.get(`/api/consultations/${requestId}`)).body as { data: { threadId: number | null } })
        .data.threadId;
    const threadId = (await threadOf("requester"))!;
    expect(threadId).toEqual(expect.any(Number));
    expect(await threadOf("expert")).toBe(threadId); // took it
    expect(await threadOf("lead")).toBe(threadId);
    expect(await threadOf("expert2")).toBeNull(); // on the panel, but not in the conversation
    const posted = await as.requester!.post(`/api/groups/${threadId}/messages`, {
      clientId: "kysyja-tarkennus-01",
      body: "Tarkennus: päätös on tehty kolmeksi kuukaudeksi.",
    });
    expect(posted.status).toBe(201);
    const answer = await as.expert!.post(`/api/groups/${threadId}/messages`, {
      clientId: "asiantuntija-vastaus-01",
      body: "Arvio tehdään tarpeen mukaan; vaihteleva tarve kirjataan päätökseen.",
    });
    expect(answer.status).toBe(201);
    for (const who of ["expert2", "other", "admin", "sameUnit"]) {
      expect((await as[who]!.get(`/api/groups/${threadId}/messages`)).status, who).toBe(404);
      expect((await as[who]!.get(`/api/groups/${threadId}`)).status, who).toBe(404);
    }
    // Not an eKollega group: not listed, not joinable, not managed by moderators.
    const listed = (await as.requester!.get("/api/groups")).body as { data: Array<{ id: number }> };
    expect(listed.data.map((g) => g.id)).not.toContain(threadId);
    expect((await as.admin!.post(`/api/groups/${threadId}/members`, { userId: ids.other })).status).toBe(404);
    // Searchable by its participants only.
    await new Promise((r) => setTimeout(r, 400));
    const found = async (who: string) =>
      ((await as[who]!.get("/api/search?q=tarkennus&type=message")).body as { data: { total: number } }).data
        .total;
    expect(await found("expert")).toBe(1);
    expect(await found("expert2")).toBe(0);
  });

  it("new → claimed → answered → closed, and reopen; closed threads are read-only", async () => {
    const act = (who: string, path: string) => as[who]!.post(`/api/consultations/${requestId}/${path}`);
    expect((await act("expert2", "answered")).status).toBe(403);
    expect((await act("requester", "answered")).status).toBe(403);
    expect((await act("expert", "answered")).body).toMatchObject({ data: { status: "answered" } });
    expect((await act("expert", "answered")).body).toMatchObject({ error: { name: "wrong_state" } });
    expect((await act("expert", "close")).status).toBe(403);
    expect((await act("other", "close")).status).toBe(404);
    expect((await act("requester", "close")).body).toMatchObject({ data: { status: "closed" } });
    const threadId = (
      (await as.requester!.get(`/api/consultations/${requestId}`)).body as { data: { threadId: number } }
    ).data.threadId;
    const late = await as.expert!.post(`/api/groups/${threadId}/messages`, {
      clientId: "myohassa-001",
      body: "Vielä yksi asia.",
    });
    expect(late.body).toMatchObject({ error: { name: "group_archived" } });
    expect((await act("requester", "reopen")).body).toMatchObject({ data: { status: "claimed" } });
    expect(
      (
        await as.expert!.post(`/api/groups/${threadId}/messages`, {
          clientId: "myohassa-001",
          body: "Vielä yksi asia.",
        })
      ).status,
    ).toBe(201);
  });

  it("answered requests close by themselves after the configured days", async () => {
    await as.expert!.post(`/api/consultations/${requestId}/answered`);
    await portal.database.db
      .updateTable("consultations")
      .set({ answered_at: Date.now() - 15 * 86_400_000 })
      .where("id", "=", requestId)
      .execute();
    expect(await portal.services.consult.autoClose()).toBe(1);
    expect((await as.requester!.get(`/api/consultations/${requestId}`)).body).toMatchObject({
      data: { status: "closed" },
    });
  });

  it("answer bank: consent, the expert's anonymised Q&A, the lead's approval, found by every member", async () => {
    const path = `/api/consultations/${requestId}`;
    const inYear = `${Number(finnishDate(Date.now()).slice(0, 4)) + 1}${finnishDate(Date.now()).slice(4)}`;
    const entry = {
      title: "Henkilökohtaisen avun vaihteleva tarve",
      question: "Miten henkilökohtaisen avun **tuntimäärä** arvioidaan, kun tarve vaihtelee viikoittain?",
      answer:
        "Arvioi tarve jaksoittain ja kirjaa vaihtelu päätökseen. Perusteena SHL 36 §.\n\n- kuuntele asiakasta\n- kirjaa perustelut",
      sections: ["1301/2014#36"],
      reviewOn: inYear,
    };
    // Closed without consent (it closed by itself): nothing may be published.
    const early = await as.expert!.put(`${path}/answer`, entry);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { name: "no_consent" } });
    expect((await as.other!.post(`${path}/consent`, { consent: true })).status).toBe(404);
    expect((await as.expert!.post(`${path}/consent`, { consent: true })).status).toBe(403);
    const consent = await as.requester!.post(`${path}/consent`, { consent: true });
    expect(consent.body).toMatchObject({ data: { consent: true } });

    // The same guards as the question: identity codes refused, names flagged; real sections only.
    const hetu = await as.expert!.put(`${path}/answer`, { ...entry, answer: `${entry.answer} ${HETU}` });
    expect(hetu.body).toMatchObject({ error: { name: "hetu_detected" } });
    const named = await as.expert!.put(`${path}/answer`, {
      ...entry,
      answer: `${entry.answer} Asiakas Matti Virtanen hyötyi.`,
    });
    expect(named.body).toMatchObject({ error: { name: "anonymisation_flags" } });
    const unknown = await as.expert!.put(`${path}/answer`, { ...entry, sections: ["1301/2014#999"] });
    expect(unknown.body).toMatchObject({
      error: { details: { fields: { "sections.0": "unknown_section" } } },
    });
    const past = await as.expert!.put(`${path}/answer`, { ...entry, reviewOn: "2020-01-01" });
    expect(past.body).toMatchObject({ error: { details: { fields: { reviewOn: "review_date" } } } });

    // Written by the expert who took it; other experts of the panel may not; outsiders get 404.
    expect((await as.expert2!.put(`${path}/answer`, entry)).status).toBe(403);
    expect((await as.other!.put(`${path}/answer`, entry)).status).toBe(404);
    const draft = await as.expert!.put(`${path}/answer`, entry);
    expect(draft.body).toMatchObject({
      data: { status: "draft", sections: [{ statute: "1301/2014", section: "36" }] },
    });
    const answerId = (draft.body as { data: { id: number } }).data.id;
    expect((await as.other!.get(`/api/answers/${answerId}`)).status).toBe(404);
    expect((await as.other!.get(`${path}/answer`)).status).toBe(404);
    expect((await as.expert2!.get(`${path}/answer`)).status).toBe(404);
    expect((await as.requester!.get(`${path}/answer`)).status).toBe(200);

    // The lead approves; before that they may return it with a note.
    expect((await as.lead!.post(`${path}/answer/approve`)).body).toMatchObject({
      error: { name: "wrong_state" },
    });
    expect((await as.requester!.post(`${path}/answer/submit`)).status).toBe(403);
    expect((await as.expert!.post(`${path}/answer/submit`)).body).toMatchObject({
      data: { status: "pending" },
    });
    expect((await as.expert!.post(`${path}/answer/approve`)).status).toBe(403);
    expect((await as.admin!.post(`${path}/answer/approve`)).status).toBe(403);
    const returned = await as.lead!.post(`${path}/answer/return`, { note: "Lisää pykäläviittaus." });
    expect(returned.body).toMatchObject({ data: { status: "draft", note: "Lisää pykäläviittaus." } });
    await as.expert!.post(`${path}/answer/submit`);
    const approved = await as.lead!.post(`${path}/answer/approve`);
    expect(approved.body).toMatchObject({ data: { status: "published", publishedAt: expect.any(Number) } });

    // Every member reads it; only what the expert wrote and the lead approved — nothing of the thread.
    const read = await as.other!.get(`/api/answers/${answerId}`);
    expect(read.status).toBe(200);
    const published = (read.body as { data: Record<string, unknown> }).data;
    expect(Object.keys(published).sort()).toEqual(
      [
        "answer",
        "id",
        "needsReview",
        "panel",
        "publishedAt",
        "question",
        "reviewDue",
        "reviewOn",
        "sections",
        "serviceArea",
        "title",
      ].sort(),
    );
    const text = JSON.stringify(published);
    for (const secret of [
      "Tarkennus",
      "kolmeksi kuukaudeksi",
      "Vielä yksi asia",
      "Testi requester",
      "Saarijärven",
    ])
      expect(text).not.toContain(secret);
    expect(published).toMatchObject({ title: entry.title, question: entry.question, answer: entry.answer });
    const list = (await as.other!.get("/api/answers?serviceArea=lastensuojelu")).body as {
      data: Array<{ id: number }>;
      meta: { total: number };
    };
    expect(list).toMatchObject({ meta: { total: 1 } });
    expect(list.data[0]!.id).toBe(answerId);

    // Searchable by every member as type "answer"; the thread's words are not in it.
    // The index follows publication and withdrawal through the event processors.
    await portal.services.events.settled();
    const search = (who: string, q: string) =>
      eventually(
        async () =>
          (
            (await as[who]!.get(`/api/search?q=${encodeURIComponent(q)}&type=answer`)).body as {
              data: { total: number; hits: Array<{ url: string; section: string | null }> };
            }
          ).data,
        (d) => d.total > 0,
      );
    const found = await search("other", "vaihteleva tarve jaksoittain");
    expect(found.hits[0]).toMatchObject({ url: `/vastauspankki/${answerId}`, section: "36" });
    expect((await search("other", "kolmeksi kuukaudeksi")).total).toBe(0);

    // Published: frozen until the lead withdraws it; consent can no longer be taken back.
    expect((await as.expert!.put(`${path}/answer`, entry)).body).toMatchObject({
      error: { name: "answer_published" },
    });
    expect((await as.requester!.post(`${path}/consent`, { consent: false })).body).toMatchObject({
      error: { name: "answer_published" },
    });
    expect((await as.expert!.post(`${path}/answer/withdraw`)).status).toBe(403);
    expect((await as.lead!.post(`${path}/answer/withdraw`)).body).toMatchObject({
      data: { status: "draft" },
    });
    expect((await as.other!.get(`/api/answers/${answerId}`)).status).toBe(404);
    const gone = await eventually(
      async () =>
        ((await as.other!.get("/api/search?q=jaksoittain&type=answer")).body as { data: { total: number } })
          .data,
      (d) => d.total === 0,
    );
    expect(gone.total).toBe(0);
    // And back, for the report below.
    await as.expert!.post(`${path}/answer/submit`);
    await as.lead!.post(`${path}/answer/approve`);
  });

  it("authorisation matrix for the answer bank: every route × every relation", async () => {
    // State: the request is closed with consent and its answer is published.
    const path = `/api/consultations/${requestId}`;
    const answerId = (
      (await as.requester!.get(`${path}/answer`)).body as { data: { id: number; status: string } }
    ).data.id;
    const body = {
      title: "Otsikko joka kelpaa",
      question: "Kysymys, joka on riittävän pitkä.",
      answer: "Vastaus, joka on riittävän pitkä.",
      reviewOn: `${Number(finnishDate(Date.now()).slice(0, 4)) + 1}-06-01`,
    };
    const routes: Array<[string, (b: Browser) => ReturnType<Browser["get"]>, Record<string, number>]> = [
      [
        "GET answer",
        (b) => b.get(`${path}/answer`),
        { requester: 200, expert: 200, lead: 200, admin: 200, expert2: 404 },
      ],
      [
        "PUT answer",
        (b) => b.put(`${path}/answer`, body),
        { requester: 403, expert: 409, lead: 409, admin: 403, expert2: 403 },
      ],
      [
        "submit",
        (b) => b.post(`${path}/answer/submit`),
        { requester: 403, expert: 409, lead: 403, admin: 403, expert2: 403 },
      ],
      [
        "approve",
        (b) => b.post(`${path}/answer/approve`),
        { requester: 403, expert: 403, lead: 409, admin: 403, expert2: 403 },
      ],
      [
        "return",
        (b) => b.post(`${path}/answer/return`, { note: "Palautetaan." }),
        { requester: 403, expert: 403, lead: 409, admin: 403, expert2: 403 },
      ],
      [
        "consent",
        (b) => b.post(`${path}/consent`, { consent: false }),
        { requester: 409, expert: 403, lead: 403, admin: 403, expert2: 403 },
      ],
      [
        "withdraw",
        (b) => b.post(`${path}/answer/withdraw`),
        { requester: 403, expert: 403, admin: 200, expert2: 403 },
      ],
    ];
    const none = await as.other!.get("/api/consultations/999999/answer");
    for (const [name, call, expected] of routes) {
      // Outsiders, another panel's expert and an expert of the requester's unit: 404, as for nothing.
      for (const who of ["other", "otherPanel", "sameUnit"]) {
        const res = await call(as[who]!);
        expect(`${name} ${who} ${res.status}`).toBe(`${name} ${who} 404`);
        expect(res.body).toEqual(none.body);
      }
      for (const [who, status] of Object.entries(expected)) {
        const res = await call(as[who]!);
        expect(`${name} ${who} ${res.status}`).toBe(`${name} ${who} ${status}`);
      }
    }
    // The admin withdrew it last; the lead publishes it again. Every member reads published answers.
    await as.expert!.post(`${path}/answer/submit`);
    expect((await as.lead!.post(`${path}/answer/approve`)).status).toBe(200);
    for (const who of Object.keys(as))
      expect((await as[who]!.get(`/api/answers/${answerId}`)).status).toBe(200);
    await supertest(portal.server).get(`/api/answers/${answerId}`).expect(401);
    await supertest(portal.server).get("/api/answers").expect(401);
  });

  it("reports requests, response times and overdue counts per panel to admins, as JSON and CSV", async () => {
    // One more request, past its target date.
    const late = await ask("requester", { topic: "Myöhässä oleva pyyntö" });
    await portal.database.db
      .updateTable("consultations")
      .set({ due_on: "2020-01-02" })
      .where("id", "=", (late.body as { data: { id: number } }).data.id)
      .execute();
    const res = await as.admin!.get("/api/admin/consult-report");
    expect(res.status).toBe(200);
    const report = (
      res.body as {
        data: { rows: Array<Record<string, unknown>>; total: Record<string, unknown> };
      }
    ).data;
    const row = report.rows.find((r) => r.serviceArea === "lastensuojelu")!;
    expect(row).toMatchObject({ panel: "Lastensuojelun paneeli", requests: 3, answered: 1, overdue: 1 });
    expect(row.medianHours).toEqual(expect.any(Number));
    expect(row.p90Hours).toBe(row.medianHours);
    expect(report.rows.find((r) => r.serviceArea === "aikuissosiaalityo")).toMatchObject({
      requests: 0,
      medianHours: null,
    });
    // The total counts every panel's requests (the demo panel holds one of its own).
    const sum = report.rows.reduce((n, r) => n + (r.requests as number), 0);
    expect(report.total).toMatchObject({ requests: sum });
    expect(sum).toBeGreaterThanOrEqual(3);
    const future = await as.admin!.get("/api/admin/consult-report?from=2099-01-01");
    expect((future.body as { data: { total: { requests: number } } }).data.total.requests).toBe(0);
    const csv = await as.admin!.get("/api/admin/consult-report?format=csv");
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.text.split("\r\n")[0]).toBe(
      "panel,serviceArea,requests,open,answered,medianHours,p90Hours,overdue,late",
    );
    expect(csv.text).toContain(`Yhteensä,,${sum},`);
    expect((await as.admin!.get("/api/admin/consult-report?from=2025-13-45")).status).toBe(400);
    expect((await as.admin!.get("/api/admin/consult-report?from=2025-05-01&to=2025-01-01")).status).toBe(400);
    expect((await as.lead!.get("/api/admin/consult-report")).status).toBe(403);
  });

  it("writes every read to the audit log, which admins read and export as CSV", async () => {
    await as.other!.get(`/api/consultations/${requestId}`);
    const log = (await as.admin!.get("/api/admin/audit")).body as {
      data: Array<{ actorId: number; action: string; resourceId: string; outcome: string }>;
    };
    const reads = log.data.filter((e) => e.action === "read" && e.resourceId === String(requestId));
    expect(reads.some((e) => e.actorId === ids.other && e.outcome === "denied")).toBe(true);
    expect(reads.some((e) => e.actorId === ids.expert && e.outcome === "allowed")).toBe(true);
    expect(reads.some((e) => e.actorId === ids.sameUnit && e.outcome === "denied")).toBe(true);
    expect(
      log.data.some((e) => e.action === "claim" && e.actorId === ids.expert && e.outcome === "allowed"),
    ).toBe(true);
    const csv = await as.admin!.get("/api/admin/audit?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.text.split("\r\n")[0]).toBe("id,at,actorId,actor,action,resourceType,resourceId,outcome");
    expect(csv.text).toContain(`other@consult.example,read,consultation,${requestId},denied`);
    expect((await as.other!.get("/api/admin/audit")).status).toBe(403);
  });

  it("the demo expert sits on the disability services panel as its lead", async () => {
    const panels = (await as.other!.get("/api/panels")).body as {
      data: Array<{ serviceArea: string; members: Array<{ name: string; lead: boolean }> }>;
    };
    const disability = panels.data.find((p) => p.serviceArea === "vammaispalvelut");
    expect(disability?.members).toEqual([{ id: expect.any(Number), name: "Aarne Asiantuntija", lead: true }]);
  });
});

describe.each(DATABASES)("eKonsultaatio notices, reminders and escalation through SMTP on %s", (kind) => {
  let portal: TestPortal;
  const as: Record<string, Browser> = {};
  const ids: Record<string, number> = {};
  const emails: Record<string, string> = {};

  beforeAll(async () => {
    portal = await startTestPortal(kind, { smtp: true });
    for (const [key, unit, role] of [
      ["asker", "Keuruun sosiaalipalvelut", "member"],
      ["colleague", "Keuruun sosiaalipalvelut", "expert"],
      ["helper", "Jyväskylän vammaispalvelut", "expert"],
      ["helper2", "Jämsän vammaispalvelut", "expert"],
      ["chief", "Äänekosken palvelut", "expert"],
      ["boss", null, "admin"],
    ] as const) {
      emails[key] = `${key}-${kind}@deadline.example`;
      ids[key] = (
        await createUser(portal.database.db, {
          email: emails[key],
          name: `Testi ${key}`,
          password: PASSWORD,
          emailVerified: true,
          role,
          unit: unit ?? undefined,
        })
      ).id;
      as[key] = browser(portal);
      await as[key].login(emails[key], PASSWORD);
    }
    const panel = (
      await as.boss!.post("/api/panels", { serviceArea: "perhehoito", name: "Perhehoidon paneeli" })
    ).body as { data: { id: number } };
    for (const key of ["colleague", "helper", "helper2"])
      await as.boss!.post(`/api/panels/${panel.data.id}/members`, { userId: ids[key] });
    await as.boss!.post(`/api/panels/${panel.data.id}/members`, { userId: ids.chief, lead: true });
  });
  afterAll(async () => {
    await portal?.drop();
  });

  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  };
  // Subjects hold no names anyone wrote (not even a panel's): the panel is named in the text.
  const mailTo = (key: string, words: string) =>
    portal.mailbox.filter(
      (m) => m.to.includes(emails[key]!) && (m.subject.includes(words) || m.text.includes(words)),
    );

  it("tells the panel (never the requester's own unit), reminds the expert, escalates to the lead — links only", async () => {
    const created = await as.asker!.post("/api/consultations", {
      serviceArea: "perhehoito",
      topic: "Perhehoitajan palkkio",
      question:
        "Miten perhehoitajan hoitopalkkio määräytyy, kun hoidettavan tarve kasvaa kesken sopimuskauden?",
      anonymised: true,
    });
    expect(created.status).toBe(201);
    const id = (created.body as { data: { id: number } }).data.id;
    await until(
      () =>
        mailTo("helper", "Perhehoidon paneeli").length > 0 &&
        mailTo("chief", "Perhehoidon paneeli").length > 0,
      "new-request mails",
    );
    expect(mailTo("colleague", "Perhehoidon paneeli")).toHaveLength(0); // the requester's own unit
    const notice = mailTo("helper", "Perhehoidon paneeli")[0]!;
    expect(notice.text).toContain(`/konsultaatiot/${id}`);
    expect(notice.text).not.toContain("hoitopalkkio");

    await as.helper!.post(`/api/consultations/${id}/claim`);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(Date.now());
    await portal.database.db
      .updateTable("consultations")
      .set({ due_on: today })
      .where("id", "=", id)
      .execute();
    expect(await portal.services.consult.runDeadlines()).toEqual({ reminded: 1, escalated: 0 });
    await until(() => mailTo("helper", "Muistutus").length === 1, "reminder");
    expect(mailTo("helper", "Muistutus")[0]!.text).not.toContain("hoitopalkkio");
    expect(await portal.services.consult.runDeadlines()).toEqual({ reminded: 0, escalated: 0 }); // once

    await portal.database.db
      .updateTable("consultations")
      .set({ due_on: "2026-01-02" })
      .where("id", "=", id)
      .execute();
    expect((await portal.services.consult.runDeadlines()).escalated).toBe(1);
    await until(() => mailTo("chief", "Myöhässä").length === 1, "escalation");
    const overdue = (await as.asker!.get(`/api/consultations/${id}`)).body as { data: { overdue: boolean } };
    expect(overdue.data.overdue).toBe(true);

    // The lead gives it to another expert: never one from the requester's unit.
    const conflict = await as.chief!.post(`/api/consultations/${id}/assign`, { userId: ids.colleague });
    expect(conflict.body).toMatchObject({ error: { name: "conflict_of_interest" } });
    expect((await as.helper!.post(`/api/consultations/${id}/assign`, { userId: ids.helper2 })).status).toBe(
      403,
    );
    const moved = await as.chief!.post(`/api/consultations/${id}/assign`, { userId: ids.helper2 });
    expect(moved.body).toMatchObject({ data: { claimedBy: { id: ids.helper2 } } });
    await until(() => mailTo("helper2", "annettiin").length === 1, "assignment mail");

    // Answered: the asker hears of it at once, in the bell and by e-mail — a link, never the text.
    expect((await as.helper2!.post(`/api/consultations/${id}/answered`)).status).toBe(200);
    await until(() => mailTo("asker", "vastattu").length === 1, "answered mail");
    const answered = mailTo("asker", "vastattu")[0]!;
    expect(answered.text).toContain(`/konsultaatiot/${id}`);
    expect(answered.text).not.toContain("hoitopalkkio");
    await portal.services.events.settled();
    const inbox = (await as.asker!.get("/api/inbox")).body as {
      data: { unread: number; items: Array<{ kind: string; url: string }> };
    };
    expect(inbox.data.items[0]).toMatchObject({ kind: "consultation_answered", url: `/konsultaatiot/${id}` });
    expect(inbox.data.unread).toBeGreaterThan(0);
  });
});
