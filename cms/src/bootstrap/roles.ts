import type { Core, UID } from "@strapi/strapi";
import {
  ASSIGNMENT_UID,
  EDITOR_ROLE_CODE,
  MAINTAINER_ROLE_CODE,
  MUNICIPALITY_SCOPED,
  MUNICIPALITY_UID,
  OWN_MUNICIPALITY_CONDITION,
} from "../rbac/scope";

import { adminServices, localesService, type Permission } from "../strapi-services";

const CM = "plugin::content-manager.explorer.";
const READ_ONLY_FOR_MAINTAINERS = [
  "api::region.region",
  "api::service-area.service-area",
  "api::statute.statute",
  "api::search-synonym.search-synonym",
];

const UPLOAD_PERMISSIONS: Permission[] = [
  { action: "plugin::upload.read" },
  { action: "plugin::upload.configure-view" },
  { action: "plugin::upload.assets.create" },
  { action: "plugin::upload.assets.update" },
  { action: "plugin::upload.assets.download" },
  { action: "plugin::upload.assets.copy-link" },
];

/**
 * A municipality maintainer changes, replaces and deletes (Strapi checks "update" for all three)
 * only the assets they uploaded themselves: another municipality's file is not theirs to swap.
 */
const MAINTAINER_UPLOAD_PERMISSIONS: Permission[] = UPLOAD_PERMISSIONS.map((p) =>
  p.action === "plugin::upload.assets.update" ? { ...p, conditions: ["admin::is-creator"] } : p,
);

export const ROLE_DEFINITIONS = {
  [EDITOR_ROLE_CODE]: {
    name: "Alueen päätoimittaja",
    description: "Muokkaa ja julkaisee koko alueen sisältöä sekä määrittää kuntien ylläpitäjät.",
  },
  [MAINTAINER_ROLE_CODE]: {
    name: "Kunnan ylläpitäjä",
    description: "Pitää ajan tasalla vain niiden kuntien tiedot, jotka hänelle on määritetty.",
  },
} as const;

function maintainerAllows(permission: Permission): Permission | undefined {
  const { action, subject } = permission;
  if (!subject || !action.startsWith(CM)) return undefined;
  const verb = action.slice(CM.length);
  if (READ_ONLY_FOR_MAINTAINERS.includes(subject)) return verb === "read" ? permission : undefined;
  if (subject === MUNICIPALITY_UID) {
    return ["read", "update", "publish"].includes(verb)
      ? { ...permission, conditions: [OWN_MUNICIPALITY_CONDITION] }
      : undefined;
  }
  if ((MUNICIPALITY_SCOPED as readonly string[]).includes(subject)) {
    // Strapi checks a conditional create permission against the request body, where the
    // owner is a relation payload rather than a municipality; it would silently drop every
    // field. Create is therefore unconditioned here and the guard (rbac/guard.ts) refuses
    // creating a record for any municipality that is not the maintainer's own.
    if (verb === "create") return permission;
    return ["read", "update", "delete", "publish"].includes(verb)
      ? { ...permission, conditions: [OWN_MUNICIPALITY_CONDITION] }
      : undefined;
  }
  return undefined;
}

async function ensureRole(
  strapi: Core.Strapi,
  code: keyof typeof ROLE_DEFINITIONS,
  permissions: Permission[],
) {
  const roleService = adminServices(strapi).role;
  const definition = ROLE_DEFINITIONS[code];
  let role = await roleService.findOne({ code });
  if (!role) role = await roleService.create({ ...definition, code });
  // The permissions of SosKes roles are defined here and restored at every start, so that
  // a change made by hand in the admin UI cannot quietly widen a maintainer's reach.
  await roleService.assignPermissions(role.id, permissions);
  return role;
}

export async function ensureRoles(
  strapi: Core.Strapi,
): Promise<{ editorRoleId: number; maintainerRoleId: number }> {
  const services = adminServices(strapi);
  const contentTypeActions = services.permission.actionProvider
    .values()
    .filter((a) => a.section === "contentTypes");
  const all = services.contentType
    .getPermissionsWithNestedFields(contentTypeActions)
    .filter((p) => typeof p.subject === "string" && p.subject.startsWith("api::"));
  const locales = (await localesService(strapi).find()).map((l) => l.code);
  const withLocales = (permission: Permission): Permission => {
    const model = permission.subject ? strapi.contentTypes[permission.subject as UID.ContentType] : undefined;
    const localized = Boolean(
      (model?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized,
    );
    return localized ? { ...permission, properties: { ...permission.properties, locales } } : permission;
  };
  const editorPermissions = all.map(withLocales);
  const maintainerPermissions = all
    .filter((p) => p.subject !== ASSIGNMENT_UID)
    .map(maintainerAllows)
    .filter((p): p is Permission => Boolean(p))
    .map(withLocales);
  const editor = await ensureRole(strapi, EDITOR_ROLE_CODE, [...editorPermissions, ...UPLOAD_PERMISSIONS]);
  const maintainer = await ensureRole(strapi, MAINTAINER_ROLE_CODE, [
    ...maintainerPermissions,
    ...MAINTAINER_UPLOAD_PERMISSIONS,
  ]);
  return { editorRoleId: editor.id, maintainerRoleId: maintainer.id };
}
