import supertest from "supertest";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "./openapi.js";
import { LoginSchema } from "./routes/auth/schema.js";
import { browser, startTestPortal, type TestPortal } from "./test/fixtures.js";

describe("OpenAPI description", () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal("sqlite");
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("is served at /api/openapi.json with the schemas the routes validate with", async () => {
    const res = await supertest(portal.server).get("/api/openapi.json").expect(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/auth/login"]!.post!.requestBody!.content["application/json"]!.schema).toEqual(
      z.toJSONSchema(LoginSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/directory/units", "/api/statutes/{number}", "/api/people"]),
    );
  });

  it("describes only routes that exist", async () => {
    const member = browser(portal);
    await member.login("admin@demo.soskes.example");
    expect(((await member.get("/api/ei-tallaista")).body as { error: { name: string } }).error.name).toBe(
      "unknown_route",
    );
    for (const route of ROUTES.filter((r) => r.method === "get" && !r.path.includes("oidc"))) {
      const path = route.path.replace("{token}", "x".repeat(40)).replace(/\{\w+\}/g, "ei-ole");
      const res = await member.get(path);
      // Content routes answer 503 here (no CMS in this test); what matters is that the route exists.
      expect(
        (res.body as { error?: { name?: string } }).error?.name,
        `${route.path}: ${res.status}`,
      ).not.toBe("unknown_route");
    }
  });
});
