import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { freshnessKey, signFreshnessToken, type FreshnessClaim } from "@soskes/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as configModule from "../config/soskes";
import { CMS_DIR, startCms, type TestCms } from "./harness";

const require = createRequire(__filename);
const UNIT = "api::service-unit.service-unit";

let cms: TestCms;
let listener: http.Server;
const hooks: Array<{ event: string; entry: { documentId: string } }> = [];
let key: Buffer;

beforeAll(async () => {
  listener = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      hooks.push(JSON.parse(raw) as (typeof hooks)[number]);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const { port } = listener.address() as AddressInfo;
  cms = await startCms({
    seed: "none",
    env: { CMS_WEBHOOK_URL: `http://127.0.0.1:${port}/api/cms/webhook` },
  });
  const config = (require(path.join(CMS_DIR, "dist/config/soskes.js")) as typeof configModule).soskesConfig();
  key = freshnessKey(config.cms.apiToken);
});
afterAll(async () => {
  await cms?.close();
  listener?.close();
});

const confirm = (token: unknown) => cms.http().post("/api/freshness/confirm").send({ token });

describe("the one-click 'still valid' link", () => {
  let documentId: string;
  let claim: FreshnessClaim;

  beforeAll(async () => {
    const docs = cms.strapi.documents(UNIT);
    const doc = await docs.create({
      data: {
        name: "Tarkistettava yksikkö",
        verifiedAt: "2025-03-14T08:00:00.000Z",
        owner: "omistaja@example.org",
      },
    });
    await docs.publish({ documentId: doc.documentId });
    // An editor's later, unpublished change must stay unpublished.
    await docs.update({ documentId: doc.documentId, data: { openingNote: "Luonnos: ei vielä julki" } });
    documentId = doc.documentId;
    claim = {
      type: "service-unit",
      documentId,
      verifiedAt: "2025-03-14T08:00:00.000Z",
      expiresAt: Date.now() + 86_400_000,
    };
  });

  it("refuses tampered, foreign-key and expired links without touching the record", async () => {
    const token = signFreshnessToken(key, claim);
    const [payload, signature] = token.split(".") as [string, string];
    expect(
      (await confirm(`${payload}.${signature.slice(0, -1)}${signature.endsWith("x") ? "y" : "x"}`)).body,
    ).toMatchObject({
      error: { name: "link_invalid" },
    });
    expect((await confirm(signFreshnessToken(freshnessKey("vieras"), claim))).status).toBe(400);
    expect(
      (await confirm(signFreshnessToken(key, { ...claim, expiresAt: Date.now() - 1 }))).body,
    ).toMatchObject({
      error: { name: "link_expired" },
    });
    expect((await confirm(undefined)).status).toBe(400);
    expect((await confirm(signFreshnessToken(key, { ...claim, documentId: "ei-ole-olemassa" }))).status).toBe(
      404,
    );
    const rows = (await cms.strapi.db
      .query(UNIT)
      .findMany({ where: { documentId }, select: ["verifiedAt"] })) as Array<{
      verifiedAt: string;
    }>;
    for (const r of rows) expect(new Date(r.verifiedAt).toISOString()).toBe("2025-03-14T08:00:00.000Z");
  });

  it("marks the record checked today on its draft and published versions, once; the portal hears of it", async () => {
    const before = Date.now();
    const res = await confirm(signFreshnessToken(key, claim));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ data: { type: "service-unit", documentId } });
    const rows = (await cms.strapi.db.query(UNIT).findMany({
      where: { documentId },
      select: ["verifiedAt", "publishedAt", "openingNote"],
    })) as Array<{ verifiedAt: string; publishedAt: string | null; openingNote: string | null }>;
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(new Date(r.verifiedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(rows.find((r) => r.publishedAt !== null)?.openingNote ?? null).toBeNull();
    expect(rows.find((r) => r.publishedAt === null)?.openingNote).toBe("Luonnos: ei vielä julki");
    // Single use: the record's verifiedAt moved on, so the same link is spent.
    expect((await confirm(signFreshnessToken(key, claim))).body).toMatchObject({
      error: { name: "link_used" },
    });
    const until = Date.now() + 5000;
    while (!hooks.some((h) => h.entry?.documentId === documentId) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    expect(hooks.some((h) => h.event === "entry.update" && h.entry.documentId === documentId)).toBe(true);
  });
});
