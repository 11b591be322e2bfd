import { request, newClientId } from "@soskes/chat/client";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEMPLATES } from "./mail/templates.js";
import {
  browser,
  signedIn,
  startTestPortal,
  storedState,
  stubContent,
  stubUnit,
  type TestPortal,
} from "./test/fixtures.js";
import { codeOf, connected, socketFor } from "./test/sockets.js";

/**
 * What an ordinary account would try against the running portal: each attack is refused and
 * leaves nothing stored. (The henkilötunnus guard, the link check's SSRF guard and search
 * suggestions have their own suites: hetu-guard.test.ts, maintenance.test.ts, search.)
 */
const PASSWORD = "Testi-salasana-42";

describe("doors a hostile insider would try", () => {
  let portal: TestPortal;
  const sockets: Socket[] = [];
  const account = (key: string, role: "member" | "moderator" | "admin" | "expert" = "member") =>
    signedIn(portal, `${key}@insider.example`, role, PASSWORD);

  beforeAll(async () => {
    // A directory of two units: admins place members in them (conflict of interest compares those).
    const content = stubContent({
      "service-units": [
        stubUnit({ documentId: "unit-saarijarvi", name: "Saarijärven sosiaalipalvelut" }),
        stubUnit({ documentId: "unit-jyvaskyla", name: "Jyväskylän vammaispalvelut" }),
      ],
    });
    portal = await startTestPortal("sqlite", { env: { SOCKETS_PER_MEMBER: "3" }, content });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await portal?.drop();
  });

  it("spends every older reset link when the password is reset or changed", async () => {
    const user = await account("reset");
    const visitor = browser(portal);
    const tokenOf = async () => {
      const before = portal.mailbox.length;
      expect((await visitor.post("/api/auth/password-reset", { email: user.email })).status).toBe(202);
      for (let i = 0; i < 100 && portal.mailbox.length === before; i++)
        await new Promise((r) => setTimeout(r, 30));
      return new URL(portal.mailbox.at(-1)!.text.match(/https?:\/\/\S+/)![0]).searchParams.get("token")!;
    };
    const older = await tokenOf();
    const newer = await tokenOf();
    const confirm = (token: string, password: string) =>
      visitor.post("/api/auth/password-reset/confirm", { token, password });
    expect((await confirm(newer, "Uusi-salasana-123")).status).toBe(200);
    const stale = await confirm(older, "Hyokkaajan-salasana-1");
    expect(stale.status).toBe(400);
    expect(stale.body).toMatchObject({ error: { name: "invalid_token" } });

    // Changing the password (signed in) spends them too.
    const leaked = await tokenOf();
    const web = browser(portal);
    expect((await web.login(user.email, "Uusi-salasana-123")).status).toBe(200);
    expect(
      (
        await web.post("/api/me/password", {
          currentPassword: "Uusi-salasana-123",
          newPassword: "Kolmas-salasana-456",
        })
      ).status,
    ).toBeLessThan(300);
    expect((await confirm(leaked, "Hyokkaajan-salasana-1")).status).toBe(400);
    expect((await browser(portal).login(user.email, "Kolmas-salasana-456")).status).toBe(200);
  });

  it("counts guesses sent at the same moment: at most five are checked, the right password then waits", async () => {
    const user = await account("guessed");
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => browser(portal).login(user.email, `Vaara-salasana-${i}`)),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    expect((await browser(portal).login(user.email, PASSWORD)).status).toBe(429);
  });

  it("serves admin routes only at their exact path, and audits what it serves", async () => {
    const admin = await account("auditing", "admin");
    const audited = async () =>
      (
        await portal.database.db
          .selectFrom("audit_log")
          .select(portal.database.db.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    for (const path of [
      "/api/admin/users/",
      "/api/Admin/users",
      "/api/admin/Users",
      "/API/admin/users",
      "/api/admin/users//",
      "/api/admin/audit/",
      "/api/admin/usage/",
    ]) {
      const before = Number(await audited());
      const res = await admin.web.get(path);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body), path).not.toContain("@insider.example");
      expect(Number(await audited()), path).toBe(before);
    }
    const before = Number(await audited());
    expect((await admin.web.get("/api/admin/users?status=active")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(Number(await audited())).toBe(before + 1);
  });

  it("a proposal manages no members and mails no one; invitations answer alike for any address", async () => {
    const proposer = await account("proposer");
    const target = await account("target");
    const proposal = await proposer.web.post("/api/groups", { name: "Ehdotus vain", visibility: "closed" });
    expect(proposal.status).toBe(201);
    const id = (proposal.body as { data: { id: number; status: string } }).data.id;
    const before = await storedState(portal);
    const mails = portal.mailbox.length;
    for (const [method, path, body] of [
      ["post", `/api/groups/${id}/members`, { email: target.email }],
      ["post", `/api/groups/${id}/members`, { email: "ei-tunnusta@insider.example" }],
      ["post", `/api/groups/${id}/members`, { userId: target.id }],
      ["post", `/api/groups/${id}/members`, { userId: target.id, role: "moderator" }],
      ["patch", `/api/groups/${id}/members/${target.id}`, { role: "moderator" }],
      ["delete", `/api/groups/${id}/members/${target.id}?ban=1`, undefined],
    ] as const) {
      const res = await proposer.web[method](path, body);
      expect(res.status, `${method} ${path}`).toBe(409);
      expect(res.body).toMatchObject({ error: { name: "group_not_active" } });
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(await storedState(portal)).toBe(before);
    expect(portal.mailbox.length).toBe(mails);

    // Approved, the group's moderator invites: an address with or without an account, same answer.
    const staff = await account("approver", "moderator");
    expect((await staff.web.post(`/api/groups/${id}/approve`)).status).toBe(200);
    const known = await proposer.web.post(`/api/groups/${id}/members`, { email: target.email });
    const unknown = await proposer.web.post(`/api/groups/${id}/members`, {
      email: "ei-tunnusta@insider.example",
    });
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);
    expect(known.body).toEqual({ data: { invited: true } });
  });

  it("no e-mail subject carries anything a person wrote", () => {
    for (const [name, template] of Object.entries(TEMPLATES)) {
      const data = new Proxy(
        {},
        {
          get: (_t, key) => (typeof key === "string" ? `WRITTEN-${key}` : undefined),
        },
      );
      for (const lang of ["fi", "sv", "en"] as const) {
        const { subject } = template(lang, data);
        // Figures the system computes (a count, a date) may stand in a subject; nothing else.
        const leaked = subject.match(/WRITTEN-(\w+)/g) ?? [];
        expect(
          leaked.filter((w) => !["WRITTEN-count", "WRITTEN-due"].includes(w)),
          `${name} ${lang}`,
        ).toEqual([]);
      }
    }
  });

  it("limits one member's sockets, and counts unknown events against the rate limit", async () => {
    const user = await account("sockets");
    const open = () => {
      const s = socketFor(portal.url, user.web.sessionCookie());
      sockets.push(s);
      return s;
    };
    const first = open();
    await connected(first);
    await connected(open());
    await connected(open());
    const fourth = open();
    const refusal = await connected(fourth).then(
      () => "connected",
      (err: Error & { data?: { code: string; message: string } }) => err.data,
    );
    expect(refusal).toMatchObject({ code: "too_many_connections" });
    expect((refusal as { message: string }).message).toContain("avointa yhteyttä");
    fourth.disconnect();

    const codes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => codeOf(request(first, `keksitty:${i}`, {}))),
    );
    expect(codes.filter((c) => c === "rate_limited").length).toBeGreaterThan(0);
    // The limit holds for real events too: the member is slowed down, not the server.
    expect(
      await codeOf(request(first, "message:create", { groupId: 1, clientId: newClientId(), body: "x" })),
    ).toBe("rate_limited");
  });

  it("conflict of interest follows the unit an admin chose, whatever the expert writes in their profile", async () => {
    const admin = await account("unitadmin", "admin");
    const requester = await account("asker");
    const expert = await account("colleague", "expert");
    // Only admins place people in units, and only in units of the directory.
    expect(
      (await expert.web.put(`/api/admin/users/${expert.id}/unit`, { unitId: "unit-jyvaskyla" })).status,
    ).toBe(403);
    const unknown = await admin.web.put(`/api/admin/users/${expert.id}/unit`, { unitId: "ei-ole" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { details: { fields: { unitId: "unknown_unit" } } } });
    for (const who of [requester, expert]) {
      const placed = await admin.web.put(`/api/admin/users/${who.id}/unit`, { unitId: "unit-saarijarvi" });
      expect(placed.status).toBe(200);
      expect(placed.body).toEqual({
        data: { id: who.id, orgUnit: { id: "unit-saarijarvi", name: "Saarijärven sosiaalipalvelut" } },
      });
    }
    const panel = await admin.web.post("/api/panels", {
      serviceArea: "eturistiriita-testi",
      name: "Vammaispalvelujen paneeli",
    });
    const panelId = (panel.body as { data: { id: number } }).data.id;
    expect((await admin.web.post(`/api/panels/${panelId}/members`, { userId: expert.id })).status).toBe(204);
    // The expert writes another unit in their profile: that changes nothing.
    expect((await expert.web.patch("/api/me", { unit: "Aivan toinen yksikkö" })).status).toBe(200);
    const asked = await requester.web.post("/api/consultations", {
      serviceArea: "eturistiriita-testi",
      topic: "Henkilökohtainen apu",
      question: "Miten henkilökohtaisen avun tuntimäärä arvioidaan, kun tarve vaihtelee viikoittain?",
      anonymised: true,
    });
    expect(asked.status).toBe(201);
    const id = (asked.body as { data: { id: number } }).data.id;
    const inbox = (await expert.web.get("/api/consultations?scope=inbox")).body as {
      data: Array<{ id: number }>;
    };
    expect(inbox.data.map((c) => c.id)).not.toContain(id);
    expect((await expert.web.get(`/api/consultations/${id}`)).status).toBe(404);
    expect((await expert.web.post(`/api/consultations/${id}/claim`)).status).toBe(404);
    // Placed elsewhere by the admin, the same expert may take it.
    expect(
      (await admin.web.put(`/api/admin/users/${expert.id}/unit`, { unitId: "unit-jyvaskyla" })).status,
    ).toBe(200);
    expect((await expert.web.post(`/api/consultations/${id}/claim`)).status).toBe(200);
  });
});
