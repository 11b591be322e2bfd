import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import express from "express";
import supertest from "supertest";
import { describe, expect, it } from "vitest";
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
    const app = express().use("/dev/mailbox", devMailboxRouter(dir));
    const res = await supertest(app).get("/dev/mailbox").expect(200);
    expect(res.text).toContain("Vahvista sähköpostiosoitteesi");
    expect(res.text).toContain('<a href="http://localhost:3000/vahvista?token=abc">');
    expect(res.text).toContain("&#60;Testi&#62;");
    expect(res.text).not.toContain("<Testi>");
  });
});
