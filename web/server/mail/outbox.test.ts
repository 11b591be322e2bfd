import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDatabase, type PortalDatabase } from "../db/database.js";
import { DATABASES, freePort, freshPostgres, testConfig } from "../test/fixtures.js";
import { createMailWorker, createTransport, enqueueMail } from "./outbox.js";
import { smtpSink } from "../test/smtp.js";

describe.each(DATABASES)("mail outbox on %s", (kind) => {
  let database: PortalDatabase;
  let drop: (() => Promise<void>) | undefined;
  const logger = pino({ level: "silent" });

  beforeAll(async () => {
    const pg = kind === "postgres" ? await freshPostgres() : undefined;
    drop = pg?.drop;
    const config = testConfig(pg ? { DATABASE_URL: pg.url } : {});
    database = openDatabase(config.portal.database);
    await migrate(database);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const smtpWorker = (port: number) =>
    createMailWorker({
      db: database.db,
      transport: createTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, dir: "" }),
      from: "SosKes <no-reply@soskes.example>",
      logger,
    });
  const due = () =>
    database.db.updateTable("outbox").set({ next_attempt_at: 0 }).where("status", "=", "pending").execute();
  const status = async (to: string) =>
    database.db
      .selectFrom("outbox")
      .select(["status", "attempts", "last_error"])
      .where("to_address", "=", to)
      .executeTakeFirstOrThrow();

  it("keeps a message while the SMTP server is down and delivers it exactly once when it is back", async () => {
    const port = await freePort();
    const sink = smtpSink(port);
    const worker = smtpWorker(port);
    await enqueueMail(database.db, {
      to: "down@demo.soskes.example",
      template: "access-requested",
      locale: "fi",
      data: { name: "Testi" },
    });

    expect(await worker.runOnce()).toBe(0);
    expect(await status("down@demo.soskes.example")).toMatchObject({ status: "pending", attempts: 1 });

    await sink.listen();
    try {
      await due();
      expect(await worker.runOnce()).toBe(1);
      await due();
      expect(await worker.runOnce()).toBe(0);
      const mine = sink.received.filter((m) => m.to === "down@demo.soskes.example");
      expect(mine).toHaveLength(1);
      expect(mine[0]?.subject).toBe("Käyttöoikeuspyyntösi on vastaanotettu");
      expect(mine[0]?.messageId).toMatch(/^<outbox-\d+@/);
      expect(await status("down@demo.soskes.example")).toMatchObject({ status: "sent", attempts: 2 });
    } finally {
      await sink.close();
    }
  });

  it("marks a permanently refused message failed instead of retrying it", async () => {
    const port = await freePort();
    const sink = smtpSink(port, { refuse: /^nobody@/ });
    await sink.listen();
    try {
      const worker = smtpWorker(port);
      await enqueueMail(database.db, {
        to: "nobody@demo.soskes.example",
        template: "access-requested",
        locale: "sv",
        data: { name: "Test" },
      });
      await worker.runOnce();
      expect(await status("nobody@demo.soskes.example")).toMatchObject({ status: "failed", attempts: 1 });
    } finally {
      await sink.close();
    }
  });

  it("lets only one of two workers send a message", async () => {
    const port = await freePort();
    const sink = smtpSink(port);
    await sink.listen();
    try {
      const make = () => smtpWorker(port);
      for (let i = 0; i < 5; i++)
        await enqueueMail(database.db, {
          to: `pair${i}@demo.soskes.example`,
          template: "access-requested",
          locale: "en",
          data: { name: "Pair" },
        });
      const [a, b] = await Promise.all([make().runOnce(), make().runOnce()]);
      expect(a + b).toBe(5);
      expect(sink.received.filter((m) => m.to.startsWith("pair"))).toHaveLength(5);
    } finally {
      await sink.close();
    }
  });
});
