import { Router } from "express";
import type { Services } from "../app.js";
import { findUserById } from "../commands/users.js";
import { errors } from "../errors.js";
import { presentMe } from "../presenters/user.js";
import { handler } from "../validate.js";

export function meRouter(services: Services): Router {
  const router = Router();
  router.get(
    "/",
    handler(async (req, res) => {
      if (!req.user) throw errors.unauthorized();
      const user = await findUserById(services.db, req.user.id);
      if (!user) throw errors.unauthorized();
      res.json({ data: presentMe(user) });
    }),
  );
  return router;
}
