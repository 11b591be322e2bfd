import { finnishDate, toCsv, AppError } from "@soskes/domain";
import { type Router } from "express";

import type { Services } from "../../services.js";

import { errors } from "../../errors.js";
import { IdParam, handler, parse, strictRouter } from "../../validate.js";
import { SurveyInput, SurveyAnswer, ResultsQuery } from "./schema.js";
import { presentSurvey, surveyResults } from "../../presenters/surveys.js";
import { actorOf } from "../../auth/access.js";

const alreadyAnswered = () =>
  new AppError(409, "already_answered", {
    fi: "Olet jo vastannut tähän kyselyyn. Kiitos!",
    sv: "Du har redan svarat på denna enkät. Tack!",
    en: "You have already answered this survey. Thank you!",
  });

/**
 * Satisfaction surveys: admins open a short survey for a period; members see it while it is open
 * and answer once; results are aggregates (a chart and CSV) that never show who answered what.
 */
export function surveysRouter(services: Services): Router {
  const { db } = services;
  const router = strictRouter();
  const open = (today: string) =>
    db.selectFrom("surveys").selectAll().where("opens_on", "<=", today).where("closes_on", ">=", today);

  router.get(
    "/surveys/current",
    handler(async (req, res) => {
      const user = actorOf(req);
      const survey = await open(finnishDate(Date.now()))
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("survey_responses as r")
                .select("r.id")
                .whereRef("r.survey_id", "=", "surveys.id")
                .where("r.user_id", "=", user.id),
            ),
          ),
        )
        .orderBy("opens_on", "desc")
        .executeTakeFirst();
      res.set("Cache-Control", "private, no-store");
      res.json({ data: survey ? presentSurvey(survey) : null });
    }),
  );

  router.post(
    "/surveys/:id/responses",
    handler(async (req, res) => {
      const user = actorOf(req);
      const { id } = parse(IdParam, req.params);
      const input = parse(SurveyAnswer, req.body);
      const survey = await open(finnishDate(Date.now())).where("id", "=", id).executeTakeFirst();
      if (!survey) throw errors.notFound();
      if (input.scores.length !== (JSON.parse(survey.questions) as string[]).length)
        throw errors.invalidInput({ fields: { scores: "scores" } });
      const row = await db
        .insertInto("survey_responses")
        .values({
          survey_id: id,
          user_id: user.id,
          scores: JSON.stringify(input.scores),
          comment: input.comment || null,
          created_at: Date.now(),
        })
        .onConflict((oc) => oc.columns(["survey_id", "user_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!row) throw alreadyAnswered();
      res.status(201).json({ data: { thanks: true } });
    }),
  );

  router.get(
    "/admin/surveys",
    handler(async (req, res) => {
      const surveys = await db.selectFrom("surveys").selectAll().orderBy("opens_on", "desc").execute();
      const counts = await db
        .selectFrom("survey_responses")
        .select(["survey_id", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("survey_id")
        .execute();
      const n = new Map(counts.map((c) => [c.survey_id, Number(c.n)]));
      res.set("Cache-Control", "private, no-store");
      res.json({ data: surveys.map((s) => ({ ...presentSurvey(s), responses: n.get(s.id) ?? 0 })) });
    }),
  );

  router.post(
    "/admin/surveys",
    handler(async (req, res) => {
      const user = actorOf(req);
      const input = parse(SurveyInput, req.body);
      if (input.closesOn < finnishDate(Date.now()))
        throw errors.invalidInput({ fields: { closesOn: "past" } });
      const survey = await db
        .insertInto("surveys")
        .values({
          title: input.title,
          questions: JSON.stringify(input.questions),
          free_text: input.freeText || null,
          opens_on: input.opensOn,
          closes_on: input.closesOn,
          created_by: user.id,
          created_at: Date.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      res.status(201).json({ data: presentSurvey(survey) });
    }),
  );

  router.post(
    "/admin/surveys/:id/close",
    handler(async (req, res) => {
      const { id } = parse(IdParam, req.params);
      const yesterday = finnishDate(Date.now() - 86_400_000);
      const survey = await db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
      if (!survey) throw errors.notFound();
      const closed = await db
        .updateTable("surveys")
        .set({ closes_on: survey.closes_on < yesterday ? survey.closes_on : yesterday })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      res.json({ data: presentSurvey(closed) });
    }),
  );

  router.get(
    "/admin/surveys/:id/results",
    handler(async (req, res) => {
      const { id } = parse(IdParam, req.params);
      const { format } = parse(ResultsQuery, req.query);
      const survey = await db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
      if (!survey) throw errors.notFound();
      const responses = await db
        .selectFrom("survey_responses")
        .select(["scores", "comment"])
        .where("survey_id", "=", id)
        .orderBy("id")
        .execute();
      res.set("Cache-Control", "private, no-store");
      if (format === "csv") {
        // One row per response, without who answered, sorted by content rather than by time.
        const questions = JSON.parse(survey.questions) as string[];
        const header = [...questions.map((_, i) => `q${i + 1}`), "comment"];
        const rows = responses.map((r) => {
          const scores = JSON.parse(r.scores) as number[];
          return Object.fromEntries([
            ...scores.map((s, i) => [`q${i + 1}`, s]),
            ["comment", r.comment ?? ""],
          ]) as Record<string, string | number>;
        });
        rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        res.type("text/csv; charset=utf-8");
        res.setHeader("Content-Disposition", `attachment; filename="soskes-kysely-${id}.csv"`);
        res.send(toCsv(header, rows));
        return;
      }
      res.json({ data: surveyResults(survey, responses) });
    }),
  );

  return router;
}
