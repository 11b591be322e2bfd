import type { Role } from "../db/schema.js";

type Actor = { id: number; role: Role };
type Notice = { author_id: number };
export type NoticeAction = "update" | "delete";

/** The portal's moderators and admins keep the board tidy. */
const staff = (actor: Actor) => actor.role === "moderator" || actor.role === "admin";

/** Authors edit and delete their own notices; moderators remove anyone's. */
export function canNotice(actor: Actor, action: NoticeAction, notice: Notice): boolean {
  const own = notice.author_id === actor.id;
  return action === "update" ? own : own || staff(actor);
}
