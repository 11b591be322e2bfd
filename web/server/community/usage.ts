import { findHetu } from "@soskes/config";
import { finnishDate } from "@soskes/chat";
import { type Router } from "express";
import { sql } from "kysely";
import type { Migration } from "kysely/migration";
import type { Logger } from "pino";
import { z } from "zod";
import type { Services } from "../app.js";
import type { Db } from "../db/database.js";
import { errors } from "../errors.js";
import { handler, parse, strictRouter } from "../validate.js";

/** The days a member used the portal (one row per member and day: no more detail is kept). */
export type ActivityDaysTable = { user_id: number; day: string };
/** Searches that found nothing, per wording and day, without who searched. */
export type SearchMissesTable = { query: string; day: string; count: number };
/** Views of units and pages per day. */
export type ContentViewsTable = { kind: string; ref: string; day: string; count: number };

export function usageMigration(): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable("activity_days")
        .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("day", "varchar(10)", (c) => c.notNull())
        .addPrimaryKeyConstraint("activity_days_pk", ["user_id", "day"])
        .execute();
      await db.schema
        .createTable("search_misses")
        .addColumn("query", "varchar(100)", (c) => c.notNull())
        .addColumn("day", "varchar(10)", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("search_misses_pk", ["query", "day"])
        .execute();
      await db.schema
        .createTable("content_views")
        .addColumn("kind", "varchar(10)", (c) => c.notNull())
        .addColumn("ref", "varchar(120)", (c) => c.notNull())
        .addColumn("day", "varchar(10)", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("content_views_pk", ["kind", "ref", "day"])
        .execute();
    },
    async down(db) {
      for (const table of ["content_views", "search_misses", "activity_days"])
        await db.schema.dropTable(table).execute();
    },
  };
}

/**
 * Counts usage in memory and writes it in one go every half minute (and when the node stops),
 * so that reading a page never waits for a write.
 */
export function createUsageRecorder(db: Db, logger: Logger, flushMs = 30_000) {
  let active = new Set<number>();
  let misses = new Map<string, number>();
  let views = new Map<string, number>();
  const seenToday = new Set<string>();
  let today = finnishDate(Date.now());

  async function flush() {
    const day = today;
    const [a, m, v] = [active, misses, views];
    active = new Set();
    misses = new Map();
    views = new Map();
    for (const userId of a)
      await db
        .insertInto("activity_days")
        .values({ user_id: userId, day })
        .onConflict((oc) => oc.columns(["user_id", "day"]).doNothing())
        .execute();
    for (const [query, count] of m)
      await db
        .insertInto("search_misses")
        .values({ query, day, count })
        .onConflict((oc) =>
          oc.columns(["query", "day"]).doUpdateSet({ count: sql`search_misses.count + ${count}` }),
        )
        .execute();
    for (const [key, count] of v) {
      const [kind, ref] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
      await db
        .insertInto("content_views")
        .values({ kind, ref, day, count })
        .onConflict((oc) =>
          oc.columns(["kind", "ref", "day"]).doUpdateSet({ count: sql`content_views.count + ${count}` }),
        )
        .execute();
    }
  }
  // Every request passes here: the day is looked at again once a second, not formatted each time.
  let rollCheckedAt = 0;
  const roll = () => {
    const at = Date.now();
    if (at - rollCheckedAt < 1000 && at >= rollCheckedAt) return;
    rollCheckedAt = at;
    const now = finnishDate(at);
    if (now !== today) {
      void flush().catch((err: unknown) => logger.warn({ err }, "writing usage figures failed"));
      today = now;
      seenToday.clear();
    }
  };
  const timer = setInterval(() => {
    roll();
    flush().catch((err: unknown) => logger.warn({ err }, "writing usage figures failed"));
  }, flushMs);
  timer.unref();

  return {
    /** A signed-in member made a request today. */
    seen(userId: number) {
      roll();
      const key = String(userId);
      if (seenToday.has(key)) return;
      seenToday.add(key);
      active.add(userId);
    },
    /** A search found nothing. Identity codes are never kept, and nothing says who searched. */
    searchMiss(q: string) {
      if (findHetu(q)) return;
      const query = q.trim().toLowerCase().replace(/\s+/g, " ").slice(0, 100);
      if (query.length < 2) return;
      roll();
      misses.set(query, (misses.get(query) ?? 0) + 1);
    },
    view(kind: "unit" | "page", ref: string) {
      roll();
      const key = `${kind}:${ref.slice(0, 120)}`;
      views.set(key, (views.get(key) ?? 0) + 1);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
export type UsageRecorder = ReturnType<typeof createUsageRecorder>;

const UsageQuery = z.object({
  days: z.coerce.number().int("days").min(1, "days").max(366, "days").default(30),
});

/** The usage overview for admins: who uses it where, what people could not find, what they read. */
export function usageRouter(services: Services): Router {
  const router = strictRouter();
  router.get(
    "/admin/usage",
    handler(async (req, res) => {
      if (!req.user) throw errors.unauthorized();
      if (req.user.role !== "admin") throw errors.forbidden();
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
      const unitName = new Map((content?.data.units ?? []).map((u) => [u.documentId, u.name]));
      const pageTitle = new Map(
        (content?.data.pages ?? []).filter((p) => p.locale === "fi").map((p) => [p.slug, p.title]),
      );
      const top = (kind: string, name: Map<string, string>) =>
        views
          .filter((v) => v.kind === kind && name.has(v.ref))
          .slice(0, 10)
          .map((v) => ({ id: v.ref, name: name.get(v.ref)!, views: Number(v.views) }));
      res.set("Cache-Control", "private, no-store");
      res.json({
        data: {
          days,
          since,
          activeUsers: Number(total.n),
          byMunicipality: active
            .map((a) => ({ municipalityCode: a.code, users: Number(a.users) }))
            .sort((a, b) => b.users - a.users),
          searchesWithoutResults: misses.map((m) => ({ query: m.query, count: Number(m.count) })),
          topUnits: top("unit", unitName),
          topPages: top("page", pageTitle),
        },
      });
    }),
  );
  return router;
}
