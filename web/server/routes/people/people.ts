import { type Router } from "express";
import type { Services } from "../../services.js";
import { findUserById } from "../../commands/users.js";

import { presentColleague, presentMe } from "../../presenters/user.js";
import { handler, parse, strictRouter } from "../../validate.js";
import { ProfileSchema, PeopleQuery } from "./schema.js";
import { actorOf } from "../../auth/access.js";

/** Case- and accent-insensitive: "jyvaskyla" finds Jyväskylä. */
export const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function peopleRouter(services: Services): Router {
  const router = strictRouter();

  router.patch(
    "/me",
    handler(async (req, res) => {
      const actor = actorOf(req);
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
        .where("id", "=", actor.id)
        .execute();
      res.json({ data: presentMe((await findUserById(services.db, actor.id))!) });
    }),
  );

  router.get(
    "/people",
    handler(async (req, res) => {
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
