import { Writable } from "node:stream";
import { request, newClientId } from "@soskes/chat/client";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "./commands/users.js";
import { browser, startTestPortal, storedState, type TestPortal } from "./test/fixtures.js";
import { codeOf, connected, socketFor } from "./test/sockets.js";

// Built with the official check-character rule for these tests; no real person is meant.
const HETU = "131052-308T";
/** The same code as people (or tools) may disguise it: each must be refused like the plain one. */
const DISGUISED = [
  HETU,
  "１３１０５２－３０８Ｔ",
  "131052\u2212308T",
  "131052\u2014308T",
  "13\u00ad1052-30\u200b8T",
  "1310\u206052-308\ufeffT",
  "131052  -  308T",
  "131052-_308T_",
  "**131052**-308T",
];

/**
 * The henkilötunnus guard at the portal's doors: every free text of every REST write and every
 * socket event, read as a reader would see it. Search may be asked with a code — it answers —
 * but the query is recorded nowhere.
 */
describe("the henkilötunnus guard in the portal", () => {
  let portal: TestPortal;
  const logLines: string[] = [];
  let member: ReturnType<typeof browser>;
  let memberCookie: string | undefined;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    portal = await startTestPortal("sqlite", { logger: pino({ level: "info" }, sink) });
    await createUser(portal.database.db, {
      email: "hetu@guard.example",
      name: "Testi Vartija",
      password: "Testi-salasana-42",
      role: "moderator",
      emailVerified: true,
    });
    member = browser(portal);
    expect((await member.login("hetu@guard.example")).status).toBe(200);
    memberCookie = member.sessionCookie();
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("refuses a code in any field of any write, however it is disguised, and stores nothing", async () => {
    const before = await storedState(portal);
    const writes: Array<[string, string, (t: string) => object]> = [
      ["patch", "/api/me", (t) => ({ title: `Sosiaalityöntekijä ${t}` })],
      ["patch", "/api/me", (t) => ({ expertise: t })],
      ["patch", "/api/me", (t) => ({ unit: t })],
      ["post", "/api/groups", (t) => ({ name: "Uusi ryhmä", description: t, visibility: "open" })],
      ["post", "/api/notices", (t) => ({ kind: "lend", title: "Lainattavana", body: `Ota yhteyttä ${t}` })],
      ["post", "/api/feedback", (t) => ({ topic: "other", message: `Palautetta: ${t}` })],
      [
        "post",
        "/api/consultations",
        (t) => ({
          serviceArea: "lastensuojelu",
          topic: "Kysymys",
          question: `Asiakas ${t} kysyy.`,
          anonymised: true,
        }),
      ],
    ];
    for (const [method, path, body] of writes)
      for (const text of DISGUISED) {
        const res = await member[method as "post" | "patch"](path, body(text));
        expect(res.status, `${path} ${JSON.stringify(text)}`).toBe(422);
        expect(res.body, path).toMatchObject({ error: { name: "hetu_detected" } });
      }
    expect(await storedState(portal)).toBe(before);
    // The answer says which field holds it, for the form to point at.
    const where = await member.patch("/api/me", { name: "Sanna", expertise: `Kokemus ${HETU}` });
    expect(where.body).toMatchObject({ error: { details: { fields: { expertise: "hetu_detected" } } } });
  });

  it("refuses a disguised code in a socket event, with an ack error", async () => {
    const group = await member.post("/api/groups", { name: "Vartijan ryhmä", visibility: "open" });
    const groupId = (group.body as { data: { id: number } }).data.id;
    const socket = socketFor(portal.url, memberCookie);
    try {
      await connected(socket);
      await request(socket, "group:join", { groupId });
      for (const text of DISGUISED)
        expect(
          await codeOf(request(socket, "message:create", { groupId, clientId: newClientId(), body: text })),
          JSON.stringify(text),
        ).toBe("hetu_detected");
    } finally {
      socket.disconnect();
    }
  });

  it("lets lookalikes through: phone numbers, dates, statute numbers, wrong check characters", async () => {
    const res = await member.patch("/api/me", {
      expertise: "Soita 040 131 0523, ma 13.10.2052; SHL 1301/2014 36 §, LSL 417/2007; ei tunnus 131052-308X",
    });
    expect(res.status).toBe(200);
  });

  it("answers a search holding a code, and records the query nowhere", async () => {
    for (const text of DISGUISED) {
      const res = await member.get(`/api/search?q=${encodeURIComponent(`asiakas ${text}`)}`);
      expect(res.status).toBe(200);
    }
    const ordinary = await member.get("/api/search?q=olematonhakusana");
    expect(ordinary.status).toBe(200);
    await portal.services.usage.flush();
    const misses = await portal.database.db.selectFrom("search_misses").select("query").execute();
    expect(misses.map((m) => m.query)).toEqual(["olematonhakusana"]);
    const logged = logLines.join("");
    expect(logged).toContain("/api/search");
    for (const text of [...DISGUISED, "olematonhakusana"]) {
      expect(logged).not.toContain(text);
      expect(logged).not.toContain(encodeURIComponent(text));
    }
    expect(logged).not.toContain("q=");
  });
});
