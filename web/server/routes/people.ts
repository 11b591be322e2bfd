import { type Router } from "express";
import { z } from "zod";
import type { Services } from "../services.js";
import { findUserById } from "../commands/users.js";
import { errors } from "../errors.js";
import { presentColleague, presentMe, VISIBLE_FIELDS } from "../presenters/user.js";
import { handler, parse, strictRouter } from "../validate.js";

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

/** Case- and accent-insensitive: "jyvaskyla" finds Jyväskylä. */
export const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function peopleRouter(services: Services): Router {
  const router = strictRouter();

  router.patch(
    "/me",
    handler(async (req, res) => {
      if (!req.user) throw errors.unauthorized();
      const input = parse(ProfileSchema, req.body);
      const empty = (v: string | null | undefined) => (v === undefined ? undefined : v === "" ? null : v);
      await services.db
        .updateTable("users")
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.title !== undefined ? { title: empty(input.title) } : {}),
          ...(input.organisation !== undefined ? { organisation: empty(input.organisation) } : {}),
          ...(input.unit !== undefined ? { unit: empty(input.unit) } : {}),
          ...(input.municipalityCode !== undefined ? { municipality_code: input.municipalityCode } : {}),
          ...(input.phone !== undefined ? { phone: empty(input.phone) } : {}),
          ...(input.expertise !== undefined ? { expertise: empty(input.expertise) } : {}),
          ...(input.languages ? { languages: JSON.stringify(input.languages) } : {}),
          ...(input.visibility ? { visibility: JSON.stringify(input.visibility) } : {}),
          updated_at: Date.now(),
        })
        .where("id", "=", req.user.id)
        .execute();
      res.json({ data: presentMe((await findUserById(services.db, req.user.id))!) });
    }),
  );

  router.get(
    "/people",
    handler(async (req, res) => {
      if (!req.user) throw errors.unauthorized();
      const query = parse(PeopleQuery, req.query);
      const rows = await services.db
        .selectFrom("users")
        .selectAll()
        .where("status", "=", "active")
        .orderBy("name")
        .execute();
      const terms = fold(query.q).split(/\s+/).filter(Boolean);
      const people = rows
        .map((row) => ({ row, shown: presentColleague(row) }))
        // Only what a member chose to show can be searched: a hidden field never matches.
        .filter(({ shown }) => !query.municipality || shown.municipalityCode === query.municipality)
        .filter(({ shown }) => {
          const haystack = fold(
            [shown.name, shown.title, shown.organisation, shown.unit, shown.expertise]
              .filter(Boolean)
              .join(" "),
          );
          return terms.every((t) => haystack.includes(t));
        })
        .slice(0, 50)
        .map(({ shown }) => shown);
      res.json({ data: people });
    }),
  );

  return router;
}
