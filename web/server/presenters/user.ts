import type { UserRow } from "../commands/users.js";
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
    abilities: abilitiesFor(user),
  };
}
