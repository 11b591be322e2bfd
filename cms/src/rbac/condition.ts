import type { Core } from "@strapi/strapi";
import { adminServices } from "../strapi-services";
import {
  MUNICIPALITY_UID,
  OWN_MUNICIPALITY_CONDITION,
  assignedMunicipalityCodes,
  type AdminUserLike,
} from "./scope";

type ConditionUser = AdminUserLike & { permission?: { subject?: string | null } };

/**
 * "Oma kunta": limits a permission to records whose owner municipality is assigned to the
 * admin user. Strapi applies the returned query to list views, relation pickers, counts and
 * single-record checks alike.
 */
export function registerOwnMunicipalityCondition(strapi: Core.Strapi): void {
  const name = OWN_MUNICIPALITY_CONDITION.replace(/^api::/, "");
  void adminServices(strapi).permission.conditionProvider.register({
    displayName: "Oma kunta (ylläpitäjän kunnat)",
    name,
    category: "SosKes",
    async handler(user: ConditionUser) {
      const codes = await assignedMunicipalityCodes(strapi, user.id);
      if (user.permission?.subject === MUNICIPALITY_UID) {
        return { code: { $in: codes } };
      }
      return { "municipality.code": { $in: codes } };
    },
  });
}
