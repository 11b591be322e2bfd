import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { writeAudit, type ModerationEntry } from "@soskes/chat";
import type { Db } from "../../db/database.js";

/** eKollega moderation (a group's moderators and the portal's staff) in the audit log. */
export const auditModeration = (db: Db) => (entry: ModerationEntry) =>
  writeAudit(db, {
    actorId: entry.actorId,
    action: entry.action,
    resourceType: "group",
    resourceId: entry.targetId === undefined ? String(entry.groupId) : `${entry.groupId}/${entry.targetId}`,
    outcome: "allowed",
  });

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
type RouteEntry = { method: string; path: string; access: string };

/** The admin routes of the one route table, as patterns. */
const adminRoutes = (routes: readonly RouteEntry[]) =>
  routes
    .filter((r) => r.access === "admin")
    .map((r) => ({
      method: r.method.toUpperCase(),
      action: `${r.method.toUpperCase()} ${r.path}`,
      pattern: new RegExp(`^${escape(r.path).replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`),
    }));

/**
 * Every use of an admin route — reading people's accounts, feedback, usage, survey answers or
 * the audit log itself, and every change — goes to the audit log next to the consultations'
 * entries: who, when, which route and object, and whether it was allowed or refused (401/403).
 * Taken from the one route table, so a new admin route is audited without a line of its own.
 */
export function adminAudit(db: Db, logger: Logger, table: readonly RouteEntry[]) {
  const routes = adminRoutes(table);
  return (req: Request, res: Response, next: NextFunction) => {
    const path = req.originalUrl.split("?")[0] ?? "";
    const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
    if (route)
      res.on("finish", () => {
        const status = res.statusCode;
        const outcome = status < 400 ? "allowed" : status === 401 || status === 403 ? "denied" : null;
        if (!outcome) return;
        const params = route.pattern.exec(path)?.groups ?? {};
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
