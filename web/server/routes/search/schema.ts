import { HIT_TYPES } from "@soskes/search";
import { z } from "zod";
import { DirectoryQuerySchema } from "../directory/schema.js";

export const types = z
  .string()
  .max(200)
  .transform((v) =>
    v
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(HIT_TYPES, { error: "type" })).max(HIT_TYPES.length));

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, "required").max(200, "too_long"),
  type: types.optional(),
  municipality: DirectoryQuerySchema.shape.municipality,
  serviceArea: DirectoryQuerySchema.shape.serviceArea,
  limit: z.coerce.number().int("limit").min(1, "limit").max(50, "limit").default(20),
  offset: z.coerce.number().int("offset").min(0, "offset").max(1000, "offset").default(0),
  /** "1" while the person is still typing: the last word is then matched as a prefix. */
  partial: z.enum(["0", "1", "true", "false"], { error: "partial" }).optional(),
});
