import { finnishDate, normaliseRichText, plainText } from "@soskes/chat";
import type { SearchDocument, SearchService } from "@soskes/search";
import { type Router, type Request } from "express";
import type { Selectable } from "kysely";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import type { Services } from "../services.js";
import type { Db } from "../db/database.js";
import { errors } from "../errors.js";
import { handler, parse, strictRouter } from "../validate.js";
import type { NoticesTable } from "../db/schema.js";

type Row = Selectable<NoticesTable>;
export const NOTICE_SOURCE = "notices";
export const NOTICE_KINDS = ["giving", "seeking", "announcement"] as const;
/** A notice shows for at most this many days. */
export const MAX_NOTICE_DAYS = 90;

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const date = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((d) => !Number.isNaN(Date.parse(d)), "date");

export const NoticeInput = z.object({
  kind: z.enum(NOTICE_KINDS, { error: "notice_kind" }),
  title: z.string({ error: "required" }).trim().min(3, "too_short").max(120, "too_long"),
  body: z
    .string({ error: "required" })
    .transform(normaliseRichText)
    .pipe(z.string().min(10, "too_short").max(4000, "too_long")),
  /** The last day the notice shows; 30 days from today when left out, at most 90. */
  expiresOn: date.optional(),
});
export const NoticeUpdate = NoticeInput.partial();
export const NoticeListQuery = z.object({
  kind: z.enum(NOTICE_KINDS, { error: "notice_kind" }).optional(),
  municipality: z
    .string()
    .regex(/^[0-9]{3}$/, "municipality_code")
    .optional(),
  mine: z.enum(["1", "true"]).optional(),
  limit: z.coerce.number().int("limit").min(1, "limit").max(100, "limit").default(50),
  offset: z.coerce.number().int("offset").min(0, "offset").max(10_000, "offset").default(0),
});
const IdParam = z.object({ id: z.coerce.number().int("id").positive("id") });

/** A notice as a search document: every member may find it until it expires or is removed. */
export function noticeDocument(
  row: Pick<Row, "id" | "title" | "body" | "municipality_code">,
): SearchDocument {
  return {
    key: `notice:${row.id}`,
    source: NOTICE_SOURCE,
    type: "notice",
    id: String(row.id),
    audience: "members",
    title: row.title,
    keywords: [],
    text: plainText(row.body),
    url: `/ilmoitustaulu/${row.id}`,
    municipalityCodes: row.municipality_code ? [row.municipality_code] : [],
    serviceAreas: [],
    statute: null,
    section: null,
  };
}

const active = (db: Db, today: string) =>
  db.selectFrom("notices").where("removed_at", "is", null).where("expires_on", ">=", today);

/** Makes the index's notices equal to the notices showing now (start, the periodic job, reindex). */
export async function reindexNotices(
  services: { db: Db; search: SearchService },
  progress?: (done: number, total: number) => void,
  options: { force?: boolean } = {},
) {
  const rows = await active(services.db, finnishDate(Date.now())).selectAll().execute();
  return services.search.reconcile(NOTICE_SOURCE, rows.map(noticeDocument), progress, options);
}

const staff = (user: Express.User) => user.role === "moderator" || user.role === "admin";

/**
 * The notice board: members post notices (giving away, looking for, announcements) that show
 * until their expiry date; authors edit and delete their own, moderators remove any. The
 * henkilötunnus guard applies as everywhere members write.
 */
export function noticesRouter(services: Services): Router {
  const { db, search, logger } = services;
  const router = strictRouter();
  // Thirty notices an hour per member is plenty for people and stops a runaway script.
  const posting = new RateLimiterMemory({ keyPrefix: "notice_post", points: 30, duration: 3600 });

  const member = (req: Request): Express.User => {
    if (!req.user) throw errors.unauthorized();
    return req.user;
  };
  const index = (row: Row) =>
    search
      .upsert([noticeDocument(row)])
      .catch((err: unknown) => logger.warn({ err }, "indexing a notice failed"));
  const unindex = (id: number) =>
    search
      .remove([`notice:${id}`])
      .catch((err: unknown) => logger.warn({ err }, "unindexing a notice failed"));

  async function present(rows: Row[], viewer: Express.User) {
    const ids = [...new Set(rows.map((r) => r.author_id))];
    const authors = ids.length
      ? await db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute()
      : [];
    const name = new Map(authors.map((a) => [a.id, a.name]));
    const today = finnishDate(Date.now());
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      author: { id: r.author_id, name: name.get(r.author_id) ?? "" },
      municipalityCode: r.municipality_code,
      expiresOn: r.expires_on,
      expired: r.expires_on < today,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      mine: r.author_id === viewer.id,
      canEdit: r.author_id === viewer.id,
      canRemove: r.author_id === viewer.id || staff(viewer),
    }));
  }

  /** A notice the viewer may open: showing now, or their own (even expired); else not_found. */
  async function visible(viewer: Express.User, id: number): Promise<Row> {
    const row = await db
      .selectFrom("notices")
      .selectAll()
      .where("id", "=", id)
      .where("removed_at", "is", null)
      .executeTakeFirst();
    if (!row || (row.expires_on < finnishDate(Date.now()) && row.author_id !== viewer.id))
      throw errors.notFound();
    return row;
  }

  const checkExpiry = (expiresOn: string) => {
    const today = finnishDate(Date.now());
    if (expiresOn < today || expiresOn > addDays(today, MAX_NOTICE_DAYS))
      throw errors.invalidInput({ fields: { expiresOn: "notice_expiry" } });
  };

  router.get(
    "/notices",
    handler(async (req, res) => {
      const viewer = member(req);
      const q = parse(NoticeListQuery, req.query);
      const today = finnishDate(Date.now());
      // Your own include the expired ones, so they can be renewed.
      let query = q.mine
        ? db.selectFrom("notices").where("removed_at", "is", null).where("author_id", "=", viewer.id)
        : active(db, today);
      if (q.kind) query = query.where("kind", "=", q.kind);
      if (q.municipality) query = query.where("municipality_code", "=", q.municipality);
      const [rows, count] = await Promise.all([
        query
          .selectAll()
          .orderBy("created_at", "desc")
          .orderBy("id", "desc")
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      res.set("Cache-Control", "private, no-store");
      res.json({
        data: await present(rows, viewer),
        meta: { total: Number(count.n), limit: q.limit, offset: q.offset },
      });
    }),
  );

  router.get(
    "/notices/:id",
    handler(async (req, res) => {
      const viewer = member(req);
      const row = await visible(viewer, parse(IdParam, req.params).id);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: (await present([row], viewer))[0] });
    }),
  );

  router.post(
    "/notices",
    handler(async (req, res) => {
      const author = member(req);
      const input = parse(NoticeInput, req.body);
      const expiresOn = input.expiresOn ?? addDays(finnishDate(Date.now()), 30);
      checkExpiry(expiresOn);
      await posting.consume(String(author.id)).catch((limit: RateLimiterRes) => {
        throw errors.rateLimited(Math.max(1, Math.ceil(limit.msBeforeNext / 1000)));
      });
      const at = Date.now();
      const home = await db
        .selectFrom("users")
        .select("municipality_code")
        .where("id", "=", author.id)
        .executeTakeFirst();
      const row = await db
        .insertInto("notices")
        .values({
          author_id: author.id,
          kind: input.kind,
          title: input.title,
          body: input.body,
          municipality_code: home?.municipality_code ?? null,
          expires_on: expiresOn,
          removed_at: null,
          removed_by: null,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await index(row);
      res.status(201).json({ data: (await present([row], author))[0] });
    }),
  );

  router.patch(
    "/notices/:id",
    handler(async (req, res) => {
      const viewer = member(req);
      const row = await visible(viewer, parse(IdParam, req.params).id);
      if (row.author_id !== viewer.id) throw errors.forbidden();
      const input = parse(NoticeUpdate, req.body);
      if (input.expiresOn) checkExpiry(input.expiresOn);
      const updated = await db
        .updateTable("notices")
        .set({
          ...(input.kind ? { kind: input.kind } : {}),
          ...(input.title ? { title: input.title } : {}),
          ...(input.body ? { body: input.body } : {}),
          ...(input.expiresOn ? { expires_on: input.expiresOn } : {}),
          updated_at: Date.now(),
        })
        .where("id", "=", row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (updated.expires_on >= finnishDate(Date.now())) await index(updated);
      res.json({ data: (await present([updated], viewer))[0] });
    }),
  );

  router.delete(
    "/notices/:id",
    handler(async (req, res) => {
      const viewer = member(req);
      const row = await visible(viewer, parse(IdParam, req.params).id);
      if (row.author_id !== viewer.id && !staff(viewer)) throw errors.forbidden();
      await db
        .updateTable("notices")
        .set({ removed_at: Date.now(), removed_by: row.author_id === viewer.id ? null : viewer.id })
        .where("id", "=", row.id)
        .execute();
      await unindex(row.id);
      res.status(204).end();
    }),
  );

  return router;
}
