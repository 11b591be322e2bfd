import { type Router } from "express";
import type { Services } from "../../services.js";
import { openFlagsFor } from "../../content/statute-flags.js";
import { IdParam, handler, parse, strictRouter } from "../../validate.js";
import { AnswerListQuery } from "./schema.js";

/** The answer bank: published Q&A, for every signed-in member. */
export function answersRouter(services: Services): Router {
  const { consult } = services;
  const router = strictRouter();
  router.get(
    "/answers",
    handler(async (req, res) => {
      const query = parse(AnswerListQuery, req.query);
      const { answers, total } = await consult.listAnswers(query);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: answers, meta: { total, limit: query.limit, offset: query.offset } });
    }),
  );
  router.get(
    "/answers/:id",
    handler(async (req, res) => {
      res.set("Cache-Control", "private, no-store");
      const answer = await consult.getAnswer(parse(IdParam, req.params).id);
      const needsReview = await openFlagsFor(services.db, "answer", String(answer.id));
      res.json({ data: { ...answer, needsReview } });
    }),
  );
  return router;
}
