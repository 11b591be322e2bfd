import { freshnessKey, signFreshnessToken } from "@soskes/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestCms } from "../../../../cms/tests/harness.js";
import type { Snapshot } from "../../content/content-service.js";
import { startPortalWithCms } from "../../test/cms.js";
import { browser, type TestPortal } from "../../test/fixtures.js";
import { runFreshnessReminders } from "../../jobs/freshness-reminders.js";
import { dueOn, freshnessRecords } from "../../content/freshness.js";

const DAY = 86_400_000;

describe("when a check falls due", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");
  const unit = (documentId: string, verifiedAt: string | null, reviewIntervalMonths?: number) => ({
    documentId,
    name: documentId,
    owner: "omistaja@example.org",
    verifiedAt,
    reviewIntervalMonths,
    municipality: { code: "410" },
    contactPersons: [],
  });

  it("adds the record's interval (12 months by default) to its last check; a record never checked is due today", () => {
    expect(dueOn({ verifiedAt: "2025-11-30T08:00:00Z" }, now)).toBe("2026-11-30");
    expect(dueOn({ verifiedAt: "2026-05-23T08:00:00Z", reviewIntervalMonths: 6 }, now)).toBe("2026-11-23");
    expect(dueOn({ verifiedAt: null }, now)).toBe("2026-11-23");
  });

  it("lists units, their contact persons once, and Finnish pages, with overdue marked", () => {
    const snapshot = {
      units: [
        { ...unit("fresh", "2026-10-01T08:00:00Z"), contactPersons: [{ ...unit("p1", null), name: "Pia" }] },
        { ...unit("late", "2025-01-01T08:00:00Z"), contactPersons: [{ ...unit("p1", null), name: "Pia" }] },
      ],
      pages: [
        {
          documentId: "g",
          locale: "fi",
          title: "Ohje",
          verifiedAt: "2025-12-01T08:00:00Z",
          municipality: null,
        },
        {
          documentId: "g",
          locale: "sv",
          title: "Anvisning",
          verifiedAt: "2025-12-01T08:00:00Z",
          municipality: null,
        },
      ],
    } as unknown as Snapshot;
    const records = freshnessRecords(snapshot, now);
    expect(records.map((r) => [r.type, r.documentId, r.dueOn, r.overdue])).toEqual([
      ["service-unit", "fresh", "2027-10-01", false],
      ["contact-person", "p1", "2026-11-23", false],
      ["service-unit", "late", "2026-01-01", true],
      ["page", "g", "2026-12-01", false],
    ]);
  });
});

describe("freshness reminders and the one-click link, with Strapi", () => {
  let cms: TestCms;
  let portal: TestPortal;
  let link: string;

  beforeAll(async () => {
    ({ cms, portal } = await startPortalWithCms());
  });
  afterAll(async () => {
    await portal?.drop();
    await cms?.close();
  });

  it("e-mails each owner once per due date, with a link per record falling due within 14 days", async () => {
    // The portal sends the first reminders itself at start; whichever run is first claims them.
    await runFreshnessReminders(portal.services);
    // Run again (another node, the next tick): nobody hears twice about the same due date.
    expect(await runFreshnessReminders(portal.services)).toEqual({ owners: 0, records: 0 });
    const claimed = await portal.database.db.selectFrom("freshness_reminders").select(["owner"]).execute();
    expect(claimed.length).toBeGreaterThan(0);
    const owners = new Set(claimed.map((c) => c.owner)).size;
    const mails = await (async () => {
      for (let i = 0; i < 100; i++) {
        const found = portal.mailbox.filter((m) => m.subject.startsWith("Tarkista ylläpitämäsi tiedot"));
        if (found.length >= owners) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      return [];
    })();
    expect(mails).toHaveLength(owners);
    expect(new Set(mails.map((m) => m.to)).size).toBe(owners);
    const laukaa = mails.find((m) => m.to === "yllapitaja.laukaa@demo.soskes.example");
    expect(laukaa).toBeDefined();
    const { data } = await portal.services.content.current();
    const horizon = Date.now() + 14 * DAY;
    const dueForLaukaa = freshnessRecords(data, Date.now()).filter(
      (r) => r.owner === "yllapitaja.laukaa@demo.soskes.example" && Date.parse(r.dueOn) <= horizon,
    );
    expect(laukaa!.text.match(/\/tarkistettu\?t=/g)?.length).toBe(dueForLaukaa.length);
    link = laukaa!.text.match(/https?:\/\/\S+\/tarkistettu\?t=\S+/)![0];
  });

  it("shows what the link is about, confirms it once, and the portal shows the new date", async () => {
    const visitor = browser(portal);
    const token = new URL(link).searchParams.get("t")!;
    const check = await visitor.get(`/api/freshness/check?t=${encodeURIComponent(token)}`);
    expect(check.status).toBe(200);
    const about = (check.body as { data: { type: string; name: string; spent: boolean } }).data;
    expect(about.spent).toBe(false);

    const before = Date.now();
    const confirmed = await visitor.post("/api/freshness/confirm", { token });
    expect(confirmed.status).toBe(200);
    expect(
      Date.parse((confirmed.body as { data: { verifiedAt: string } }).data.verifiedAt),
    ).toBeGreaterThanOrEqual(before - 1000);
    const again = await visitor.post("/api/freshness/confirm", { token });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { name: "link_used" } });
    expect(
      (
        (await visitor.get(`/api/freshness/check?t=${encodeURIComponent(token)}`)).body as {
          data: { spent: boolean };
        }
      ).data.spent,
    ).toBe(true);
    // The record is no longer due: it is not in the next reminders.
    const { data } = await portal.services.content.current();
    const record = freshnessRecords(data, Date.now()).find((r) => r.name === about.name)!;
    expect(Date.parse(record.verifiedAt!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("refuses tampered and expired links", async () => {
    const visitor = browser(portal);
    const token = new URL(link).searchParams.get("t")!;
    const [payload, signature] = token.split(".") as [string, string];
    const tampered = await visitor.post("/api/freshness/confirm", {
      token: `${payload}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`,
    });
    expect(tampered.status).toBe(400);
    expect(tampered.body).toMatchObject({ error: { name: "link_invalid" } });
    const expired = signFreshnessToken(freshnessKey(portal.config.cms.apiToken), {
      type: "service-unit",
      documentId: "x",
      verifiedAt: "",
      expiresAt: Date.now() - 1,
    });
    const res = await visitor.get(`/api/freshness/check?t=${encodeURIComponent(expired)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { name: "link_expired" } });
    expect((await visitor.post("/api/freshness/confirm", { token: "lyhyt" })).status).toBe(400);
  });
});
