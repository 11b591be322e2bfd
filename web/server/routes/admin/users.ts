import { Router, type Request } from "express";
import { z } from "zod";
import type { Services } from "../../app.js";
import { decideAccess, invite } from "../../commands/accounts.js";
import { errors } from "../../errors.js";
import { requestLang } from "../../i18n.js";
import { canManageUsers } from "../../policies/user.js";
import { handler, parse } from "../../validate.js";
import { InvitationSchema } from "../auth/schema.js";

export const ListQuery = z.object({
  status: z.enum(["pending", "active", "unverified", "disabled"]).default("pending"),
});
const IdParam = z.object({ id: z.coerce.number({ error: "id" }).int("id").positive("id") });

function authorize(req: Request): Express.User {
  if (!req.user) throw errors.unauthorized();
  if (!canManageUsers(req.user)) throw errors.forbidden();
  return req.user;
}

/** Access requests and invitations, for admins. */
export function adminRouter(services: Services): Router {
  const router = Router();

  router.get(
    "/users",
    handler(async (req, res) => {
      authorize(req);
      const { status } = parse(ListQuery, req.query);
      const users = await services.db
        .selectFrom("users")
        .select(["id", "email", "name", "organisation", "municipality_code", "role", "status", "created_at"])
        .where("status", "=", status)
        .orderBy("created_at", "asc")
        .execute();
      res.json({
        data: users.map((u) => ({
          id: u.id,
          email: u.email,
          name: u.name,
          organisation: u.organisation,
          municipalityCode: u.municipality_code,
          role: u.role,
          status: u.status,
          createdAt: new Date(u.created_at).toISOString(),
        })),
      });
    }),
  );

  for (const [path, approve] of [
    ["approve", true],
    ["refuse", false],
  ] as const) {
    router.post(
      `/users/:id/${path}`,
      handler(async (req, res) => {
        authorize(req);
        const { id } = parse(IdParam, req.params);
        await decideAccess(services, id, approve, requestLang(req));
        res.status(204).end();
      }),
    );
  }

  router.post(
    "/invitations",
    handler(async (req, res) => {
      const actor = authorize(req);
      const input = parse(InvitationSchema, req.body);
      await invite(services, input, actor.name, requestLang(req));
      res.status(201).json({ data: { invited: input.email } });
    }),
  );

  return router;
}
