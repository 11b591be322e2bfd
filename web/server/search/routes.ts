import { CONTENT_KINDS } from "@soskes/config";
import { HIT_TYPES } from "@soskes/search";
import { type Router } from "express";
import { z } from "zod";
import type { Services } from "../services.js";
import { DirectoryQuerySchema } from "../content/routes.js";
import { errors } from "../errors.js";
import { requestLang } from "../i18n.js";
import { canRead } from "../policies/content.js";
import { handler, parse, strictRouter } from "../validate.js";

const types = z
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

/**
 * Content kinds are audiences of their own, readable as the content API's policy says
 * (canRead); members also see what is for members only, such as named contact persons.
 */
export async function audiencesFor(services: Services, user: Express.User | undefined): Promise<string[]> {
  const kinds: string[] = CONTENT_KINDS.filter((kind) => canRead(services.config, user, kind));
  if (!user) return kinds;
  // Group messages: the groups the member is in right now, so removal takes effect at once.
  return [...kinds, "members", ...(await services.chat.audiencesOf(user.id))];
}

export function searchRouter(services: Services): Router {
  const router = strictRouter();
  router.get(
    "/search",
    handler(async (req, res) => {
      const audiences = await audiencesFor(services, req.user);
      if (audiences.length === 0) throw errors.unauthorized();
      const query = parse(SearchQuerySchema, req.query);
      const partial = query.partial === "1" || query.partial === "true";
      const result = await services.search.searchJson({
        q: query.q,
        types: query.type,
        municipality: query.municipality,
        serviceArea: query.serviceArea,
        limit: query.limit,
        offset: query.offset,
        partial,
        locale: requestLang(req),
        audiences,
      });
      // A finished search (not a prefix being typed) that found nothing: the usage overview shows
      // what people look for and cannot find.
      if (
        result.total === 0 &&
        !partial &&
        !query.offset &&
        !query.type &&
        !query.municipality &&
        !query.serviceArea
      )
        services.usage.searchMiss(query.q);
      // Sent as serialised where it was computed (a search thread): no copy, no second
      // serialisation, no ETag for an answer that is never cached.
      res.setHeader("Cache-Control", "private, no-store");
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.end(`{"data":${result.json}}`);
    }),
  );
  return router;
}
