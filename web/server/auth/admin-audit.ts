import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { type ModerationEntry } from "@soskes/chat";
import { writeAudit } from "@soskes/domain";
import type { Db } from "../db/database.js";

/** eKollega moderation (a group's moderators and the portal's staff) in the audit log. */
export const auditModeration = (db: Db) => (entry: ModerationEntry) =>
  writeAudit(db, {
    actorId: entry.actorId,
    action: entry.action,
    resourceType: "group",
    resourceId: entry.targetId === undefined ? String(entry.groupId) : `${entry.groupId}/${entry.targetId}`,
    outcome: "allowed",
  });

/**
 * Every use of an admin route — reading people's accounts, feedback, usage, survey answers or
 * the audit log itself, and every change — goes to the audit log next to the consultations'
 * entries: who, when, which route and object, and whether it was allowed or refused (401/403).
 * Taken from the route table's row matched for the request (matchRoute), so a new admin route
 * is audited without a line of its own.
 */
export function adminAudit(db: Db, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const route = res.locals.route;
    if (route?.access === "admin")
      res.on("finish", () => {
        const status = res.statusCode;
        const outcome = status < 400 ? "allowed" : status === 401 || status === 403 ? "denied" : null;
        if (!outcome) return;
        const params = route.params;
        writeAudit(db, {
          actorId: req.user?.id ?? null,
          action: route.action,
          resourceType: "admin",
          resourceId: params.userId ? `${params.id}/${params.userId}` : (params.id ?? ""),
          outcome,
        }).catch((err: unknown) => logger.warn({ err }, "audit entry not written"));
      });
    next();
  };
}
