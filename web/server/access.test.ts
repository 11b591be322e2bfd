import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "./openapi.js";
import { browser, startTestPortal, type TestPortal } from "./test/fixtures.js";

/** Generated from the one route table: every route refuses who may not use it, before anything else. */
describe("access to every route", () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal("sqlite");
  });
  afterAll(async () => {
    await portal?.drop();
  });

  const concrete = (path: string) => path.replace("{token}", "x".repeat(40)).replace(/\{\w+\}/g, "1");

  it.each(
    ROUTES.filter((r) => r.access === "member" || r.access === "admin").map(
      (r) => [r.method.toUpperCase(), r.path, r] as const,
    ),
  )("%s %s answers 401 without a session", async (_method, _path, route) => {
    const client = browser(portal);
    const res =
      route.method === "get"
        ? await client.get(concrete(route.path))
        : await client[route.method](concrete(route.path), {});
    // Logout is the one route a visitor may call: it simply ends nothing.
    if (route.path === "/api/auth/logout") expect(res.status).toBe(204);
    else expect(res.status).toBe(401);
  });

  it.each(
    ROUTES.filter((r) => r.access === "admin").map((r) => [r.method.toUpperCase(), r.path, r] as const),
  )("%s %s answers 403 to a member", async (_method, _path, route) => {
    const member = browser(portal);
    await member.login("sosiaalityontekija@demo.soskes.example");
    const res =
      route.method === "get"
        ? await member.get(concrete(route.path))
        : await member[route.method](concrete(route.path), { email: "x@example.org" });
    expect(res.status).toBe(403);
  });

  it("state-changing routes refuse a request without the CSRF header", async () => {
    for (const route of ROUTES.filter((r) => r.method !== "get" && r.path !== "/api/cms/webhook")) {
      const res = await supertest(portal.server)[route.method](concrete(route.path)).send({});
      expect(res.status, route.path).toBe(403);
    }
  });
});
