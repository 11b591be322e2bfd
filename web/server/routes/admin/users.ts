import { type Router } from "express";

import type { Services } from "../../services.js";
import { decideAccess, invite } from "../../commands/accounts.js";
import { errors } from "../../errors.js";
import { requestLang } from "../../i18n.js";

import { IdParam, handler, parse, strictRouter } from "../../validate.js";
import { InvitationSchema } from "../auth/schema.js";
import { ListQuery, OrgUnitSchema } from "./schema.js";
import { actorOf } from "../../auth/access.js";
import { presentAdminUser } from "../../presenters/user.js";

/** Access requests and invitations, for admins. */
export function adminRouter(services: Services): Router {
  const router = strictRouter();

  router.get(
    "/users",
    handler(async (req, res) => {
      const { status } = parse(ListQuery, req.query);
      const users = await services.db
        .selectFrom("users")
        .select([
          "id",
          "email",
          "name",
          "organisation",
          "municipality_code",
          "org_unit",
          "role",
          "status",
          "created_at",
        ])
        .where("status", "=", status)
        .orderBy("created_at", "asc")
        .execute();
      // The unit's name from the directory; a unit since removed from it shows by its id alone.
      const units = users.some((u) => u.org_unit)
        ? new Map(
            (await services.content.current().catch(() => null))?.data.units.map((u) => [
              u.documentId,
              u.name,
            ]) ?? [],
          )
        : new Map<string, string>();
      res.json({
        data: users.map((u) => presentAdminUser(u, units)),
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
        actorOf(req);
        const { id } = parse(IdParam, req.params);
        await decideAccess(services, id, approve, requestLang(req));
        res.status(204).end();
      }),
    );
  }

  // The directory unit a member works in, chosen by an admin: what conflict of interest compares.
  router.put(
    "/users/:id/unit",
    handler(async (req, res) => {
      const { id } = parse(IdParam, req.params);
      const { unitId } = parse(OrgUnitSchema, req.body);
      const user = await services.db.selectFrom("users").select("id").where("id", "=", id).executeTakeFirst();
      if (!user) throw errors.notFound();
      let unit: { id: string; name: string } | null = null;
      if (unitId !== null) {
        const found = (await services.content.current()).data.units.find((u) => u.documentId === unitId);
        if (!found) throw errors.invalidInput({ fields: { unitId: "unknown_unit" } });
        unit = { id: found.documentId, name: found.name };
      }
      await services.db
        .updateTable("users")
        .set({ org_unit: unitId, updated_at: Date.now() })
        .where("id", "=", id)
        .execute();
      res.json({ data: { id, orgUnit: unit } });
    }),
  );

  router.post(
    "/invitations",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const input = parse(InvitationSchema, req.body);
      await invite(services, input, actor.name, requestLang(req));
      res.status(201).json({ data: { invited: input.email } });
    }),
  );

  return router;
}
