import { z } from "zod";
import { VISIBLE_FIELDS } from "../../presenters/user.js";

const optionalText = (max: number) => z.string().trim().max(max, "too_long").nullable().optional();

export const ProfileSchema = z.object({
  name: z.string().trim().min(2, "required").max(200, "too_long").optional(),
  title: optionalText(200),
  organisation: optionalText(200),
  unit: optionalText(200),
  municipalityCode: z
    .string()
    .regex(/^[0-9]{3}$/, "municipality_code")
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9][0-9 ()-]{4,24})?$/, "phone")
    .nullable()
    .optional(),
  expertise: optionalText(1000),
  languages: z
    .array(z.enum(["fi", "sv", "en", "se", "ru", "et", "ar", "so", "fa", "uk", "fi-sign"]))
    .max(11)
    .optional(),
  visibility: z.object(Object.fromEntries(VISIBLE_FIELDS.map((f) => [f, z.boolean().optional()]))).optional(),
});

export const PeopleQuery = z.object({
  q: z.string().trim().min(2, "query_too_short").max(100, "too_long"),
  municipality: z
    .string()
    .regex(/^[0-9]{3}$/, "municipality_code")
    .optional(),
});
