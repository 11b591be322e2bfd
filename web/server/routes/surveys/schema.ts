import { z } from "zod";

const day = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((d) => !Number.isNaN(Date.parse(d)), "date");

export const SurveyInput = z
  .object({
    title: z.string({ error: "required" }).trim().min(3, "too_short").max(200, "too_long"),
    questions: z
      .array(z.string().trim().min(3, "too_short").max(300, "too_long"), { error: "questions" })
      .min(1, "questions")
      .max(8, "too_many"),
    freeText: z.string().trim().max(300, "too_long").optional(),
    opensOn: day,
    closesOn: day,
  })
  .refine((s) => s.opensOn <= s.closesOn, { message: "period", path: ["closesOn"] });

export const SurveyAnswer = z.object({
  scores: z.array(z.number({ error: "score" }).int("score").min(1, "score").max(5, "score"), {
    error: "scores",
  }),
  comment: z.string().trim().max(2000, "too_long").optional(),
});

export const ResultsQuery = z.object({
  format: z.enum(["json", "csv"], { error: "format" }).default("json"),
});
