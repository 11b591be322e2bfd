import { type Router } from "express";
import type { Services } from "../../services.js";
import { findUserById } from "../../commands/users.js";
import { errors } from "../../errors.js";
import { presentMe } from "../../presenters/user.js";
import { changePassword } from "../../commands/accounts.js";
import { handler, parse, strictRouter } from "../../validate.js";
import { ChangePasswordSchema } from "../auth/schema.js";
import { actorOf } from "../../auth/access.js";

export function meRouter(services: Services): Router {
  const router = strictRouter();
  router.get(
    "/",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const user = await findUserById(services.db, actor.id);
      if (!user) throw errors.unauthorized();
      res.json({ data: presentMe(user) });
    }),
  );
  router.post(
    "/password",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const input = parse(ChangePasswordSchema, req.body);
      // The password changes here; every other session of this user ends.
      await changePassword(services, actor.id, input.currentPassword, input.newPassword, req.sessionID);
      res.json({ data: { changed: true } });
    }),
  );
  return router;
}
