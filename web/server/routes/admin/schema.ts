import { z } from "zod";

export const ListQuery = z.object({
  status: z.enum(["pending", "active", "unverified", "disabled"]).default("pending"),
});

export const OrgUnitSchema = z.object({
  unitId: z.string().trim().min(1, "unitId").max(64, "unitId").nullable(),
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

export const AuditQuery = z.object({
  format: z.enum(["json", "csv"], { error: "format" }).default("json"),
  limit: z.coerce.number().int("limit").min(1, "limit").max(10_000, "limit").default(1000),
});
