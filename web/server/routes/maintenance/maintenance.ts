import { type Router } from "express";
import { z } from "zod";
import type { Services } from "../../services.js";
import { errors } from "../../errors.js";
import { handler, parse, strictRouter } from "../../validate.js";
import { maintenanceReport } from "../../content/maintenance-report.js";
import { actorOf } from "../../auth/access.js";
import { presentMaintenance } from "../../presenters/maintenance.js";

const Query = z.object({
  municipality: z
    .string()
    .regex(/^([0-9]{3})?$/, "municipality_code")
    .optional(),
  serviceArea: z
    .string()
    .regex(/^([a-z0-9-]{2,80})?$/, "service_area")
    .optional(),
});

/** The maintainer dashboard: maintainers see the municipalities they keep; admins the whole region. */
export function maintenanceRouter(services: Services): Router {
  const router = strictRouter();
  router.get(
    "/maintenance",
    handler(async (req, res) => {
      const user = actorOf(req);
      const row = await services.db
        .selectFrom("users")
        .select("maintains")
        .where("id", "=", user.id)
        .executeTakeFirst();
      const maintains = JSON.parse(row?.maintains ?? "[]") as string[];
      const admin = user.role === "admin";
      if (!admin && maintains.length === 0) throw errors.forbidden();
      const q = parse(Query, req.query);
      const municipality = q.municipality ?? (admin ? "" : maintains[0]!);
      if (!admin && !maintains.includes(municipality)) throw errors.forbidden();
      const { data, stale } = await services.content.current();
      const checks = new Map(
        (await services.db.selectFrom("link_checks").selectAll().execute()).map((c) => [c.url, c]),
      );
      const report = maintenanceReport(
        data,
        checks,
        { municipality, serviceArea: q.serviceArea ?? "" },
        { now: Date.now(), cmsPublicUrl: services.config.cms.publicUrl },
      );
      res.set("Cache-Control", "private, no-store");
      res.json({
        data: presentMaintenance(report, {
          municipality,
          serviceArea: q.serviceArea ?? "",
          municipalities: admin ? null : maintains,
        }),
        meta: { stale },
      });
    }),
  );
  return router;
}
