import type { ConsultAbilities } from "./wire.js";
import type { ConsultationStatus } from "./schema.js";

/** Why the actor may see a request at all; null: they may not (and are told it does not exist). */
export type ConsultRelation = "requester" | "admin" | "lead" | "expert" | null;

/** What the rules need to know about the actor and the request; nothing is read here. */
export type ConsultFacts = {
  actorId: number;
  relation: ConsultRelation;
  /** The actor sits on the request's panel (as lead or expert). */
  onPanel: boolean;
  /** The actor works in the requester's unit: they may not take the request. */
  conflict: boolean;
};
export type ConsultSubject = {
  requester_id: number;
  claimed_by: number | null;
  status: ConsultationStatus;
  consent_at: number | null;
};

export const CONSULT_ACTIONS = [
  "claim",
  "assign",
  "answered",
  "closed",
  "reopened",
  "writeAnswer",
  "reviewAnswer",
  "withdrawAnswer",
] as const;
export type ConsultAction = (typeof CONSULT_ACTIONS)[number];

/** Who may do what to a request, whatever state it is in (refused: 403). */
export function mayConsult(f: ConsultFacts, action: ConsultAction, c: ConsultSubject): boolean {
  switch (action) {
    case "claim":
      return f.onPanel && c.requester_id !== f.actorId;
    case "assign":
      return f.relation === "lead" || f.relation === "admin";
    case "answered":
    case "writeAnswer":
      return c.claimed_by === f.actorId || f.relation === "lead";
    case "closed":
      return f.relation === "requester" || f.relation === "admin";
    case "reopened":
      return f.relation === "requester";
    case "reviewAnswer":
      return f.relation === "lead";
    case "withdrawAnswer":
      return f.relation === "lead" || f.relation === "admin";
  }
}

/** Whether the request's state lets the action happen now (refused: 409 wrong_state). */
export function consultStateAllows(action: ConsultAction, c: ConsultSubject): boolean {
  switch (action) {
    case "claim":
      return c.status === "new";
    case "assign":
      return c.status === "new" || c.status === "claimed";
    case "answered":
      return c.status === "claimed";
    case "closed":
      return c.status !== "closed";
    case "reopened":
      return c.status === "closed";
    case "writeAnswer":
    case "reviewAnswer":
    case "withdrawAnswer":
      return c.status === "closed" && c.consent_at !== null;
  }
}

/**
 * What the actor may do to the request now, for the client to offer exactly those actions. The
 * answer's own state (draft, pending, published) still decides each answer action on the server.
 */
export function consultAbilities(f: ConsultFacts, c: ConsultSubject): ConsultAbilities {
  const can = (action: ConsultAction) =>
    f.relation !== null &&
    mayConsult(f, action, c) &&
    consultStateAllows(action, c) &&
    !(action === "claim" && f.conflict);
  return Object.fromEntries(CONSULT_ACTIONS.map((a) => [a, can(a)])) as ConsultAbilities;
}

/** The actor's relation to a request, from their panel seat and whether they share its unit. */
export function consultRelation(
  actor: { id: number; role: string },
  c: Pick<ConsultSubject, "requester_id">,
  seat: { lead: number | boolean } | undefined,
  conflict: boolean,
): ConsultRelation {
  if (c.requester_id === actor.id) return "requester";
  if (actor.role === "admin") return "admin";
  if (!seat) return null;
  if (seat.lead) return "lead";
  return conflict ? null : "expert";
}

const same = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Conflict of interest: the expert works in the requester's unit. What decides is the directory
 * unit an admin placed each of them in, which neither can change; the profile's free-text unit
 * can only add a conflict (editing it never removes one).
 */
export const sameUnit = (
  expert: { unit: string | null; org_unit: string | null },
  row: { requester_unit: string | null; requester_org_unit: string | null },
) => same(expert.org_unit, row.requester_org_unit) || same(expert.unit, row.requester_unit);
