import { addDays, finnishDate, noticeStream, withEvents } from "@soskes/domain";
import { type Router } from "express";
import type { Selectable, Transaction } from "kysely";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";

import type { Services } from "../../services.js";
import { errors } from "../../errors.js";
import { IdParam, handler, parse, strictRouter } from "../../validate.js";
import type { NoticesTable, Database } from "../../db/schema.js";
import { MAX_NOTICE_DAYS, NoticeInput, NoticeUpdate, NoticeListQuery } from "./schema.js";
import { activeNotices } from "../../search/notices.js";
import { actorOf } from "../../auth/access.js";
import { canNotice } from "../../policies/notices.js";
import { presentNotice } from "../../presenters/notices.js";

type Row = Selectable<NoticesTable>;

type Deps = Pick<Services, "db" | "dialect">;

/** The notice and the event that indexes (or unindexes) it commit together. */
const changing = <T>(
  { db, dialect }: Deps,
  actorId: number,
  write: (trx: Transaction<Database>) => Promise<T & { id: number }>,
) =>
  withEvents(db, dialect, async (trx, record) => {
    const result = await write(trx);
    record({
      type: "notice.changed",
      stream: noticeStream(result.id),
      payload: { noticeId: result.id, actorId },
    });
    return result;
  });

async function present({ db }: Deps, rows: Row[], viewer: Express.User) {
  const ids = [...new Set(rows.map((r) => r.author_id))];
  const authors = ids.length
    ? await db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute()
    : [];
  const name = new Map(authors.map((a) => [a.id, a.name]));
  const today = finnishDate(Date.now());
  return rows.map((r) => presentNotice(r, name.get(r.author_id) ?? "", viewer, today));
}

/** A notice the viewer may open: showing now, or their own (even expired); else not_found. */
async function visible({ db }: Deps, viewer: Express.User, id: number): Promise<Row> {
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

function checkExpiry(expiresOn: string) {
  const today = finnishDate(Date.now());
  if (expiresOn < today || expiresOn > addDays(today, MAX_NOTICE_DAYS))
    throw errors.invalidInput({ fields: { expiresOn: "notice_expiry" } });
}

/**
 * The notice board: members post notices (giving away, looking for, announcements) that show
 * until their expiry date; authors edit and delete their own, moderators remove any. The
 * henkilötunnus guard applies as everywhere members write.
 */
export function noticesRouter(services: Services): Router {
  const { db } = services;
  const router = strictRouter();
  // Thirty notices an hour per member is plenty for people and stops a runaway script.
  const posting = new RateLimiterMemory({ keyPrefix: "notice_post", points: 30, duration: 3600 });

  router.get(
    "/notices",
    handler(async (req, res) => {
      const viewer = actorOf(req);
      const q = parse(NoticeListQuery, req.query);
      const today = finnishDate(Date.now());
      // Your own include the expired ones, so they can be renewed.
      let query = q.mine
        ? db.selectFrom("notices").where("removed_at", "is", null).where("author_id", "=", viewer.id)
        : activeNotices(db, today);
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
        data: await present(services, rows, viewer),
        meta: { total: Number(count.n), limit: q.limit, offset: q.offset },
      });
    }),
  );

  router.get(
    "/notices/:id",
    handler(async (req, res) => {
      const viewer = actorOf(req);
      const row = await visible(services, viewer, parse(IdParam, req.params).id);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: (await present(services, [row], viewer))[0] });
    }),
  );

  router.post(
    "/notices",
    handler(async (req, res) => {
      const author = actorOf(req);
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
      const row = await changing(services, author.id, (trx) =>
        trx
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
          .executeTakeFirstOrThrow(),
      );
      res.status(201).json({ data: (await present(services, [row], author))[0] });
    }),
  );

  router.patch(
    "/notices/:id",
    handler(async (req, res) => {
      const viewer = actorOf(req);
      const row = await visible(services, viewer, parse(IdParam, req.params).id);
      if (!canNotice(viewer, "update", row)) throw errors.forbidden();
      const input = parse(NoticeUpdate, req.body);
      if (input.expiresOn) checkExpiry(input.expiresOn);
      const updated = await changing(services, viewer.id, (trx) =>
        trx
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
          .executeTakeFirstOrThrow(),
      );
      res.json({ data: (await present(services, [updated], viewer))[0] });
    }),
  );

  router.delete(
    "/notices/:id",
    handler(async (req, res) => {
      const viewer = actorOf(req);
      const row = await visible(services, viewer, parse(IdParam, req.params).id);
      if (!canNotice(viewer, "delete", row)) throw errors.forbidden();
      await changing(services, viewer.id, (trx) =>
        trx
          .updateTable("notices")
          .set({ removed_at: Date.now(), removed_by: row.author_id === viewer.id ? null : viewer.id })
          .where("id", "=", row.id)
          .returning("id")
          .executeTakeFirstOrThrow(),
      );
      res.status(204).end();
    }),
  );

  return router;
}
