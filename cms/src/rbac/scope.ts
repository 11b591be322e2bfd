import type { Core, UID } from "@strapi/strapi";

/** Records a municipality maintainer may own: each has a `municipality` (owner) relation. */
export const MUNICIPALITY_SCOPED = [
  "api::service-unit.service-unit",
  "api::contact-person.contact-person",
  "api::page.page",
  "api::event.event",
  "api::news.news",
  "api::link.link",
] as const satisfies readonly UID.ContentType[];

export const MUNICIPALITY_UID = "api::municipality.municipality" satisfies UID.ContentType;
export const ASSIGNMENT_UID = "api::maintainer-assignment.maintainer-assignment" satisfies UID.ContentType;

export const MAINTAINER_ROLE_CODE = "soskes-municipality-maintainer";
export const EDITOR_ROLE_CODE = "soskes-regional-editor";
export const OWN_MUNICIPALITY_CONDITION = "api::own-municipality";

export type ScopedUid = (typeof MUNICIPALITY_SCOPED)[number];

export function isScoped(uid: string): uid is ScopedUid {
  return (MUNICIPALITY_SCOPED as readonly string[]).includes(uid);
}

export type AdminUserLike = {
  id: number;
  email?: string;
  roles?: Array<{ id: number; code: string }>;
};

/** Municipality codes assigned to an admin user (by email) in maintainer-assignment records. */
export async function assignedMunicipalityCodes(
  strapi: Core.Strapi,
  email: string | undefined,
): Promise<string[]> {
  if (!email) return [];
  const assignment = (await strapi.db.query(ASSIGNMENT_UID).findOne({
    where: { email: email.toLowerCase() },
    populate: { municipalities: { select: ["code"] } },
  })) as { municipalities?: Array<{ code: string }> } | null;
  return [...new Set((assignment?.municipalities ?? []).map((m) => m.code))].sort();
}

/**
 * A user is restricted when a maintainer role is their only way in: super admins and
 * regional editors are never limited by the municipality scope.
 */
export function isRestrictedMaintainer(user: AdminUserLike): boolean {
  const codes = (user.roles ?? []).map((r) => r.code);
  if (!codes.includes(MAINTAINER_ROLE_CODE)) return false;
  return !codes.some((c) => c === "strapi-super-admin" || c === EDITOR_ROLE_CODE);
}
