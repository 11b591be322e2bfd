import { createChatService, type ChatDatabase, type ChatService } from "@soskes/chat";
import type { Config } from "@soskes/config";
import type { Kysely } from "kysely";
import type { Db } from "../db/database.js";
import { enqueueMail } from "../mail/outbox.js";

/**
 * The chat service as every node runs it. The effects of its changes (sockets, search, mail,
 * the audit log) follow the events it records; the daily digest job queues its mail directly.
 */
export function createPortalChat(options: {
  config: Config;
  db: Db;
  dialect: "sqlite" | "postgres";
}): ChatService {
  return createChatService({
    // The chat package reads the users table as the portal writes it.
    db: options.db as unknown as Kysely<ChatDatabase>,
    dialect: options.dialect,
    publicUrl: options.config.portal.publicUrl,
    mail: (mail) => enqueueMail(options.db, { ...mail, locale: "fi" }),
  });
}
