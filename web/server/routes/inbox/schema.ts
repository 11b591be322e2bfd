import { z } from "zod";

export const InboxQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(30),
    unread: z.enum(["1"]).optional(),
  })
  .strict();
