import { CONTENT_KINDS } from "@soskes/config";
import { type Router } from "express";
import type { Services } from "../../services.js";

import { requestLang } from "../../i18n.js";
import { canRead } from "../../policies/content.js";
import { handler, parse, strictRouter } from "../../validate.js";
import { SearchQuerySchema } from "./schema.js";

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
