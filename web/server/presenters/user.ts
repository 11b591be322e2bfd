import type { Selectable } from "kysely";
import type { UsersTable } from "../db/schema.js";

type UserRow = Selectable<UsersTable>;
import { abilitiesFor } from "../policies/user.js";

const parse = <T>(json: string, fallback: T): T => {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

/** The signed-in user's own view of their account: the only user shape that leaves /api/me. */
export function presentMe(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    title: user.title,
    organisation: user.organisation,
    unit: user.unit,
    municipalityCode: user.municipality_code,
    phone: user.phone,
    expertise: user.expertise,
    languages: parse<string[]>(user.languages, []),
    visibility: parse<Record<string, boolean>>(user.visibility, {}),
    maintains: parse<string[]>(user.maintains, []),
    role: user.role,
    abilities: abilitiesFor({ ...user, maintains: parse<string[]>(user.maintains, []) }),
  };
}

/** Profile fields a member may show to colleagues; the name is always shown. */
export const VISIBLE_FIELDS = [
  "title",
  "organisation",
  "unit",
  "municipality",
  "phone",
  "expertise",
  "languages",
] as const;

/** A colleague's profile: the name and only the fields that member chose to show. */
export function presentColleague(user: UserRow) {
  const visible = parse<Record<string, boolean>>(user.visibility, {});
  const show = <T>(field: (typeof VISIBLE_FIELDS)[number], value: T): T | null =>
    visible[field] ? value : null;
  return {
    id: user.id,
    name: user.name,
    title: show("title", user.title),
    organisation: show("organisation", user.organisation),
    unit: show("unit", user.unit),
    municipalityCode: show("municipality", user.municipality_code),
    phone: show("phone", user.phone),
    expertise: show("expertise", user.expertise),
    languages: show("languages", parse<string[]>(user.languages, [])),
  };
}

/** A member as the admin's lists show them (pending approval or active), with their unit. */
export function presentAdminUser(
  u: Pick<
    UserRow,
    | "id"
    | "email"
    | "name"
    | "organisation"
    | "municipality_code"
    | "org_unit"
    | "role"
    | "status"
    | "created_at"
  >,
  unitNames: Map<string, string>,
) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    organisation: u.organisation,
    municipalityCode: u.municipality_code,
    role: u.role,
    status: u.status,
    orgUnit: u.org_unit ? { id: u.org_unit, name: unitNames.get(u.org_unit) ?? null } : null,
    createdAt: new Date(u.created_at).toISOString(),
  };
}
