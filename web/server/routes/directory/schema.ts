import { z } from "zod";

export const DirectoryQuerySchema = z.object({
  municipality: z
    .string()
    .regex(/^[0-9]{3}$/, "municipality_code")
    .optional(),
  serviceArea: z
    .string()
    .regex(/^[a-z0-9-]{2,80}$/, "service_area")
    .optional(),
});
