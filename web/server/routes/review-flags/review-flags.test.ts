import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../commands/users.js";
import type { Snapshot } from "../../content/content-service.js";
import { DATABASES, browser, startTestPortal, type TestPortal } from "../../test/fixtures.js";
import { checkStatuteChanges, resolveStatuteFlags } from "../../content/statute-flags.js";

const PASSWORD = "Testi-salasana-42";

/** Content as Strapi would give it: one statute, a page citing 36 §, one citing 14 §. */
const snapshot = (amended: Record<string, string | null>, pageVerifiedAt = "2026-01-01T00:00:00Z") =>
  ({
    statutes: [
      {
        number: "1301/2014",
        title: "Sosiaalihuoltolaki",
        sections: Object.entries(amended).map(([number, amendedOn]) => ({
          number,
          title: number,
          amendedOn,
        })),
      },
    ],
    pages: [
      {
        documentId: "sivu-36",
        locale: "fi",
        title: "Palvelutarpeen arviointi",
        slug: "palvelutarpeen-arviointi",
        owner: "sivun.omistaja@example.org",
        verifiedAt: pageVerifiedAt,
        statuteReferences: [{ section: "36", statute: { number: "1301/2014" } }],
      },
      {
        documentId: "sivu-14",
        locale: "fi",
        title: "Oikeus palveluihin",
        slug: "oikeus-palveluihin",
        owner: "toinen@example.org",
        verifiedAt: pageVerifiedAt,
        statuteReferences: [{ section: "14", statute: { number: "1301/2014" } }],
      },
    ],
    units: [],
  }) as unknown as Snapshot;

describe.each(DATABASES)("statute amendments flag what cites them, on %s", (kind) => {
  let portal: TestPortal;
  let answerId: number;
  let authorId: number;
  const notified: number[][] = [];
  const deps = () => ({
    db: portal.database.db,
    logger: pino({ level: "silent" }),
    publicUrl: "https://soskes.example",
    notifyUsers: (ids: number[]) => notified.push(ids),
  });

  beforeAll(async () => {
    portal = await startTestPortal(kind);
    const db = portal.database.db;
    const author = await createUser(db, {
      email: "vastaaja@example.org",
      name: "Vastaava Asiantuntija",
      password: PASSWORD,
      emailVerified: true,
      role: "expert",
    });
    authorId = author.id;
    const panel = await db
      .insertInto("consult_panels")
      .values({ service_area: "testialue", name: "Testipaneeli", created_at: Date.now() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const request = await db
      .insertInto("consultations")
      .values({
        panel_id: panel.id,
        requester_id: author.id,
        municipality_code: null,
        requester_unit: null,
        service_area: "testialue",
        topic: "Aihe",
        question: "Kysymys",
        urgency: "normal",
        status: "closed",
        claimed_by: author.id,
        claimed_at: null,
        due_on: "2026-01-01",
        group_id: null,
        answered_at: null,
        closed_at: null,
        created_at: Date.now(),
        updated_at: Date.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const answer = await db
      .insertInto("consult_answers")
      .values({
        consultation_id: request.id,
        panel_id: panel.id,
        service_area: "testialue",
        title: "Arvion laajuus",
        question: "Kysymys",
        answer: "Vastaus",
        sections: "1301/2014#36",
        review_on: "2027-01-01",
        status: "published",
        author_id: author.id,
        note: null,
        approved_by: null,
        published_at: Date.now(),
        created_at: Date.now(),
        updated_at: Date.now() - 60_000,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    answerId = answer.id;
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("remembers the first dates it sees without flagging anything", async () => {
    expect(await checkStatuteChanges(deps(), snapshot({ "36": "2024-01-01", "14": null }))).toBe(0);
  });

  it("flags the page and the answer citing an amended section, once, and tells their owners", async () => {
    const before = portal.mailbox.length;
    const amended = snapshot({ "36": "2027-01-01", "14": null });
    // Two here, and the demo answer (it cites 36 § too).
    expect(await checkStatuteChanges(deps(), amended)).toBe(3);
    // The same amendment seen again (another node, the next load): no new flags, no new mail.
    expect(await checkStatuteChanges(deps(), amended)).toBe(0);
    const flags = await portal.database.db
      .selectFrom("review_flags")
      .select(["target_type", "target_id", "section", "amended_on", "owner"])
      .where("target_id", "in", [String(answerId), "sivu-36", "sivu-14"])
      .orderBy("target_type")
      .execute();
    expect(flags).toEqual([
      {
        target_type: "answer",
        target_id: String(answerId),
        section: "36",
        amended_on: "2027-01-01",
        owner: "vastaaja@example.org",
      },
      {
        target_type: "page",
        target_id: "sivu-36",
        section: "36",
        amended_on: "2027-01-01",
        owner: "sivun.omistaja@example.org",
      },
    ]);
    expect(notified).toHaveLength(1);
    expect(notified[0]).toContain(authorId);
    // Only the amendment mails: the demo content's own (a new consultation to its panel) may still
    // be on its way from the outbox.
    const amendmentMails = () =>
      portal.mailbox.slice(before).filter((m) => m.subject.startsWith("Lakimuutos"));
    for (let i = 0; i < 100 && amendmentMails().length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    const mails = amendmentMails();
    expect(mails.map((m) => m.to).sort()).toEqual([
      "asiantuntija@demo.soskes.example",
      "sivun.omistaja@example.org",
      "vastaaja@example.org",
    ]);
    expect(mails.find((m) => m.to === "sivun.omistaja@example.org")?.text).toContain(
      "https://soskes.example/sivut/palvelutarpeen-arviointi",
    );
    expect(mails.some((m) => m.to === "toinen@example.org")).toBe(false);
  });

  it("shows the flag on the answer and to its owner; others cannot resolve it", async () => {
    const owner = browser(portal);
    expect((await owner.login("vastaaja@example.org", PASSWORD)).status).toBe(200);
    const answer = (await owner.get(`/api/answers/${answerId}`)).body as {
      data: { needsReview: Array<{ section: string; amendedOn: string }> };
    };
    expect(answer.data.needsReview).toMatchObject([{ section: "36", amendedOn: "2027-01-01" }]);
    const mine = (await owner.get("/api/review-flags")).body as {
      data: Array<{ id: number; targetType: string }>;
    };
    expect(mine.data.map((f) => f.targetType)).toEqual(["answer"]);
    const stranger = browser(portal);
    await createUser(portal.database.db, {
      email: "vieras@example.org",
      name: "Vieras",
      password: PASSWORD,
      emailVerified: true,
    });
    expect((await stranger.login("vieras@example.org", PASSWORD)).status).toBe(200);
    expect(((await stranger.get("/api/review-flags")).body as { data: unknown[] }).data).toEqual([]);
    expect((await stranger.post(`/api/review-flags/${mine.data[0]!.id}/resolve`)).status).toBe(404);
    expect((await owner.post(`/api/review-flags/${mine.data[0]!.id}/resolve`)).status).toBe(204);
    expect(
      ((await owner.get(`/api/answers/${answerId}`)).body as { data: { needsReview: unknown[] } }).data
        .needsReview,
    ).toEqual([]);
  });

  it("resolves a page's flag when the page is checked again", async () => {
    await resolveStatuteFlags(portal.database.db, snapshot({ "36": "2027-01-01", "14": null }));
    const open = () =>
      portal.database.db
        .selectFrom("review_flags")
        .select("target_id")
        .where("resolved_at", "is", null)
        .where("target_type", "=", "page")
        .execute();
    expect(await open()).toEqual([{ target_id: "sivu-36" }]);
    await resolveStatuteFlags(
      portal.database.db,
      snapshot({ "36": "2027-01-01", "14": null }, new Date(Date.now() + 1000).toISOString()),
    );
    expect(await open()).toEqual([]);
  });
});
