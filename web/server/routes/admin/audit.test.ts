import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../commands/users.js";
import { DATABASES, browser, eventually, startTestPortal, type TestPortal } from "../../test/fixtures.js";

type Entry = {
  actorId: number | null;
  action: string;
  resourceType: string;
  resourceId: string;
  outcome: string;
};

describe.each(DATABASES)("the audit log of admin routes on %s", (kind) => {
  let portal: TestPortal;
  let admin: ReturnType<typeof browser>;
  let member: ReturnType<typeof browser>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    portal = await startTestPortal(kind);
    admin = browser(portal);
    ids.admin = ((await admin.login("admin@demo.soskes.example")).body as { data: { id: number } }).data.id;
    member = browser(portal);
    ids.member = (
      (await member.login("sosiaalityontekija@demo.soskes.example")).body as { data: { id: number } }
    ).data.id;
    ids.pending = (
      await createUser(portal.database.db, {
        email: "odottaa@audit.example",
        name: "Odottava Käyttäjä",
        status: "pending",
        emailVerified: true,
      })
    ).id;
  });
  afterAll(async () => {
    await portal?.drop();
  });

  const log = async () => ((await admin.get("/api/admin/audit")).body as { data: Entry[] }).data;

  it("records reads of personal data and changes by admins, and refused attempts by others", async () => {
    expect((await admin.get("/api/admin/users")).status).toBe(200);
    expect((await admin.post(`/api/admin/users/${ids.pending}/approve`)).status).toBe(204);
    expect((await member.get("/api/admin/feedback")).status).toBe(403);
    expect((await member.post(`/api/admin/users/${ids.pending}/refuse`)).status).toBe(403);
    const entries = await eventually(log, (es) => es.filter((e) => e.resourceType === "admin").length >= 4);
    const admins = entries.filter((e) => e.resourceType === "admin");
    expect(admins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorId: ids.admin, action: "GET /api/admin/users", outcome: "allowed" }),
        expect.objectContaining({
          actorId: ids.admin,
          action: "POST /api/admin/users/{id}/approve",
          resourceId: String(ids.pending),
          outcome: "allowed",
        }),
        expect.objectContaining({
          actorId: ids.member,
          action: "GET /api/admin/feedback",
          outcome: "denied",
        }),
        expect.objectContaining({
          actorId: ids.member,
          action: "POST /api/admin/users/{id}/refuse",
          resourceId: String(ids.pending),
          outcome: "denied",
        }),
      ]),
    );
  });

  it("records eKollega moderation: adding, removing and banning members, archiving", async () => {
    const staff = browser(portal);
    ids.staff = (
      (await staff.login("moderaattori@demo.soskes.example")).body as { data: { id: number } }
    ).data.id;
    const group = (
      (await staff.post("/api/groups", { name: "Lokitettava ryhmä", visibility: "closed" })).body as {
        data: { id: number };
      }
    ).data.id;
    expect((await staff.post(`/api/groups/${group}/members`, { userId: ids.member })).status).toBe(201);
    expect((await staff.delete(`/api/groups/${group}/members/${ids.member}`)).status).toBe(204);
    expect((await staff.post(`/api/groups/${group}/archive`)).status).toBe(200);
    const entries = await eventually(log, (es) => es.some((e) => e.action === "archive_group"));
    const about = entries.filter((e) => e.resourceType === "group" && e.resourceId.startsWith(String(group)));
    expect(about.map((e) => [e.actorId, e.action, e.resourceId]).reverse()).toEqual([
      [ids.staff, "add_member", `${group}/${ids.member}`],
      [ids.staff, "remove_member", `${group}/${ids.member}`],
      [ids.staff, "archive_group", String(group)],
    ]);
  });

  it("records who read the audit log itself, and nothing for ordinary member routes", async () => {
    await member.get("/api/me");
    await admin.get("/api/admin/audit?format=csv");
    const entries = await eventually(log, (es) => es.some((e) => e.action === "GET /api/admin/audit"));
    expect(entries.some((e) => e.action === "GET /api/admin/audit" && e.actorId === ids.admin)).toBe(true);
    expect(entries.some((e) => e.action.includes("/api/me"))).toBe(false);
  });
});
