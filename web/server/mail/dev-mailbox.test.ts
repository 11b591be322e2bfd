import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import express from "express";
import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browser, startTestPortal, type TestPortal } from "../test/fixtures.js";
import { devMailboxRouter } from "./dev-mailbox.js";
import { createTransport } from "./outbox.js";
import { TEMPLATES } from "./templates.js";

describe("development mailbox", () => {
  it("lists the mail the file transport wrote, with its links clickable and text escaped", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "soskes-mailbox-"));
    const content = TEMPLATES["verify-email"]!("fi", {
      name: "<Testi>",
      url: "http://localhost:3000/vahvista?token=abc",
    });
    await createTransport({ dir }).send({
      from: "SosKes <no-reply@soskes.example>",
      to: "uusi@demo.soskes.example",
      messageId: "<outbox-1@soskes>",
      ...content,
    });
    const admin = (_req: express.Request, _res: express.Response, next: express.NextFunction) => {
      _req.user = { id: 1, role: "admin", status: "active" } as Express.User;
      next();
    };
    const app = express().use("/dev/mailbox", admin, devMailboxRouter(dir));
    const res = await supertest(app).get("/dev/mailbox").expect(200);
    expect(res.text).toContain("Vahvista sähköpostiosoitteesi");
    expect(res.text).toContain('<a href="http://localhost:3000/vahvista?token=abc">');
    expect(res.text).toContain("&#60;Testi&#62;");
    expect(res.text).not.toContain("<Testi>");
  });
});

describe("development mailbox in the running portal", () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal("sqlite");
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("is a signed-in portal admin's only: its links would take over accounts", async () => {
    const visitor = browser(portal);
    const refused = await visitor.get("/dev/mailbox");
    expect(refused.status).toBe(401);
    expect(refused.text).not.toContain("token=");
    const member = browser(portal);
    expect((await member.login("sosiaalityontekija@demo.soskes.example")).status).toBe(200);
    // A reset link is waiting in the mailbox: the member still sees none of it.
    await visitor.post("/api/auth/password-reset", { email: "asiantuntija@demo.soskes.example" });
    const forbidden = await member.get("/dev/mailbox");
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).not.toContain("token=");
    for (const path of ["/dev/mailbox/", "/dev/Mailbox", "/DEV/mailbox"])
      expect((await member.get(path)).text, path).not.toContain("token=");
    const admin = browser(portal);
    expect((await admin.login("admin@demo.soskes.example")).status).toBe(200);
    const allowed = await admin.get("/dev/mailbox");
    expect(allowed.status).toBe(200);
    expect(allowed.headers["cache-control"]).toBe("private, no-store");
  });
});
