import { createChatService, type ChatDatabase, type ChatService } from "@soskes/chat";
import type { Config } from "@soskes/config";
import type { Kysely } from "kysely";
import type { Db } from "../db/database.js";
import { enqueueMail } from "../mail/outbox.js";
import { auditModeration } from "../auth/admin-audit.js";

/**
 * The chat service as every node runs it. Message side effects (sockets, search, mention mail,
 * moderation audit) follow the events it records; membership mail and audit still go through
 * its hooks.
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
    hooks: {
      mail: (mail) => enqueueMail(options.db, { ...mail, locale: "fi" }),
      moderated: auditModeration(options.db),
    },
  });
}
