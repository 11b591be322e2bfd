import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { Logger } from "pino";
import type { Db } from "../db/database.js";
import type { Lang } from "../i18n.js";
import { TEMPLATES } from "./templates.js";

export type OutgoingMail = {
  to: string;
  template: keyof typeof TEMPLATES;
  locale: Lang;
  data: Record<string, string>;
};

/**
 * Queues a message in the outbox. Call it with the transaction that makes the change the
 * message is about: both are committed, or neither.
 */
export async function enqueueMail(db: Db, mail: OutgoingMail): Promise<void> {
  const now = Date.now();
  await db
    .insertInto("outbox")
    .values({
      to_address: mail.to,
      template: mail.template,
      locale: mail.locale,
      data: JSON.stringify(mail.data),
      status: "pending",
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      last_error: null,
      sent_at: null,
      created_at: now,
    })
    .execute();
}

export type MailTransport = { send: (message: nodemailer.SendMailOptions) => Promise<void> };

/** SMTP when configured; otherwise each message becomes an .eml file for the dev mailbox. */
export function createTransport(options: { smtpUrl?: string; dir: string }): MailTransport {
  if (options.smtpUrl) {
    const transporter: Transporter = nodemailer.createTransport(options.smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
    });
    return {
      send: async (message) => {
        await transporter.sendMail(message);
      },
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    send: async (message) => {
      const info = (await stream.sendMail(message)) as { message: Buffer };
      mkdirSync(options.dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      writeFileSync(
        path.join(options.dir, `${stamp}-${String(message.messageId ?? "").replace(/[^a-z0-9-]/gi, "")}.eml`),
        info.message,
      );
    },
  };
}

const MAX_ATTEMPTS = 12;
const LOCK_MS = 2 * 60_000;

/** Retry after 15 s, 30 s, 1 min, … capped at one hour. */
export const backoffMs = (attempts: number) => Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** 5xx replies (mailbox does not exist, message refused) will not get better by retrying. */
const isPermanent = (err: unknown) => {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
};

/**
 * Sends queued mail. A message is claimed (status "sending" with a lock) before it is sent, so
 * two workers never send the same one; failures are retried with backoff; a permanent refusal
 * or too many attempts marks it failed. Each message has a stable Message-ID, so a receiver
 * can drop the duplicate if a worker dies between sending and recording it.
 */
export function createMailWorker(options: {
  db: Db;
  transport: MailTransport;
  from: string;
  logger: Logger;
  pollMs?: number;
  hostname?: string;
}) {
  const { db, transport, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function claim(): Promise<
    Array<{
      id: number;
      to_address: string;
      template: string;
      locale: string;
      data: string;
      attempts: number;
    }>
  > {
    const now = Date.now();
    const due = await db
      .selectFrom("outbox")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now)]),
          eb.and([eb("status", "=", "sending"), eb("locked_until", "<", now)]),
        ]),
      )
      .orderBy("id")
      .limit(20)
      .execute();
    const claimed = [];
    for (const { id } of due) {
      // The status condition makes the claim atomic: of two workers, one update matches.
      const row = await db
        .updateTable("outbox")
        .set({ status: "sending", locked_until: now + LOCK_MS })
        .where("id", "=", id)
        .where((eb) =>
          eb.or([
            eb("status", "=", "pending"),
            eb.and([eb("status", "=", "sending"), eb("locked_until", "<", now)]),
          ]),
        )
        .returning(["id", "to_address", "template", "locale", "data", "attempts"])
        .executeTakeFirst();
      if (row) claimed.push(row);
    }
    return claimed;
  }

  async function runOnce(): Promise<number> {
    let sent = 0;
    for (const mail of await claim()) {
      const render = TEMPLATES[mail.template];
      try {
        if (!render)
          throw Object.assign(new Error(`unknown template ${mail.template}`), { responseCode: 550 });
        const content = render(mail.locale as Lang, JSON.parse(mail.data) as Record<string, string>);
        await transport.send({
          from: options.from,
          to: mail.to_address,
          subject: content.subject,
          text: content.text,
          html: content.html,
          messageId: `<outbox-${mail.id}@${options.hostname ?? "soskes"}>`,
        });
        await db
          .updateTable("outbox")
          .set({
            status: "sent",
            sent_at: Date.now(),
            locked_until: null,
            attempts: mail.attempts + 1,
            last_error: null,
          })
          .where("id", "=", mail.id)
          .execute();
        sent += 1;
      } catch (err) {
        const attempts = mail.attempts + 1;
        const failed = isPermanent(err) || attempts >= MAX_ATTEMPTS;
        await db
          .updateTable("outbox")
          .set({
            status: failed ? "failed" : "pending",
            attempts,
            next_attempt_at: Date.now() + backoffMs(attempts),
            locked_until: null,
            last_error: (err as Error).message.slice(0, 1000),
          })
          .where("id", "=", mail.id)
          .execute();
        logger.warn({ outboxId: mail.id, attempts, failed, err: (err as Error).message }, "mail not sent");
      }
    }
    return sent;
  }

  const tick = () => {
    if (stopped || running) return;
    running = runOnce()
      .catch((err: unknown) => {
        logger.error({ err }, "mail worker failed");
        return 0;
      })
      .finally(() => (running = undefined));
  };

  return {
    runOnce,
    /** Ask for an immediate round (after queueing something). */
    poke: tick,
    start() {
      stopped = false;
      timer = setInterval(tick, options.pollMs ?? 5_000);
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
export type MailWorker = ReturnType<typeof createMailWorker>;
