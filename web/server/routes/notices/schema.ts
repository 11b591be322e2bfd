import { normaliseRichText } from "@soskes/chat";
import { z } from "zod";

export const NOTICE_KINDS = ["giving", "seeking", "announcement"] as const;

/** A notice shows for at most this many days. */
export const MAX_NOTICE_DAYS = 90;

export const date = z
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
