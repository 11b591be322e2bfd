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

/**
 * Municipality codes assigned to an admin user — by the user's id, never by e-mail: a maintainer
 * who changes their own address to that of a pending assignment gains nothing.
 */
export async function assignedMunicipalityCodes(
  strapi: Core.Strapi,
  userId: number | undefined,
): Promise<string[]> {
  if (userId === undefined) return [];
  const assignments = (await strapi.db.query(ASSIGNMENT_UID).findMany({
    where: { adminUserId: userId },
    populate: { municipalities: { select: ["code"] } },
  })) as Array<{ municipalities?: Array<{ code: string }> }>;
  return [...new Set(assignments.flatMap((a) => (a.municipalities ?? []).map((m) => m.code)))].sort();
}

type AdminUserRow = { id: number; email: string; firstname?: string | null; lastname?: string | null };

/** The admin account that has this address now, if any. */
const adminUserByEmail = async (strapi: Core.Strapi, email: unknown) =>
  typeof email === "string" && email.trim()
    ? ((await strapi.db
        .query("admin::user")
        .findOne({ where: { email: email.trim().toLowerCase() } })) as AdminUserRow | null)
    : null;

/** An assignment's binding to an account: its id, and whom it is (shown to the editor). */
const bindingTo = (u: AdminUserRow | null) => ({
  adminUserId: u?.id ?? null,
  boundTo: u ? `${[u.firstname, u.lastname].filter(Boolean).join(" ")} <${u.email}>`.trim() : null,
});

/**
 * Binds assignments to admin user ids at the two moments someone trusted names the person:
 * when an editor saves an assignment with an address (bound to the account that has it now),
 * and when an account is created with the address of an assignment still waiting for one.
 * A later change of an account's own e-mail binds nothing.
 */
export function bindAssignmentsToUsers(strapi: Core.Strapi): void {
  const bind = async (data: Record<string, unknown>) => {
    if (!("email" in data)) return;
    if (typeof data.email === "string") data.email = data.email.trim().toLowerCase();
    Object.assign(data, bindingTo(await adminUserByEmail(strapi, data.email)));
  };
  strapi.db.lifecycles.subscribe({
    models: [ASSIGNMENT_UID],
    async beforeCreate(event) {
      await bind(event.params.data as Record<string, unknown>);
    },
    async beforeUpdate(event) {
      await bind(event.params.data as Record<string, unknown>);
    },
  });
  strapi.db.lifecycles.subscribe({
    models: ["admin::user"],
    async afterCreate(event) {
      const user = event.result as AdminUserRow | undefined;
      if (!user?.email) return;
      await strapi.db.query(ASSIGNMENT_UID).updateMany({
        where: { email: user.email.toLowerCase(), adminUserId: { $null: true } },
        data: bindingTo(user),
      });
    },
  });
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

/** The admin user behind the current request, when it came through the admin API. */
export function currentAdminUser(strapi: Core.Strapi): AdminUserLike | undefined {
  const ctx = strapi.requestContext.get();
  const state = ctx?.state as { auth?: { strategy?: { name?: string } }; user?: AdminUserLike } | undefined;
  if (state?.auth?.strategy?.name !== "admin") return undefined;
  return state.user;
}

/**
 * Once, for an installation that kept assignments by e-mail only: each is bound to the account
 * that had its address at upgrade. After that, only the moments above bind.
 */
export async function bindLegacyAssignmentsOnce(strapi: Core.Strapi): Promise<void> {
  const flag = { type: "plugin", name: "soskes", key: "assignments-bound-to-ids" } as const;
  if (await strapi.store.get(flag)) return;
  const pending = (await strapi.db.query(ASSIGNMENT_UID).findMany({
    where: { adminUserId: { $null: true } },
    select: ["id", "email"],
  })) as Array<{ id: number; email: string }>;
  for (const a of pending) {
    const user = await adminUserByEmail(strapi, a.email);
    if (user) await strapi.db.query(ASSIGNMENT_UID).update({ where: { id: a.id }, data: bindingTo(user) });
  }
  await strapi.store.set({ ...flag, value: true });
}
