import type { Core } from "@strapi/strapi";
import { soskesConfig } from "../config/soskes";
import { ensureAdminLabels } from "./bootstrap/admin-labels";
import { ensurePortalApiToken } from "./bootstrap/api-token";
import { ensureLocales } from "./bootstrap/locales";
import { ensureRoles } from "./bootstrap/roles";
import { ensurePortalWebhook } from "./bootstrap/webhook";
import { registerOwnMunicipalityCondition } from "./rbac/condition";
import { registerMaintainerGuard } from "./rbac/guard";
import { registerMaintainerReadScope } from "./rbac/read-scope";
import { registerIdentityCodeGuard } from "./guards/identity-codes";
import { bindAssignmentsToUsers, bindLegacyAssignmentsOnce } from "./rbac/scope";
import { hasBeenSeeded, seed } from "./seed/seed";

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerMaintainerGuard(strapi);
    registerMaintainerReadScope(strapi);
    registerIdentityCodeGuard(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const config = soskesConfig();
    bindAssignmentsToUsers(strapi);
    registerOwnMunicipalityCondition(strapi);
    await ensureLocales(strapi);
    await ensureRoles(strapi);
    await bindLegacyAssignmentsOnce(strapi);
    await ensurePortalWebhook(strapi, config);
    await ensurePortalApiToken(strapi, config);
    await ensureAdminLabels(strapi);
    if (config.autoSeed && !(await hasBeenSeeded(strapi))) {
      strapi.log.info(
        "SosKes: first start, creating the reference data" + (config.demo.enabled ? " and demo content" : ""),
      );
      const report = await seed(strapi, {
        demo: config.demo.enabled,
        demoPassword: config.demo.password,
        log: (line) => strapi.log.info(`SosKes seed: ${line}`),
      });
      strapi.log.info(`SosKes: seed created ${report.total} records`);
    }
  },
};
