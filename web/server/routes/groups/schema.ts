import { z } from "zod";

export const RemoveQuery = z.object({
  ban: z.enum(["0", "1", "true", "false"], { error: "ban" }).optional(),
});

export const MessagesQuery = z.object({
  before: z.coerce.number().int("seq").min(1, "seq").optional(),
  after: z.coerce.number().int("seq").min(0, "seq").optional(),
  updatedAfter: z.coerce.number().int("time").min(0, "time").optional(),
  limit: z.coerce.number().int("limit").min(1, "limit").max(100, "limit").default(50),
});
