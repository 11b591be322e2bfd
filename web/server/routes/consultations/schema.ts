import { z } from "zod";

export const ConsultationListQuery = z.object({
  scope: z.enum(["mine", "inbox"], { error: "scope" }).default("mine"),
  status: z.enum(["new", "claimed", "answered", "closed"], { error: "status" }).optional(),
});

export const AnswerListQuery = z.object({
  serviceArea: z
    .string()
    .regex(/^[a-z0-9-]{2,80}$/, "service_area")
    .optional(),
  limit: z.coerce.number().int("limit").min(1, "limit").max(100, "limit").default(20),
  offset: z.coerce.number().int("offset").min(0, "offset").max(10_000, "offset").default(0),
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((d) => !Number.isNaN(Date.parse(d)), "date");

export const ReportQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    format: z.enum(["json", "csv"], { error: "format" }).default("json"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "period", path: ["to"] });

export const AssignBody = z.object({ userId: z.number({ error: "id" }).int("id").positive("id") });

export const CloseBody = z.object({ consent: z.boolean({ error: "required" }).optional() });

export const AuditQuery = z.object({
  format: z.enum(["json", "csv"], { error: "format" }).default("json"),
  limit: z.coerce.number().int("limit").min(1, "limit").max(10_000, "limit").default(1000),
});
