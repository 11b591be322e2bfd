import { type Router } from "express";
import { actorOf } from "../../auth/access.js";
import { errors } from "../../errors.js";
import { presentInboxItem } from "../../presenters/inbox.js";
import { openableItems, unreadCount } from "../../inbox/items.js";
import type { Services } from "../../services.js";
import { IdParam, handler, parse, strictRouter } from "../../validate.js";
import { InboxQuery } from "./schema.js";

export function inboxRouter(services: Services): Router {
  const router = strictRouter();
  const { db } = services;

  router.get(
    "/inbox",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { limit, unread } = parse(InboxQuery, req.query);
      let query = openableItems(db, actor.id).orderBy("i.id", "desc").limit(limit);
      if (unread) query = query.where("i.read_at", "is", null);
      const rows = await query.execute();
      res.set("Cache-Control", "private, no-store");
      res.json({ data: { items: rows.map(presentInboxItem), unread: await unreadCount(db, actor.id) } });
    }),
  );

  router.post(
    "/inbox/read",
    handler(async (req, res) => {
      const actor = actorOf(req);
      await db
        .updateTable("inbox_items")
        .set({ read_at: Date.now() })
        .where("user_id", "=", actor.id)
        .where("read_at", "is", null)
        .execute();
      services.chat.fanout().toUser(actor.id, "inbox", { unread: 0 });
      res.json({ data: { unread: 0 } });
    }),
  );

  router.post(
    "/inbox/:id/read",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id } = parse(IdParam, req.params);
      const result = await db
        .updateTable("inbox_items")
        .set({ read_at: Date.now() })
        .where("id", "=", id)
        .where("user_id", "=", actor.id)
        .where("read_at", "is", null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        // Someone else's item and a missing one answer alike.
        const mine = await db
          .selectFrom("inbox_items")
          .select("id")
          .where("id", "=", id)
          .where("user_id", "=", actor.id)
          .executeTakeFirst();
        if (!mine) throw errors.notFound();
      }
      const unread = await unreadCount(db, actor.id);
      services.chat.fanout().toUser(actor.id, "inbox", { unread });
      res.json({ data: { unread } });
    }),
  );
  return router;
}
