import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../commands/users.js";
import type { Snapshot } from "../../content/content-service.js";
import { browser, startTestPortal, type TestPortal } from "../../test/fixtures.js";
import { maintenanceReport } from "../../content/maintenance-report.js";
import { checkLink, runLinkCheck } from "../../jobs/link-check.js";

const PASSWORD = "Testi-salasana-42";
const NOW = Date.parse("2026-11-23T10:00:00Z");
const DAY = 86_400_000;
const iso = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();

/**
 * A site standing in for the internet, on the loopback alias 127.0.0.2 (which these tests, and
 * only they, tell the guarded client to treat as public): it answers 200, 404, 405 to HEAD (200
 * to GET), never answers, and redirects. And a service inside the installation, on 127.0.0.1,
 * that must never be reached.
 */
const PUBLIC = "127.0.0.2";
let site: http.Server;
let base: string;
let internal: http.Server;
let internalBase: string;
let internalHits = 0;
let net: { ports: number[]; allowAddresses: string[] };
beforeAll(async () => {
  internal = http.createServer((_req, res) => {
    internalHits += 1;
    res.writeHead(200).end("internal admin");
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  internalBase = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
  site = http.createServer((req, res) => {
    if (req.url === "/ok") return res.writeHead(200).end("ok");
    if (req.url === "/missing") return res.writeHead(404).end();
    if (req.url === "/get-only") return res.writeHead(req.method === "HEAD" ? 405 : 200).end();
    if (req.url === "/to-inside") return res.writeHead(302, { Location: `${internalBase}/admin` }).end();
    if (req.url === "/to-localhost")
      return res.writeHead(301, { Location: `http://localhost:${internalPort()}/admin` }).end();
    if (req.url === "/to-ok") return res.writeHead(302, { Location: "/ok" }).end();
    if (req.url === "/loop") return res.writeHead(302, { Location: "/loop" }).end();
    // /slow: never answers.
  });
  await new Promise<void>((resolve) => site.listen(0, PUBLIC, resolve));
  const port = (site.address() as AddressInfo).port;
  base = `http://${PUBLIC}:${port}`;
  net = { ports: [port, internalPort()], allowAddresses: [PUBLIC] };
});
const internalPort = () => (internal.address() as AddressInfo).port;
afterAll(() => {
  for (const server of [site, internal]) {
    server.closeAllConnections();
    server.close();
  }
});

const unit = (id: string, values: Record<string, unknown> = {}) => ({
  documentId: id,
  name: `Yksikkö ${id}`,
  nameSv: `Enhet ${id}`,
  website: null,
  alwaysOpen: false,
  phones: [{ number: "014 0000 000" }],
  openingHours: [{ fromDay: "mon", toDay: "fri", opens: "08:00", closes: "16:00" }],
  visitingAddress: { street: "Kauppakatu 1" },
  municipality: { code: "410" },
  municipalities: [{ code: "410" }],
  serviceAreas: [{ slug: "lastensuojelu", name: "Lastensuojelu" }],
  contactPersons: [],
  verifiedAt: iso(10),
  reviewIntervalMonths: 12,
  ...values,
});

const snapshot = () =>
  ({
    units: [
      unit("fresh"),
      unit("due", { verifiedAt: iso(360) }),
      unit("overdue", { verifiedAt: iso(400), phones: [], nameSv: null }),
      unit("broken", { website: `${base}/missing` }),
      unit("jyvaskyla", {
        municipality: { code: "179" },
        municipalities: [{ code: "179" }],
        verifiedAt: iso(500),
      }),
      unit("aikuis", { serviceAreas: [{ slug: "aikuissosiaalityo", name: "Aikuissosiaalityö" }] }),
    ],
    pages: [
      {
        documentId: "p1",
        locale: "fi",
        title: "Laukaan ohje",
        summary: null,
        municipality: { code: "410" },
        serviceAreas: [{ slug: "lastensuojelu" }],
        links: [{ label: "Ohje", url: `${base}/ok` }],
        verifiedAt: iso(10),
      },
    ],
    links: [
      {
        documentId: "l1",
        locale: "fi",
        title: "Hidas sivusto",
        url: `${base}/slow`,
        municipality: { code: "410" },
        serviceAreas: [{ slug: "lastensuojelu" }],
      },
    ],
    statutes: [],
  }) as unknown as Snapshot;

describe("the link check", () => {
  it("tells working, missing, HEAD-refusing and silent addresses apart", async () => {
    expect(await checkLink(`${base}/ok`, 500, net)).toEqual({ ok: true, status: 200, error: null });
    expect(await checkLink(`${base}/missing`, 500, net)).toEqual({ ok: false, status: 404, error: null });
    expect(await checkLink(`${base}/get-only`, 500, net)).toEqual({ ok: true, status: 200, error: null });
    expect(await checkLink(`${base}/to-ok`, 500, net)).toEqual({ ok: true, status: 200, error: null });
    expect(await checkLink(`${base}/slow`, 300, net)).toEqual({ ok: false, status: null, error: "timeout" });
    expect(await checkLink(`http://${PUBLIC}:9/none`, 500, { ...net, ports: [9] })).toMatchObject({
      ok: false,
      error: "unreachable",
    });
  });

  it("never reaches the installation's own network, directly, by name or through a redirect", async () => {
    const refused = { ok: false, status: null, error: "internal_address" };
    const port = internalPort();
    for (const url of [
      `${internalBase}/admin`,
      `http://localhost:${port}/admin`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`,
      `http://0.0.0.0:${port}/`,
      `http://2130706433:${port}/`,
      `http://0x7f.1:${port}/`,
      "http://10.0.0.1/",
      "http://172.16.5.4/",
      "http://192.168.1.1/",
      "http://100.64.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[fe80::1]/",
      "http://[fc00::1]/",
      "http://[fd12:3456::1]/",
      "http://224.0.0.1/",
      "http://255.255.255.255/",
      "http://198.18.0.1/",
      "http://[64:ff9b::a00:1]/",
      "http://[2002:7f00:1::1]/",
      `${base}/to-inside`,
      `${base}/to-localhost`,
      // Ports other than the configured ones, and redirect loops, are not followed either.
      `http://${PUBLIC}:22/`,
      `${base}/loop`,
    ])
      expect(await checkLink(url, 1000, net), url).toEqual(refused);
    expect(internalHits).toBe(0);
  });
});

describe("the maintainer dashboard", () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal("sqlite");
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("checks each address once a day and remembers the answers", async () => {
    const deps = { db: portal.database.db, logger: pino({ level: "silent" }) };
    const first = await runLinkCheck(deps, snapshot(), { now: NOW, timeoutMs: 300, net });
    expect(first).toEqual({ checked: 3, broken: 2 });
    expect(await runLinkCheck(deps, snapshot(), { now: NOW + 3600_000, timeoutMs: 300, net })).toEqual({
      checked: 0,
      broken: 0,
    });
    const rows = await portal.database.db
      .selectFrom("link_checks")
      .select(["url", "ok", "status", "error"])
      .orderBy("url")
      .execute();
    expect(rows).toEqual([
      { url: `${base}/missing`, ok: 0, status: 404, error: null },
      { url: `${base}/ok`, ok: 1, status: 200, error: null },
      { url: `${base}/slow`, ok: 0, status: null, error: "timeout" },
    ]);
  });

  it("counts match the data: due, overdue, incomplete and broken links, per municipality and service area", async () => {
    const checks = new Map(
      (await portal.database.db.selectFrom("link_checks").selectAll().execute()).map((c) => [c.url, c]),
    );
    const report = maintenanceReport(
      snapshot(),
      checks,
      { municipality: "410", serviceArea: "lastensuojelu" },
      {
        now: NOW,
        cmsPublicUrl: "https://cms.example",
      },
    );
    expect(report.summary).toEqual({
      records: 5,
      fresh: 3,
      due: 1,
      overdue: 1,
      incomplete: 2,
      brokenLinks: 2,
    });
    const byId = new Map(report.records.map((r) => [r.documentId, r]));
    expect(byId.get("overdue")).toMatchObject({ status: "overdue", missing: ["phone", "name_sv"] });
    expect(byId.get("due")).toMatchObject({ status: "due" });
    expect(byId.get("broken")?.brokenLinks).toEqual([{ url: `${base}/missing`, status: 404, error: null }]);
    expect(byId.get("l1")?.brokenLinks).toEqual([{ url: `${base}/slow`, status: null, error: "timeout" }]);
    expect(byId.get("p1")).toMatchObject({ missing: ["summary", "swedish"] });
    expect(byId.has("fresh")).toBe(false);
    expect(byId.has("jyvaskyla")).toBe(false);
    expect(byId.has("aikuis")).toBe(false);
    expect(byId.get("overdue")?.editUrl).toBe(
      "https://cms.example/admin/content-manager/collection-types/api::service-unit.service-unit/overdue",
    );
    // The whole region for admins.
    const region = maintenanceReport(
      snapshot(),
      checks,
      { municipality: "", serviceArea: "" },
      {
        now: NOW,
        cmsPublicUrl: "https://cms.example",
      },
    );
    expect(region.summary.records).toBe(7);
    expect(region.summary.overdue).toBe(2);
  });

  it("is for maintainers of the municipality and for admins", async () => {
    const as = async (email: string, values: { maintains?: string[]; role?: "member" | "admin" }) => {
      await createUser(portal.database.db, {
        email,
        name: email,
        password: PASSWORD,
        emailVerified: true,
        ...values,
      });
      const b = browser(portal);
      expect((await b.login(email, PASSWORD)).status).toBe(200);
      return b;
    };
    const member = await as("jasen@example.org", {});
    const laukaa = await as("yllapitaja@example.org", { maintains: ["410"] });
    const admin = await as("paakayttaja@example.org", { role: "admin" });
    expect((await member.get("/api/maintenance")).status).toBe(403);
    expect((await laukaa.get("/api/maintenance?municipality=179")).status).toBe(403);
    // The CMS is not running in this suite: the dashboard answers like every content route.
    expect([200, 503]).toContain((await laukaa.get("/api/maintenance")).status);
    expect([200, 503]).toContain((await admin.get("/api/maintenance?municipality=179")).status);
    expect((await admin.get("/api/maintenance?municipality=41")).status).toBe(400);
  });
});
