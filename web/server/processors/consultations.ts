import { consultEffects } from "@soskes/chat";
import type { DomainEvent, Processor } from "@soskes/domain";
import type { Database } from "../db/schema.js";
import { enqueueMail } from "../mail/outbox.js";
import type { Services } from "../services.js";
import { isStale } from "./messages.js";

type Change = Extract<DomainEvent, { type: "consultation.changed" }>;
const changes = (batch: DomainEvent[]) => batch.filter((e): e is Change => e.type === "consultation.changed");

/** In-app notices of consultation changes, on the sockets of those concerned. */
export function consultNoticesProcessor(
  services: Pick<Services, "chat" | "db" | "config">,
): Processor<Database> {
  return {
    name: "consult-notices",
    scope: "claimed",
    types: ["consultation.changed"],
    async handle(batch) {
      const now = Date.now();
      for (const event of changes(batch).filter((e) => !isStale(e, now))) {
        const { notices } = await consultEffects(services.db, event, services.config.portal.publicUrl);
        for (const notice of notices) services.chat.notifyUsers(notice.userIds, notice.payload);
      }
    },
  };
}

/**
 * E-mail about consultation changes (a link, never the question), queued in the transaction
 * that moves this processor on: each change is mailed about exactly once.
 */
export function consultMailProcessor(services: Pick<Services, "config">): Processor<Database> {
  return {
    name: "consult-mail",
    scope: "claimed",
    transactional: true,
    types: ["consultation.changed"],
    async handle(batch, trx) {
      for (const event of changes(batch)) {
        const { mails } = await consultEffects(trx, event, services.config.portal.publicUrl);
        for (const mail of mails) await enqueueMail(trx, { ...mail, locale: "fi" });
      }
    },
  };
}
