import { finnishDate } from "@soskes/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../commands/users.js";
import { DATABASES, browser, eventually, startTestPortal, type TestPortal } from "../../test/fixtures.js";
import { reindexNotices } from "../../search/notices.js";

const PASSWORD = "Testi-salasana-42";
// Built with the official check-character rule for these tests; no real person is meant.
const HETU = "131052-308T";
type Browser = ReturnType<typeof browser>;
type Notice = {
  id: number;
  municipalityCode: string | null;
  expiresOn: string;
  abilities: { update: boolean; delete: boolean };
};

const addDays = (days: number) => {
  const d = new Date(`${finnishDate(Date.now())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe.each(DATABASES)("the notice board and feedback on %s", (kind) => {
  let portal: TestPortal;
  const as: Record<string, Browser> = {};
  const ids: Record<string, number> = {};
  let noticeId: number;

  beforeAll(async () => {
    portal = await startTestPortal(kind);
    for (const [key, role, municipalityCode] of [
      ["author", "member", "249"],
      ["other", "member", "729"],
      ["moderator", "moderator", null],
      ["admin", "admin", null],
    ] as const) {
      const email = `${key}@board.example`;
      const user = await createUser(portal.database.db, {
        email,
        name: `Testi ${key}`,
        password: PASSWORD,
        emailVerified: true,
        role,
        municipalityCode: municipalityCode ?? undefined,
      });
      ids[key] = user.id;
      as[key] = browser(portal);
      expect((await as[key].login(email, PASSWORD)).status).toBe(200);
    }
    as.visitor = browser(portal);
  });
  afterAll(async () => {
    await portal?.drop();
  });

  const notice = (body: object = {}) =>
    as.author!.post("/api/notices", {
      kind: "giving",
      title: "Annetaan pois toimistotuoleja",
      body: "Kolme **säädettävää** toimistotuolia, noudettava Keuruun toimipisteestä.",
      ...body,
    });

  it("members post notices; the henkilötunnus guard and the expiry limits apply", async () => {
    expect((await as.visitor!.get("/api/notices")).status).toBe(401);
    const hetu = await notice({ body: `Yhteyshenkilön tunnus ${HETU}, soita.` });
    expect(hetu.status).toBe(422);
    expect(hetu.body).toMatchObject({ error: { name: "hetu_detected" } });
    const past = await notice({ expiresOn: "2020-01-01" });
    expect(past.body).toMatchObject({ error: { details: { fields: { expiresOn: "notice_expiry" } } } });
    const far = await notice({ expiresOn: addDays(91) });
    expect(far.body).toMatchObject({ error: { details: { fields: { expiresOn: "notice_expiry" } } } });
    expect((await notice({ kind: "selling" })).body).toMatchObject({
      error: { details: { fields: { kind: "notice_kind" } } },
    });
    // Nothing was stored.
    const none = (await as.other!.get("/api/notices")).body as { meta: { total: number } };
    expect(none.meta.total).toBe(0);

    const created = await notice();
    expect(created.status).toBe(201);
    const data = (created.body as { data: Notice }).data;
    noticeId = data.id;
    expect(data).toMatchObject({
      municipalityCode: "249",
      expiresOn: addDays(30),
      abilities: { update: true },
    });
  });

  it("every member reads, filters and finds them; only the author edits", async () => {
    const list = (await as.other!.get("/api/notices?kind=giving&municipality=249")).body as {
      data: Notice[];
    };
    expect(list.data.map((n) => n.id)).toEqual([noticeId]);
    expect(list.data[0]).toMatchObject({ abilities: { update: false, delete: false } });
    expect(((await as.other!.get("/api/notices?kind=seeking")).body as { data: Notice[] }).data).toEqual([]);
    expect((await as.other!.get(`/api/notices/${noticeId}`)).status).toBe(200);
    const found = await eventually(
      async () =>
        ((await as.other!.get("/api/search?q=toimistotuoli&type=notice")).body as { data: { total: number } })
          .data.total,
      (n) => n > 0,
    );
    expect(found).toBe(1);

    expect((await as.other!.patch(`/api/notices/${noticeId}`, { title: "Kaapattu" })).status).toBe(403);
    expect((await as.moderator!.patch(`/api/notices/${noticeId}`, { title: "Kaapattu" })).status).toBe(403);
    expect(
      (await as.author!.patch(`/api/notices/${noticeId}`, { body: `Tuolit, tunnus ${HETU}` })).body,
    ).toMatchObject({ error: { name: "hetu_detected" } });
    const edited = await as.author!.patch(`/api/notices/${noticeId}`, {
      title: "Annetaan pois kolme toimistotuolia",
      expiresOn: addDays(60),
    });
    expect(edited.body).toMatchObject({
      data: { title: "Annetaan pois kolme toimistotuolia", expiresOn: addDays(60) },
    });
  });

  it("expired notices leave the board and search, but stay with their author to renew", async () => {
    await portal.database.db
      .updateTable("notices")
      .set({ expires_on: "2020-01-01" })
      .where("id", "=", noticeId)
      .execute();
    expect((await as.other!.get(`/api/notices/${noticeId}`)).status).toBe(404);
    expect(((await as.other!.get("/api/notices")).body as { meta: { total: number } }).meta.total).toBe(0);
    const mine = (await as.author!.get("/api/notices?mine=1")).body as {
      data: Array<Notice & { expired: boolean }>;
    };
    expect(mine.data[0]).toMatchObject({ id: noticeId, expired: true });
    await reindexNotices(portal.services);
    const gone = await eventually(
      async () =>
        ((await as.other!.get("/api/search?q=toimistotuoli&type=notice")).body as { data: { total: number } })
          .data.total,
      (n) => n === 0,
    );
    expect(gone).toBe(0);
    // Renewed by its author.
    expect((await as.author!.patch(`/api/notices/${noticeId}`, { expiresOn: addDays(7) })).status).toBe(200);
    expect((await as.other!.get(`/api/notices/${noticeId}`)).status).toBe(200);
  });

  it("authors delete their own; moderators remove any; others may not", async () => {
    expect((await as.other!.delete(`/api/notices/${noticeId}`)).status).toBe(403);
    expect((await as.moderator!.delete(`/api/notices/${noticeId}`)).status).toBe(204);
    expect((await as.author!.get(`/api/notices/${noticeId}`)).status).toBe(404);
    const own = (
      (await notice({ title: "Etsitään lainaksi videotykkiä", kind: "seeking" })).body as { data: Notice }
    ).data;
    expect((await as.author!.delete(`/api/notices/${own.id}`)).status).toBe(204);
    const removed = await portal.database.db
      .selectFrom("notices")
      .select(["id", "removed_by"])
      .where("removed_at", "is not", null)
      .orderBy("id")
      .execute();
    expect(removed).toEqual([
      { id: noticeId, removed_by: ids.moderator },
      { id: own.id, removed_by: null },
    ]);
    const found = await eventually(
      async () =>
        ((await as.other!.get("/api/search?q=videotykki&type=notice")).body as { data: { total: number } })
          .data.total,
      (n) => n === 0,
    );
    expect(found).toBe(0);
  });

  it("anyone sends feedback — a visitor too; accessibility feedback has its 14-day deadline", async () => {
    const anonymous = await as.visitor!.post("/api/feedback", {
      topic: "accessibility",
      message: "Hakukentän ehdotuksia ei voi valita pelkällä näppäimistöllä.",
      page: "/haku",
    });
    expect(anonymous.status).toBe(201);
    expect(anonymous.body).toMatchObject({ data: { dueOn: addDays(14), signed: false } });
    const visitor = await as.visitor!.post("/api/feedback", {
      topic: "content",
      message: "Laukaan lastensuojelun puhelinnumero on vanhentunut.",
      email: "vierailija@example.org",
      name: "Vera Vierailija",
    });
    expect(visitor.body).toMatchObject({ data: { dueOn: null, signed: true } });
    const member = await as.other!.post("/api/feedback", {
      topic: "portal",
      message: "Ryhmäviestin muokkaus toimii hienosti.",
      signed: true,
    });
    expect(member.body).toMatchObject({ data: { signed: true } });
    expect(
      (await as.visitor!.post("/api/feedback", { topic: "portal", message: `Tunnukseni on ${HETU}.` })).body,
    ).toMatchObject({ error: { name: "hetu_detected" } });
    expect(
      (await as.visitor!.post("/api/feedback", { topic: "muu", message: "Kelpaamaton aihe." })).status,
    ).toBe(400);
    const stored = await portal.database.db
      .selectFrom("feedback")
      .select(["email", "user_id"])
      .orderBy("id")
      .execute();
    expect(stored).toEqual([
      { email: null, user_id: null },
      { email: "vierailija@example.org", user_id: null },
      { email: "other@board.example", user_id: ids.other },
    ]);
  });

  it("admins see overdue accessibility feedback first and answer signed feedback by e-mail", async () => {
    expect((await as.other!.get("/api/admin/feedback")).status).toBe(403);
    expect((await as.visitor!.get("/api/admin/feedback")).status).toBe(401);
    await portal.database.db
      .updateTable("feedback")
      .set({ due_on: "2020-01-01" })
      .where("topic", "=", "accessibility")
      .execute();
    const list = (await as.admin!.get("/api/admin/feedback")).body as {
      data: Array<{ id: number; topic: string; overdue: boolean; signed: boolean; email: string | null }>;
    };
    expect(list.data[0]).toMatchObject({ topic: "accessibility", overdue: true, signed: false });
    const anonymous = list.data[0]!;
    const signed = list.data.find((f) => f.email === "vierailija@example.org")!;
    const refused = await as.admin!.post(`/api/admin/feedback/${anonymous.id}/answer`, {
      message: "Kiitos!",
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { name: "no_reply_address" } });
    const answer = "Kiitos, numero on nyt korjattu Laukaan tietoihin.";
    const answered = await as.admin!.post(`/api/admin/feedback/${signed.id}/answer`, { message: answer });
    expect(answered.body).toMatchObject({ data: { answer, answeredAt: expect.any(Number) } });
    expect(
      (await as.admin!.post(`/api/admin/feedback/${signed.id}/answer`, { message: "Uudestaan." })).body,
    ).toMatchObject({ error: { name: "already_answered" } });
    const mail = await eventually(
      () => Promise.resolve(portal.mailbox.find((m) => m.to === "vierailija@example.org")),
      (m) => m !== undefined,
    );
    expect(mail?.text).toContain(answer);
    expect(mail?.text).toContain("Hei Vera Vierailija,");
    const open = (await as.admin!.get("/api/admin/feedback?status=answered")).body as {
      data: Array<{ id: number }>;
    };
    expect(open.data.map((f) => f.id)).toEqual([signed.id]);
  });

  it("limits how much feedback one address sends", async () => {
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++)
      status = (
        await as.visitor!.post("/api/feedback", { topic: "portal", message: `Palaute numero ${i} tästä.` })
      ).status;
    expect(status).toBe(429);
  });
});
