import { addDays, finnishDate, AppError } from "@soskes/domain";
import { type Router } from "express";

import type { Services } from "../../services.js";
import { createActionLimiter } from "../../auth/throttle.js";
import { errors } from "../../errors.js";
import { enqueueMail } from "../../mail/outbox.js";
import { IdParam, handler, parse, strictRouter } from "../../validate.js";

import { FeedbackInput, FeedbackListQuery, FeedbackAnswer } from "./schema.js";
import { presentFeedback } from "../../presenters/feedback.js";
import { actorOf } from "../../auth/access.js";

/** The Act on the Provision of Digital Services (306/2019): accessibility feedback is answered within 14 days. */
export const ACCESSIBILITY_REPLY_DAYS = 14;

const noReplyAddress = () =>
  new AppError(409, "no_reply_address", {
    fi: "Palaute on annettu nimettömänä: vastausosoitetta ei ole.",
    sv: "Responsen är anonym: det finns ingen svarsadress.",
    en: "The feedback is anonymous: there is no address to answer to.",
  });
const alreadyAnswered = () =>
  new AppError(409, "already_answered", {
    fi: "Palautteeseen on jo vastattu.",
    sv: "Responsen har redan besvarats.",
    en: "The feedback has already been answered.",
  });

/**
 * Feedback about the portal, its content or its accessibility — from anyone, logged in or not,
 * since the accessibility feedback channel must be open to all. Admins read it and answer
 * signed feedback by e-mail from the portal.
 */
export function feedbackRouter(services: Services): Router {
  const { db } = services;
  const router = strictRouter();
  // Ten a day from one address: enough for people, not for a flood.
  const limiter = createActionLimiter(10, 24 * 3600);

  router.post(
    "/feedback",
    handler(async (req, res) => {
      const input = parse(FeedbackInput, req.body);
      await limiter.consume(req.ip ?? "unknown");
      const signer =
        input.signed && req.user
          ? { user_id: req.user.id, name: req.user.name, email: req.user.email }
          : input.email
            ? { user_id: null, name: input.name || null, email: input.email }
            : { user_id: null, name: null, email: null };
      const today = finnishDate(Date.now());
      const row = await db
        .insertInto("feedback")
        .values({
          ...signer,
          topic: input.topic,
          message: input.message,
          page: input.page ?? null,
          due_on: input.topic === "accessibility" ? addDays(today, ACCESSIBILITY_REPLY_DAYS) : null,
          answer: null,
          answered_at: null,
          answered_by: null,
          created_at: Date.now(),
        })
        .returning(["id", "due_on"])
        .executeTakeFirstOrThrow();
      res.status(201).json({ data: { id: row.id, dueOn: row.due_on, signed: signer.email !== null } });
    }),
  );

  router.get(
    "/admin/feedback",
    handler(async (req, res) => {
      const q = parse(FeedbackListQuery, req.query);
      let query = db.selectFrom("feedback").selectAll();
      if (q.topic) query = query.where("topic", "=", q.topic);
      if (q.status === "open") query = query.where("answered_at", "is", null);
      if (q.status === "answered") query = query.where("answered_at", "is not", null);
      const rows = await query.orderBy("created_at", "desc").limit(500).execute();
      const today = finnishDate(Date.now());
      // Overdue accessibility feedback first: it has a legal deadline.
      const presented = rows.map((r) => presentFeedback(r, today));
      presented.sort((a, b) => Number(b.overdue) - Number(a.overdue));
      res.set("Cache-Control", "private, no-store");
      res.json({ data: presented });
    }),
  );

  router.post(
    "/admin/feedback/:id/answer",
    handler(async (req, res) => {
      const user = actorOf(req);
      const { id } = parse(IdParam, req.params);
      const { message } = parse(FeedbackAnswer, req.body);
      const row = await db.selectFrom("feedback").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) throw errors.notFound();
      if (!row.email) throw noReplyAddress();
      if (row.answered_at !== null) throw alreadyAnswered();
      const at = Date.now();
      // Claimed first, so two admins answering at once send one reply.
      const claimed = await db
        .updateTable("feedback")
        .set({ answer: message, answered_at: at, answered_by: user.id })
        .where("id", "=", id)
        .where("answered_at", "is", null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) throw alreadyAnswered();
      await enqueueMail(db, {
        to: row.email,
        template: "feedback-answer",
        locale: "fi",
        data: {
          name: row.name ?? "",
          answer: message,
          original: row.message,
          url: services.config.portal.publicUrl,
        },
      });
      const updated = await db
        .selectFrom("feedback")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      res.json({ data: presentFeedback(updated, finnishDate(at)) });
    }),
  );

  return router;
}
