import { canCreateGroup } from "@soskes/chat";
import type { Role } from "../db/schema.js";

type Actor = { role: Role; status: string };

export const canManageUsers = (actor: Actor) => actor.status === "active" && actor.role === "admin";

/**
 * What the member may do across the portal: the client shows a section or an action from these
 * alone (it never looks at the role); the server checks the same rules on every request.
 */
export function abilitiesFor(actor: Actor & { id: number; name: string; maintains: readonly string[] }) {
  const active = actor.status === "active";
  const admin = canManageUsers(actor);
  return {
    readContent: active,
    manageUsers: admin,
    /** Feedback, surveys, usage, consultation panels and the audit log. */
    administer: admin,
    /** Create groups directly (others propose them for approval). */
    createGroups: active && canCreateGroup(actor),
    /** The maintenance view of the municipalities' content. */
    maintainContent: active && (admin || actor.maintains.length > 0),
  };
}

export type PortalAbilities = ReturnType<typeof abilitiesFor>;
