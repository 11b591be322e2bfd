import { z } from "zod";
import { richText } from "./answers.js";

const text = (max: number) => z.string({ error: "required" }).trim().max(max, "too_long");

export const ConsultationCreate = z.object({
  serviceArea: z.string({ error: "required" }).regex(/^[a-z0-9-]{2,80}$/, "service_area"),
  topic: text(200).min(3, "too_short"),
  /** Light markup (see richtext.ts), rendered as allow-listed elements only. */
  question: richText(20),
  urgency: z.enum(["normal", "urgent"], { error: "urgency" }).default("normal"),
  /** The requester ticked the anonymisation checklist. */
  anonymised: z.literal(true, { error: "anonymisation_checklist" }),
  /** The requester looked at every flag and confirms none is about a client. */
  acknowledgeFlags: z.boolean().optional(),
});
export const PanelCreate = z.object({
  serviceArea: z.string({ error: "required" }).regex(/^[a-z0-9-]{2,80}$/, "service_area"),
  name: text(200).min(3, "too_short"),
});
export const PanelMember = z.object({
  userId: z.number({ error: "id" }).int("id").positive("id"),
  lead: z.boolean().default(false),
});
