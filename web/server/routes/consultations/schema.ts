import { z } from "zod";

export const ConsultationListQuery = z.object({
  scope: z.enum(["mine", "inbox"], { error: "scope" }).default("mine"),
  status: z.enum(["new", "claimed", "answered", "closed"], { error: "status" }).optional(),
});

export const AssignBody = z.object({ userId: z.number({ error: "id" }).int("id").positive("id") });

export const CloseBody = z.object({ consent: z.boolean({ error: "required" }).optional() });
