import { finnishDate } from "@soskes/domain";
import { type Router } from "express";
import { z } from "zod";
import type { Services } from "../../services.js";

import { handler, parse, strictRouter } from "../../validate.js";
import { presentUsage } from "../../presenters/usage.js";

const UsageQuery = z.object({
  days: z.coerce.number().int("days").min(1, "days").max(366, "days").default(30),
});

/** The usage overview for admins: who uses it where, what people could not find, what they read. */
export function usageRouter(services: Services): Router {
  const router = strictRouter();
  router.get(
    "/admin/usage",
    handler(async (req, res) => {
      const { days } = parse(UsageQuery, req.query);
      await services.usage.flush();
      const since = finnishDate(Date.now() - (days - 1) * 86_400_000);
      const { db } = services;
      const [active, misses, views] = await Promise.all([
        db
          .selectFrom("activity_days as a")
          .innerJoin("users as u", "u.id", "a.user_id")
          .select([
            "u.municipality_code as code",
            (eb) => eb.fn.count<number>("a.user_id").distinct().as("users"),
          ])
          .where("a.day", ">=", since)
          .groupBy("u.municipality_code")
          .execute(),
        db
          .selectFrom("search_misses")
          .select(["query", (eb) => eb.fn.sum<number>("count").as("count")])
          .where("day", ">=", since)
          .groupBy("query")
          .orderBy("count", "desc")
          .orderBy("query")
          .limit(20)
          .execute(),
        db
          .selectFrom("content_views")
          .select(["kind", "ref", (eb) => eb.fn.sum<number>("count").as("views")])
          .where("day", ">=", since)
          .groupBy(["kind", "ref"])
          .orderBy("views", "desc")
          .limit(200)
          .execute(),
      ]);
      const total = await db
        .selectFrom("activity_days")
        .select((eb) => eb.fn.count<number>("user_id").distinct().as("n"))
        .where("day", ">=", since)
        .executeTakeFirstOrThrow();
      const content = await services.content.current().catch(() => null);
      res.set("Cache-Control", "private, no-store");
      res.json({
        data: presentUsage(
          { days, since, activeUsers: Number(total.n), active, misses, views },
          content?.data,
        ),
      });
    }),
  );
  return router;
}
