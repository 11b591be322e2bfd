import { z } from "zod";

export const AreaQuery = z.object({
  serviceArea: z
    .string()
    .regex(/^[a-z0-9-]{2,80}$/, "service_area")
    .optional(),
});

export const TokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, "invalid_token") });
