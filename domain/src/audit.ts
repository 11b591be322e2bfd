import type { Kysely, Generated } from "kysely";

/** The audit log shared by consultations, admin routes and eKollega moderation. */
export type AuditLogTable = {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  resource_type: string;
  resource_id: string;
  outcome: "allowed" | "denied";
  /** Milliseconds since the epoch (BIGINT on PostgreSQL, read as a number). */
  at: number;
};

export type AuditEntry = {
  actorId: number | null;
  action: string;
  /** consultation, admin (an admin route) or group (eKollega moderation). */
  resourceType: string;
  resourceId: string;
  outcome: "allowed" | "denied";
  at?: number;
};

/**
 * One row of the audit log, which consultations, admin routes and eKollega moderation share:
 * who, when, what, on which object, allowed or refused.
 */
export async function writeAudit<DB extends { audit_log: AuditLogTable }>(
  db: Kysely<DB>,
  entry: AuditEntry,
): Promise<void> {
  await (db as unknown as Kysely<{ audit_log: AuditLogTable }>)
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action.slice(0, 60),
      resource_type: entry.resourceType,
      resource_id: entry.resourceId.slice(0, 60),
      outcome: entry.outcome,
      at: entry.at ?? Date.now(),
    })
    .execute();
}
