import type { Processor } from "@soskes/domain";
import type { Database } from "../db/schema.js";
import type { Services } from "../services.js";
import { auditProcessor } from "./audit.js";
import { contentProcessor } from "./content.js";
import { consultMailProcessor, consultNoticesProcessor } from "./consultations.js";
import { fanOutProcessor } from "./fan-out.js";
import { inboxProcessor } from "./inbox.js";
import { mailProcessor } from "./mail.js";
import { membershipProcessor } from "./membership.js";
import { notificationsProcessor } from "./notifications.js";
import { searchProcessor } from "./search.js";

/**
 * The processors a node runs. Every node with sockets can fan out; a realtime-only node leaves
 * content, the index, mail and audit to the portal nodes.
 */
export function processorsFor(
  services: Pick<Services, "chat" | "consult" | "content" | "db" | "search" | "config">,
  role: "portal" | "realtime",
): Processor<Database>[] {
  const live = [fanOutProcessor(services), notificationsProcessor(services), membershipProcessor(services)];
  if (role === "realtime") return live;
  return [
    ...live,
    contentProcessor(services),
    inboxProcessor(services),
    consultNoticesProcessor(services),
    searchProcessor(services),
    mailProcessor(services),
    consultMailProcessor(services),
    auditProcessor(),
  ];
}
