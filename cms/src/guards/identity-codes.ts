import { containsHetuDeep } from "@soskes/domain";
import type { Core } from "@strapi/strapi";
import { errors } from "@strapi/utils";

const WRITES = new Set(["create", "update", "clone"]);

const HETU_REFUSED =
  "Tekstissä on henkilötunnus. Asiakkaan tai muun henkilön tunnistetietoja ei saa tallentaa SosKesiin: poista tunnus ja tallenna uudelleen.";

/**
 * The henkilötunnus guard for editorial content: every text, rich-text (markdown and blocks)
 * and component field of every SosKes content type is read as a reader would see it, and a
 * save that holds an identity code is refused in the admin with a Finnish message. Seeds,
 * imports and the admin UI all write through the document service, so all are covered.
 */
export function registerIdentityCodeGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!WRITES.has(context.action) || !context.uid.startsWith("api::")) return next();
    const data = (context.params as { data?: unknown }).data;
    if (data && containsHetuDeep(data)) throw new errors.ValidationError(HETU_REFUSED);
    return next();
  });
}
