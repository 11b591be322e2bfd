import { type Router } from "express";
import { z } from "zod";
import type { Services } from "../../services.js";
import { errors } from "../../errors.js";
import { IdParam, handler, parse, strictRouter } from "../../validate.js";
import { actorOf } from "../../auth/access.js";
import { presentReviewFlag } from "../../presenters/review-flags.js";

const ListQuery = z.object({ status: z.enum(["open", "all"], { error: "status" }).default("open") });

/** The flags for maintainers and admins, and resolving one by hand ("checked, nothing to change"). */
export function reviewFlagsRouter(services: Services): Router {
  const router = strictRouter();
  router.get(
    "/review-flags",
    handler(async (req, res) => {
      const user = actorOf(req);
      const { status } = parse(ListQuery, req.query);
      let query = services.db.selectFrom("review_flags").selectAll().orderBy("created_at", "desc").limit(500);
      if (status === "open") query = query.where("resolved_at", "is", null);
      // Admins see every flag; others the flags of what they own.
      if (user.role !== "admin") query = query.where("owner", "=", user.email);
      const rows = await query.execute();
      res.set("Cache-Control", "private, no-store");
      res.json({
        data: rows.map(presentReviewFlag),
      });
    }),
  );
  router.post(
    "/review-flags/:id/resolve",
    handler(async (req, res) => {
      const user = actorOf(req);
      const { id } = parse(IdParam, req.params);
      const flag = await services.db
        .selectFrom("review_flags")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      if (!flag || (user.role !== "admin" && flag.owner !== user.email)) throw errors.notFound();
      await services.db
        .updateTable("review_flags")
        .set({ resolved_at: Date.now(), resolved_by: user.id })
        .where("id", "=", id)
        .where("resolved_at", "is", null)
        .execute();
      res.status(204).end();
    }),
  );
  return router;
}
