import { z } from "zod";

export const AnswerListQuery = z.object({
  serviceArea: z
    .string()
    .regex(/^[a-z0-9-]{2,80}$/, "service_area")
    .optional(),
  limit: z.coerce.number().int("limit").min(1, "limit").max(100, "limit").default(20),
  offset: z.coerce.number().int("offset").min(0, "offset").max(10_000, "offset").default(0),
});
