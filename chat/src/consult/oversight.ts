import { chatErrors } from "../errors.js";
import { consultReport } from "./report.js";
import type { ConsultContext, ConsultActor } from "./context.js";
import type { AuditEntry } from "./wire.js";

/** Requests per panel and service area, response times and overdue counts, for admins. */
export async function report(
  ctx: ConsultContext,
  actor: ConsultActor,
  period: { from?: string; to?: string },
) {
  const { db, now } = ctx;
  if (actor.role !== "admin") throw chatErrors.forbidden();
  return consultReport(db, period, now());
}

/** The audit log for admins, newest first. */
export async function auditLog(
  ctx: ConsultContext,
  actor: ConsultActor,
  limit = 1000,
): Promise<AuditEntry[]> {
  const { db } = ctx;
  if (actor.role !== "admin") throw chatErrors.forbidden();
  const rows = await db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .select([
      "a.id",
      "a.at",
      "a.actor_id",
      "u.email",
      "a.action",
      "a.resource_type",
      "a.resource_id",
      "a.outcome",
    ])
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actor: r.email,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    outcome: r.outcome,
  }));
}
