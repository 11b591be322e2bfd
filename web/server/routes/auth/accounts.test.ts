import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, browser, startTestPortal, type TestPortal } from "../../test/fixtures.js";

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
type ErrorBody = { error: { name: string; message: string; details: { fields?: Record<string, string> } } };

describe.each(DATABASES)("registration, verification, reset and approval on %s", (kind) => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal(kind, {
      env: { ORG_EMAIL_DOMAINS: "hyvaks.example,demo.soskes.example" },
    });
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("registers an organisation address, verifies it by the e-mailed link, and logs in", async () => {
    const client = browser(portal);
    const bad = await client.post("/api/auth/register", {
      email: "not-an-email",
      name: "",
      password: "short",
    });
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).error.details.fields).toMatchObject({
      email: "email",
      name: "required",
      password: "password_too_short",
    });

    const res = await client.post("/api/auth/register", {
      email: "Uusi.Tyontekija@hyvaks.example",
      name: "Uusi Työntekijä",
      password: "Pitka-salasana-1",
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ data: { next: "verify_email" } });
    expect((await client.login("uusi.tyontekija@hyvaks.example", "Pitka-salasana-1")).status).toBe(403);

    const link = await portal.linkFor("uusi.tyontekija@hyvaks.example", "/vahvista?token=");
    expect(link.startsWith(portal.config.portal.publicUrl)).toBe(true);
    expect((await client.post("/api/auth/verify", { token: tokenOf(link) })).status).toBe(200);
    const reused = await client.post("/api/auth/verify", { token: tokenOf(link) });
    expect(reused.status).toBe(400);
    expect((reused.body as ErrorBody).error.name).toBe("invalid_token");
    expect((await client.login("uusi.tyontekija@hyvaks.example", "Pitka-salasana-1")).status).toBe(200);
  });

  it("answers a registration for an existing address exactly like a new one, and tells the owner", async () => {
    const fresh = await browser(portal).post("/api/auth/register", {
      email: "toinen@hyvaks.example",
      name: "Toinen",
      password: "Pitka-salasana-1",
    });
    const existing = await browser(portal).post("/api/auth/register", {
      email: "sosiaalityontekija@demo.soskes.example",
      name: "Joku Muu",
      password: "Pitka-salasana-1",
    });
    expect(existing.status).toBe(fresh.status);
    expect(existing.body).toEqual(fresh.body);
    await portal.linkFor("sosiaalityontekija@demo.soskes.example", "/salasana");
  });

  it("turns an outside address into an access request that an admin approves or refuses", async () => {
    const res = await browser(portal).post("/api/auth/register", {
      email: "ulkopuolinen@example.org",
      name: "Ulla Ulkopuolinen",
      password: "Pitka-salasana-1",
      organisation: "Yhdistys ry",
    });
    expect(res.body).toEqual({ data: { next: "await_approval" } });
    await browser(portal).post("/api/auth/register", {
      email: "hylatty@example.org",
      name: "Hylätty",
      password: "Pitka-salasana-1",
    });
    const login = await browser(portal).login("ulkopuolinen@example.org", "Pitka-salasana-1");
    expect(login.status).toBe(403);
    expect((login.body as ErrorBody).error.name).toBe("account_unavailable");

    const anonymous = browser(portal);
    expect((await anonymous.get("/api/admin/users")).status).toBe(401);
    const member = browser(portal);
    await member.login("sosiaalityontekija@demo.soskes.example");
    expect((await member.get("/api/admin/users")).status).toBe(403);

    const admin = browser(portal);
    await admin.login("admin@demo.soskes.example");
    expect((await admin.get("/api/admin/users?status=kaikki")).status).toBe(400);
    const pending = (await admin.get("/api/admin/users?status=pending")).body as {
      data: Array<{ id: number; email: string; organisation: string }>;
    };
    const ulla = pending.data.find((u) => u.email === "ulkopuolinen@example.org")!;
    expect(ulla.organisation).toBe("Yhdistys ry");
    const hylatty = pending.data.find((u) => u.email === "hylatty@example.org")!;
    expect((await member.post(`/api/admin/users/${ulla.id}/approve`)).status).toBe(403);
    expect((await admin.post(`/api/admin/users/${ulla.id}/approve`)).status).toBe(204);
    expect((await admin.post(`/api/admin/users/${hylatty.id}/refuse`)).status).toBe(204);
    expect((await admin.post(`/api/admin/users/${hylatty.id}/refuse`)).status).toBe(404);
    await portal.linkFor("ulkopuolinen@example.org", "/kirjaudu");
    expect(
      portal.mailbox.some((m) => m.to === "hylatty@example.org" && m.subject === "Käyttöoikeuspyyntösi"),
    ).toBe(true);
    expect((await browser(portal).login("ulkopuolinen@example.org", "Pitka-salasana-1")).status).toBe(200);
    expect((await browser(portal).login("hylatty@example.org", "Pitka-salasana-1")).status).toBe(401);
  });

  it("invites by e-mail; the invitee sets a name and password", async () => {
    const admin = browser(portal);
    await admin.login("admin@demo.soskes.example");
    expect(
      (await admin.post("/api/admin/invitations", { email: "kutsuttu@example.org", role: "expert" })).status,
    ).toBe(201);
    expect((await admin.post("/api/admin/invitations", { email: "kutsuttu@example.org" })).status).toBe(409);
    const link = await portal.linkFor("kutsuttu@example.org", "/kutsu?token=");
    const client = browser(portal);
    expect(
      (
        await client.post("/api/auth/invitation/accept", {
          token: tokenOf(link),
          name: "Kutsuttu Asiantuntija",
          password: "Pitka-salasana-2",
        })
      ).status,
    ).toBe(200);
    const login = await client.login("kutsuttu@example.org", "Pitka-salasana-2");
    expect((login.body as { data: { role: string; name: string } }).data).toMatchObject({
      role: "expert",
      name: "Kutsuttu Asiantuntija",
    });
  });

  it("resets a password by a single-use link that ends every session", async () => {
    const laptop = browser(portal);
    await laptop.login("moderaattori@demo.soskes.example");
    const unknown = await browser(portal).post("/api/auth/password-reset", {
      email: "ei-tunnusta@example.org",
    });
    const known = await browser(portal).post("/api/auth/password-reset", {
      email: "moderaattori@demo.soskes.example",
    });
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const token = tokenOf(await portal.linkFor("moderaattori@demo.soskes.example", "/salasana/uusi?token="));
    const client = browser(portal);
    expect(
      (await client.post("/api/auth/password-reset/confirm", { token, password: "Uusi-salasana-123" }))
        .status,
    ).toBe(200);
    expect((await laptop.get("/api/me")).status).toBe(401);
    expect(
      (await client.post("/api/auth/password-reset/confirm", { token, password: "Toinen-salasana-123" }))
        .status,
    ).toBe(400);
    expect((await client.login("moderaattori@demo.soskes.example", "Uusi-salasana-123")).status).toBe(200);
  });

  it("refuses an expired reset link", async () => {
    await browser(portal).post("/api/auth/password-reset", { email: "asiantuntija@demo.soskes.example" });
    const token = tokenOf(await portal.linkFor("asiantuntija@demo.soskes.example", "/salasana/uusi?token="));
    await portal.database.db
      .updateTable("auth_tokens")
      .set({ expires_at: Date.now() - 1 })
      .where("kind", "=", "reset")
      .where("used_at", "is", null)
      .execute();
    const res = await browser(portal).post("/api/auth/password-reset/confirm", {
      token,
      password: "Uusi-salasana-123",
    });
    expect((res.body as ErrorBody).error.name).toBe("invalid_token");
  });

  it("changes the password and ends the user's other sessions, keeping this one", async () => {
    const here = browser(portal);
    const there = browser(portal);
    await here.login("yllapitaja.laukaa@demo.soskes.example");
    await there.login("yllapitaja.laukaa@demo.soskes.example");
    const wrong = await here.post("/api/me/password", {
      currentPassword: "väärä",
      newPassword: "Uusi-salasana-456",
    });
    expect((wrong.body as ErrorBody).error.name).toBe("wrong_password");
    expect(
      (
        await here.post("/api/me/password", {
          currentPassword: "Testi-salasana-42",
          newPassword: "Uusi-salasana-456",
        })
      ).status,
    ).toBe(200);
    expect((await here.get("/api/me")).status).toBe(200);
    expect((await there.get("/api/me")).status).toBe(401);
  });
});
