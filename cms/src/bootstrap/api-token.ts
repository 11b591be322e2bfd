import type { Core } from "@strapi/strapi";
import type { Config } from "@soskes/config";
import { adminServices } from "../strapi-services";

export const PORTAL_TOKEN_NAME = "SosKes-portaali (vain luku)";

/**
 * The portal server reads published content with a read-only API token whose key comes from
 * configuration (CMS_API_TOKEN), so both processes agree on it without copying it by hand.
 */
export async function ensurePortalApiToken(strapi: Core.Strapi, config: Config): Promise<void> {
  const { apiToken: tokens, encryption } = adminServices(strapi);
  const key = config.cms.apiToken;
  const hashed = tokens.hash(key);
  let token = (await strapi.db.query("admin::api-token").findOne({ where: { name: PORTAL_TOKEN_NAME } })) as {
    id: number;
    accessKey: string;
  } | null;
  if (!token) {
    const created = await tokens.create({
      name: PORTAL_TOKEN_NAME,
      description: "Portaalipalvelin lukee julkaistun sisällön tällä avaimella.",
      type: "read-only",
      kind: "content-api",
      lifespan: null,
    });
    token = { id: created.id, accessKey: "" };
  }
  if (token.accessKey !== hashed) {
    await strapi.db.query("admin::api-token").update({
      where: { id: token.id },
      data: { accessKey: hashed, encryptedKey: encryption.encrypt(key) },
    });
  }
}
