import { z } from "zod";

export const FEEDBACK_TOPICS = ["portal", "content", "accessibility"] as const;

export const FeedbackInput = z.object({
  topic: z.enum(FEEDBACK_TOPICS, { error: "feedback_topic" }),
  message: z.string({ error: "required" }).trim().min(10, "too_short").max(4000, "too_long"),
  /** Signed: the member's name and address go with it. Otherwise nothing identifies the sender. */
  signed: z.boolean().default(false),
  /** A visitor who wants an answer gives an address (and a name if they like). */
  email: z.email({ error: "email" }).max(320, "too_long").optional(),
  name: z.string().trim().max(200, "too_long").optional(),
  /** The page the feedback is about, a path on this site. */
  page: z
    .string()
    .trim()
    .max(300, "too_long")
    .regex(/^\/[^\s]*$/, "page")
    .optional(),
});

export const FeedbackListQuery = z.object({
  topic: z.enum(FEEDBACK_TOPICS, { error: "feedback_topic" }).optional(),
  status: z.enum(["open", "answered", "all"], { error: "status" }).default("open"),
});

export const FeedbackAnswer = z.object({
  message: z.string({ error: "required" }).trim().min(5, "too_short").max(4000, "too_long"),
});
