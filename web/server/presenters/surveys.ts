import type { Selectable } from "kysely";
import type { SurveysTable } from "../db/schema.js";
export type Survey = Selectable<SurveysTable>;

/** A survey as members and admins see it. */
export const presentSurvey = (s: Survey) => ({
  id: s.id,
  title: s.title,
  questions: JSON.parse(s.questions) as string[],
  freeText: s.free_text,
  opensOn: s.opens_on,
  closesOn: s.closes_on,
});

/** Per question: how many gave each score, their number and the mean; and the comments. */
export function surveyResults(survey: Survey, responses: Array<{ scores: string; comment: string | null }>) {
  const questions = JSON.parse(survey.questions) as string[];
  const parsed = responses.map((r) => JSON.parse(r.scores) as number[]);
  return {
    ...presentSurvey(survey),
    responses: responses.length,
    questions: questions.map((text, i) => {
      const scores = parsed.map((p) => p[i]).filter((v): v is number => typeof v === "number");
      const counts = [1, 2, 3, 4, 5].map((v) => scores.filter((s) => s === v).length);
      const mean = scores.length
        ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100
        : null;
      return { text, counts, answers: scores.length, mean };
    }),
    comments: responses.flatMap((r) => (r.comment ? [r.comment] : [])),
  };
}
