import type { Role } from "../db/schema.js";

type Actor = { role: Role; status: string };

/** What the client may offer; the server checks the same rules on every request. */
export function abilitiesFor(actor: Actor) {
  const active = actor.status === "active";
  return {
    readContent: active,
    manageUsers: canManageUsers(actor),
  };
}

export const canManageUsers = (actor: Actor) => actor.status === "active" && actor.role === "admin";
