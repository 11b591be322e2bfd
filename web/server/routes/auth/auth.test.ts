import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../commands/users.js";
import { DATABASES, browser, startTestPortal, type TestPortal } from "../../test/fixtures.js";

const MEMBER = "sosiaalityontekija@demo.soskes.example";
const sidOf = (res: supertest.Response) =>
  ([] as string[])
    .concat(res.headers["set-cookie"] ?? [])
    .find((c) => c.startsWith("soskes.sid="))
    ?.split(";")[0];

describe.each(DATABASES)("identity on %s", (kind) => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal(kind);
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("answers GET /api/me with 401 before login", async () => {
    const res = await supertest(portal.server).get("/api/me").expect(401);
    expect(res.body).toEqual({
      data: null,
      error: { status: 401, name: "unauthorized", message: "Kirjaudu sisään jatkaaksesi.", details: {} },
    });
  });

  it("refuses a login without the CSRF header, in the user's language", async () => {
    const res = await supertest(portal.server)
      .post("/api/auth/login")
      .set("Accept-Language", "sv-FI,sv;q=0.9")
      .send({ email: MEMBER, password: "Testi-salasana-42" })
      .expect(403);
    expect((res.body as { error: { name: string; message: string } }).error).toMatchObject({
      name: "csrf_failed",
      message: "Sessionens skydd stämmer inte. Uppdatera sidan och försök igen.",
    });
  });

  it("refuses a CSRF token that was not issued by the server", async () => {
    const forged = "abc.def";
    await supertest(portal.server)
      .post("/api/auth/login")
      .set("Cookie", `soskes.csrf=${forged}`)
      .set("X-CSRF-Token", forged)
      .send({ email: MEMBER, password: "Testi-salasana-42" })
      .expect(403);
  });

  it("answers 400 with the fields for a malformed login", async () => {
    const client = browser(portal);
    const res = await client.post("/api/auth/login", { email: "" });
    expect(res.status).toBe(400);
    expect(
      (res.body as { error: { name: string; details: { fields: Record<string, string> } } }).error,
    ).toMatchObject({
      name: "invalid_input",
      details: { fields: { email: "required", password: "required" } },
    });
    const notJson = await client.agent
      .post("/api/auth/login")
      .set("Content-Type", "application/json")
      .send("{oops");
    expect(notJson.status).toBeLessThan(500);
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const client = browser(portal);
    const unknown = await client.login("ei-ole@demo.soskes.example", "Testi-salasana-42");
    const wrong = await client.login("moderaattori@demo.soskes.example", "Väärä-salasana-1");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it("logs in, rotates the session id, and shows the member's own profile with abilities", async () => {
    const client = browser(portal);
    const first = await client.login(MEMBER);
    expect(first.status).toBe(200);
    const before = sidOf(first)!;
    // Logging in again (say, on a shared computer as someone else) issues a new session id;
    // the old one, which someone might have copied, no longer works.
    const second = await client.login("moderaattori@demo.soskes.example");
    expect(second.status).toBe(200);
    expect(sidOf(second)).toBeDefined();
    expect(sidOf(second)).not.toBe(before);
    await supertest(portal.server).get("/api/me").set("Cookie", before).expect(401);

    const login = await browser(portal).login(MEMBER);
    expect((login.body as { data: Record<string, unknown> }).data).toMatchObject({
      email: MEMBER,
      name: "Sanna Sosiaalinen",
      municipalityCode: "410",
      role: "member",
      abilities: { readContent: true, manageUsers: false },
    });
    expect(JSON.stringify(login.body)).not.toContain("password");
  });

  it("keeps the session httpOnly and SameSite=Lax", async () => {
    const res = await browser(portal).login(MEMBER);
    const cookie = ([] as string[])
      .concat(res.headers["set-cookie"] ?? [])
      .find((c) => c.startsWith("soskes.sid="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("throttles repeated failures for one account with 429 and the retry time", async () => {
    await createUser(portal.database.db, {
      email: "throttle@demo.soskes.example",
      name: "T",
      password: "Oikea-salasana-9",
    });
    const client = browser(portal);
    for (let i = 0; i < 5; i++)
      expect((await client.login("throttle@demo.soskes.example", "väärä")).status).toBe(401);
    const blocked = await client.login("throttle@demo.soskes.example", "Oikea-salasana-9");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(
      (blocked.body as { error: { name: string; details: { retryAfterSeconds: number } } }).error,
    ).toMatchObject({
      name: "rate_limited",
      details: { retryAfterSeconds: expect.any(Number) as number },
    });
    // Another account from the same place is not locked out by it.
    expect((await browser(portal).login("moderaattori@demo.soskes.example")).status).toBe(200);
  });

  it("ends every session of the user at logout", async () => {
    const laptop = browser(portal);
    const phone = browser(portal);
    await laptop.login("moderaattori@demo.soskes.example");
    await phone.login("moderaattori@demo.soskes.example");
    expect((await phone.get("/api/me")).status).toBe(200);
    expect((await laptop.post("/api/auth/logout")).status).toBe(204);
    expect((await laptop.get("/api/me")).status).toBe(401);
    expect((await phone.get("/api/me")).status).toBe(401);
  });

  it("stops a disabled account's session at once", async () => {
    await createUser(portal.database.db, {
      email: "disabled@demo.soskes.example",
      name: "D",
      password: "Oikea-salasana-9",
    });
    const client = browser(portal);
    expect((await client.login("disabled@demo.soskes.example", "Oikea-salasana-9")).status).toBe(200);
    await portal.database.db
      .updateTable("users")
      .set({ status: "disabled" })
      .where("email", "=", "disabled@demo.soskes.example")
      .execute();
    expect((await client.get("/api/me")).status).toBe(401);
    const again = await browser(portal).login("disabled@demo.soskes.example", "Oikea-salasana-9");
    expect(again.status).toBe(403);
    expect((again.body as { error: { name: string } }).error.name).toBe("account_unavailable");
  });
});

describe("session limits", () => {
  it("ends a session after the absolute limit however active it is", async () => {
    const portal = await startTestPortal("sqlite", { env: { SESSION_ABSOLUTE_HOURS: "1" } });
    try {
      const client = browser(portal);
      expect((await client.login(MEMBER)).status).toBe(200);
      const row = await portal.database.db
        .selectFrom("sessions")
        .select(["sid", "data"])
        .executeTakeFirstOrThrow();
      const data = JSON.parse(row.data) as { loggedInAt: number };
      data.loggedInAt -= 2 * 3_600_000;
      await portal.database.db
        .updateTable("sessions")
        .set({ data: JSON.stringify(data) })
        .where("sid", "=", row.sid)
        .execute();
      expect((await client.get("/api/me")).status).toBe(401);
    } finally {
      await portal.drop();
    }
  });

  it("answers GET /healthz with ok", async () => {
    const portal = await startTestPortal("sqlite");
    try {
      const res = await supertest(portal.server).get("/healthz").expect(200);
      expect(res.body).toEqual({ status: "ok" });
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["x-request-id"]).toBeDefined();
    } finally {
      await portal.drop();
    }
  });
});
